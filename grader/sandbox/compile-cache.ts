// The course library (src/**/*.ts) is transpiled once and cached on disk, so that a
// sandbox child starts in a fraction of a second instead of loading TypeScript each
// time. Only trusted processes (the test process) write this cache; the child reads it.
// The key must match child.js: sha1('annlab-ts-1\0' + filename + '\0' + source).
import type * as TS from 'typescript';

/** Where the cache lives: <project>/node_modules/.cache/annlab-sandbox. */
export function cacheDir(projectRoot: string): string {
  const path = require('path') as typeof import('path');
  return path.join(projectRoot, 'node_modules', '.cache', 'annlab-sandbox');
}

function listTs(dir: string, out: string[]): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  let entries: import('fs').Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listTs(p, out);
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const warmed = new Set<string>();

/** Transpiles every src/**\/*.ts that is not cached yet (once per process). Never throws. */
export function warmCache(projectRoot: string): void {
  if (warmed.has(projectRoot)) return;
  warmed.add(projectRoot);
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const crypto = require('crypto') as typeof import('crypto');
  const dir = cacheDir(projectRoot);
  let ts: typeof TS | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const file of listTs(path.join(projectRoot, 'src'), [])) {
      const source = fs.readFileSync(file, 'utf8');
      const key = crypto.createHash('sha1').update('annlab-ts-1\0' + file + '\0' + source).digest('hex');
      const target = path.join(dir, key + '.js');
      if (fs.existsSync(target)) continue;
      ts = ts ?? (require('typescript') as typeof TS);
      const out = ts.transpileModule(source, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      });
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, out.outputText);
      fs.renameSync(tmp, target);
    }
  } catch {
    // A read-only install: the child transpiles in memory instead (slower, still correct).
  }
}
