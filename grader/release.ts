// For lecturers: the student release of the repository and the entries of the Gradescope
// bundle (its scripts in gradescope.ts; the GitHub Classroom workflow is classroom.ts).
import type { Manifest } from './manifest';
import type { ZipEntry } from './zip';
import { autograderEntries as gradescopeEntries } from './gradescope';
export { RUN_AUTOGRADER, SETUP_SH } from './gradescope';

/** The string every hidden test file carries; a release containing it leaked a hidden test. */
export const HIDDEN_CANARY = ['ANNLAB', 'HIDDEN', 'CANARY'].join('-'); // built, so that this file does not carry it

const SKIP_ALWAYS = new Set(['node_modules', '.git', 'build', '.jupyter', '.ipynb_checkpoints']);
/** Lecturer-only paths, never in the student release: the reference, the hidden tests, the
 *  grader's own tests (they grade solutions/) and the tools that need them. */
const LECTURER_ONLY = ['solutions', 'test/hidden', 'test/grader', 'scripts/release.ts', 'scripts/autograder.ts', 'scripts/make-stubs.ts', 'scripts/new-exercise.ts', 'grader/scaffold.ts', 'grading/notebook-sections.json'];
/** npm scripts of lecturer tools, removed from the student copy's package.json. */
const LECTURER_SCRIPTS = ['release', 'autograder', 'stubs', 'new-exercise'];
/** Folders of test/ that the student copy's `npm test` leaves out: the graded tests run
 *  through `npm run grade` (a score table, not a wall of failures until the work is done);
 *  support/ holds no tests. */
const NOT_IN_STUDENT_NPM_TEST = ['graded', 'support'];

/** The student copy's jest.config.js: the same transform, roots = the test folders a student runs. */
export function studentJestConfig(roots: string[]): string {
  const list = roots.map((r) => `'<rootDir>/test/${r}'`).join(', ');
  return `/** The student copy (made by the lecturer's \`npm run release\`): \`npm test\` runs the engine's and
 *  the project's tests. The graded tests (test/graded/) run through \`npm run grade\`, which
 *  prints the score table with a hint for each failure; the grader passes its own --roots. */
module.exports = {
  testEnvironment: 'node',
  roots: [${list}],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
};
`;
}

/** grading/README.md of the student copy. */
export const STUDENT_GRADING_README = `# Grading your exercises

Write your code in \`exercises/*.ts\`, one exercise per notebook and named like it (\`01-neurons.ts\` …
\`08-learning-rate.ts\`); each function says which notebook section explains it.

| command | what it does |
|---|---|
| \`npm run grade\` | runs the public tests (\`test/graded/\`) on your \`exercises/\`: a score table with a hint for each failing test, and \`build/grade/{results.json, junit.xml, results.csv, report.txt}\` |
| \`npm run grade -- --exercise 02-perceptron\` | only that exercise |
| \`await check('02-perceptron')\` (notebook) | the public tests of one exercise, as a table under the cell |
| \`npm test\` | the course library's own tests (\`test/\` except \`test/graded/\`): they pass before you start |

The public tests fail with "not implemented yet" until you write each function; that is why
\`npm test\` leaves them to \`npm run grade\`. The lecturer's grader runs the same public tests
plus hidden ones (other inputs, edge cases): code that only fits the public examples loses
those points. Your functions must return new arrays and leave their arguments as they were.
`;

/** Files of the project (relative, '/'-separated), without the always-skipped folders. */
export function projectFiles(root: string, skip: string[] = []): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (SKIP_ALWAYS.has(e.name) || e.name.endsWith('.log') || skip.some((s) => r === s || r.startsWith(s + '/'))) continue;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** The manifest without the hidden tests (their ids say what the hidden tests check). */
export function publicManifest(m: Manifest): Manifest {
  const out: Manifest = { exercises: {} };
  for (const [name, ex] of Object.entries(m.exercises)) {
    const tests: Manifest['exercises'][string]['tests'] = {};
    for (const [id, t] of Object.entries(ex.tests)) if (t.visibility === 'visible') tests[id] = t;
    out.exercises[name] = { ...ex, tests };
  }
  return out;
}

/** Problems of a release folder: the hidden canary, solution files, hidden test ids. */
export function auditRelease(dir: string, root: string, manifest: Manifest): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const problems: string[] = [];
  const hiddenIds = Object.values(manifest.exercises).flatMap((e) => Object.entries(e.tests).filter(([, t]) => t.visibility !== 'visible').map(([id]) => id));
  const solutions = new Map<string, string>();
  const solDir = path.join(root, 'solutions');
  if (fs.existsSync(solDir)) {
    for (const f of fs.readdirSync(solDir)) {
      const text = fs.readFileSync(path.join(solDir, f), 'utf8');
      const starter = path.join(root, 'exercises', f);
      // a file identical in exercises/ (a shared helper) is not a secret
      if (!fs.existsSync(starter) || fs.readFileSync(starter, 'utf8') !== text) solutions.set(text, f);
    }
  }
  for (const rel of projectFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    if (text.includes(HIDDEN_CANARY)) problems.push(`${rel} contains the hidden-test canary ${HIDDEN_CANARY}`);
    if (solutions.has(text)) problems.push(`${rel} is a copy of solutions/${solutions.get(text)}`);
    if (rel.endsWith('.json') || rel.endsWith('.ts')) {
      for (const id of hiddenIds) if (text.includes(`"${id}"`) || text.includes(`[${id}]`)) problems.push(`${rel} names the hidden test ${id}`);
    }
  }
  return problems;
}

