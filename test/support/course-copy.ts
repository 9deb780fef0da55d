/**
 * Copies of the course, as a student holds them (one per assignment, or one per home on a
 * JupyterHub), for tests.
 *
 *   const copy = copyCourse(path.join(tmp, 'course-a'));
 *
 * A copy has every file of the project's repository (tracked, or new and not ignored) as a
 * file of its own, so that editing an exercise in one copy never touches another, and
 * node_modules as a link to this project's (a student would run `npm install`; sharing it
 * keeps the test fast and offline).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from './jupyter';

/** Folders never copied when the project is not a git checkout. */
const SKIPPED = new Set(['node_modules', '.git', 'build', '.jupyter']);

/** The project's files, relative to its root: git's list when possible, else a walk. */
export function courseFiles(root: string = PROJECT_ROOT): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return out.split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
  } catch {
    const files: string[] = [];
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        if (SKIPPED.has(entry.name)) continue;
        const child = path.join(rel, entry.name);
        if (entry.isDirectory()) walk(child);
        else if (entry.isFile()) files.push(child);
      }
    };
    walk('');
    return files;
  }
}

/** Copies the course into `dest` (created), with node_modules linked to this project's. Returns dest. */
export function copyCourse(dest: string, root: string = PROJECT_ROOT): string {
  for (const file of courseFiles(root)) {
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dest, file));
  }
  // 'junction' lets Windows link a folder without administrator rights; elsewhere it is ignored.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dest, 'node_modules'), 'junction');
  return dest;
}

/** Writes exercises/whoami.ts into a copy: what a notebook of that copy imports to say whose it is. */
export function markCopy(copy: string, name: string): void {
  fs.writeFileSync(path.join(copy, 'exercises', 'whoami.ts'), `export const whoami: string = ${JSON.stringify(name)};\n`);
}