/** Problems of a student copy as a project: its jest config's roots must exist and hold tests
 *  and leave out the graded tests; no lecturer-only file or npm script may be left. */
export function verifyRelease(dir: string): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const problems: string[] = [];
  const files = projectFiles(dir);
  let roots: string[] = [];
  try {
    const file = path.join(dir, 'jest.config.js');
    delete require.cache[file]; // a fresh read each time
    roots = (((require(file) as { roots?: string[] }).roots) ?? []).map((r) => r.replace('<rootDir>/', ''));
  } catch (e) {
    problems.push(`jest.config.js cannot be read: ${(e as Error).message}`);
  }
  if (!roots.length) problems.push('jest.config.js names no roots');
  for (const r of roots) {
    if (!files.some((f) => f.startsWith(r + '/') && f.endsWith('.test.ts'))) problems.push(`jest.config.js root ${r} has no test files`);
    if (['test', 'test/graded', 'test/hidden', 'test/grader'].includes(r)) problems.push(`jest.config.js root ${r}: npm test must leave the graded tests to npm run grade`);
  }
  for (const f of files) {
    if (LECTURER_ONLY.some((l) => f === l || f.startsWith(l + '/'))) problems.push(`${f} is lecturer-only`);
    if (f.endsWith('.test.ts') && !f.startsWith('test/graded/') && !roots.some((r) => f.startsWith(r + '/'))) problems.push(`${f} is a test that neither npm test nor npm run grade runs`);
  }
  try {
    const scripts = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    for (const k of LECTURER_SCRIPTS) if (scripts[k]) problems.push(`package.json keeps the lecturer script '${k}'`);
    for (const k of ['test', 'grade']) if (!scripts[k]) problems.push(`package.json lacks the script '${k}'`);
  } catch (e) {
    problems.push(`package.json cannot be read: ${(e as Error).message}`);
  }
  if (!files.some((f) => f.startsWith('test/graded/') && f.endsWith('.test.ts'))) problems.push('test/graded/ holds no public tests');
  return problems;
}

/** Type-checks a student copy with this project's TypeScript (its node_modules linked in for
 *  the run): the copy's own tsconfig, so the output is what a student's `npx tsc` prints. */
export function typecheckRelease(dir: string, root: string): string[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const link = path.join(dir, 'node_modules');
  const linked = !fs.existsSync(link);
  if (linked) fs.symlinkSync(path.join(root, 'node_modules'), link, 'dir');
  try {
    const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 300000 });
    if (r.error) return [`tsc could not run: ${r.error.message}`];
    return `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim()).map((l) => `tsc: ${l}`);
  } finally {
    if (linked) fs.unlinkSync(link);
  }
}

/** Writes the student release to `out` (which must not exist or be empty), makes it a
 *  coherent project of its own (jest config, package.json scripts, grading notes) and audits it. */
export function makeRelease(root: string, out: string): { files: number; problems: string[]; testRoots: string[] } {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const { loadManifest } = require('./manifest') as typeof import('./manifest');
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`release: ${out} is not empty`);
  const manifest = loadManifest(path.join(root, 'grading', 'manifest.json'));
  const files = projectFiles(root, LECTURER_ONLY);
  for (const rel of files) {
    const target = path.join(out, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (rel === 'grading/manifest.json') fs.writeFileSync(target, JSON.stringify(publicManifest(manifest), null, 2) + '\n');
    else fs.copyFileSync(path.join(root, rel), target);
    fs.chmodSync(target, fs.statSync(path.join(root, rel)).mode & 0o777);
  }
  // The student's npm test: every test folder of the copy except the graded tests and support/.
  const testDirs = fs.existsSync(path.join(out, 'test'))
    ? fs.readdirSync(path.join(out, 'test'), { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_IN_STUDENT_NPM_TEST.includes(d.name)).map((d) => d.name).sort()
    : [];
  fs.writeFileSync(path.join(out, 'jest.config.js'), studentJestConfig(testDirs));
  fs.writeFileSync(path.join(out, 'grading', 'README.md'), STUDENT_GRADING_README);
  const pkgFile = path.join(out, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts?: Record<string, string> };
  for (const k of LECTURER_SCRIPTS) if (pkg.scripts) delete pkg.scripts[k];
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  return { files: files.length, problems: [...auditRelease(out, root, manifest), ...verifyRelease(out)], testRoots: testDirs.map((d) => `test/${d}`) };
}

/** The Gradescope bundle's entries (grader/gradescope.ts), from this project's files. */
export function autograderEntries(root: string): ZipEntry[] {
  return gradescopeEntries(root, (r) => projectFiles(r));
}
