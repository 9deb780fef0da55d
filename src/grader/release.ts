// For lecturers: the student release of the repository, the Gradescope autograder bundle
// and the GitHub Classroom workflow.
import type { Manifest } from './manifest';
import type { ZipEntry } from './zip';

/** The string every hidden test file carries; a release containing it leaked a hidden test. */
export const HIDDEN_CANARY = ['ANNLAB', 'HIDDEN', 'CANARY'].join('-'); // built, so that this file does not carry it

const SKIP_ALWAYS = new Set(['node_modules', '.git', 'build', '.jupyter', '.ipynb_checkpoints']);
/** Lecturer-only paths, never in the student release. */
const LECTURER_ONLY = ['solutions', 'test/hidden', 'test/grader'];

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

/** Writes the student release to `out` (which must not exist or be empty) and audits it. */
export function makeRelease(root: string, out: string): { files: number; problems: string[] } {
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
  return { files: files.length, problems: auditRelease(out, root, manifest) };
}

/** Gradescope's setup.sh: Node 20 and the project's dependencies. */
export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope autograder setup (runs once, as root, when the image is built).
set -euo pipefail
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gnupg util-linux python3
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
cd /autograder/source
npm ci --ignore-scripts --no-audit --no-fund
# The sandbox runs student code as 'nobody': the hidden tests and the manifest are root-only.
chmod -R go-rwx test/hidden grading
`;

/** Gradescope's run_autograder: grade /autograder/submission into /autograder/results. */
export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for each submission; results.json is always written by the grader.
cd /autograder/source
mkdir -p /autograder/results
chmod -R go-rwx test/hidden grading 2>/dev/null || true
npx --no-install tsx scripts/grade.ts --submission /autograder/submission --out /autograder/results --timeout 600 --jobs 1
`;

/** The Gradescope bundle's entries: setup.sh, run_autograder and the grading sources. */
export function autograderEntries(root: string): ZipEntry[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const keep = ['package.json', 'package-lock.json', 'jest.config.js', 'tsconfig.json', 'src/', 'scripts/', 'grading/', 'exercises/', 'test/graded/', 'test/hidden/', 'test/support/', 'data/'];
  const entries: ZipEntry[] = [
    { name: 'setup.sh', data: Buffer.from(SETUP_SH), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(RUN_AUTOGRADER), mode: 0o755 },
  ];
  for (const rel of projectFiles(root)) {
    if (!keep.some((k) => (k.endsWith('/') ? rel.startsWith(k) : rel === k))) continue;
    entries.push({ name: `source/${rel}`, data: fs.readFileSync(path.join(root, rel)), mode: fs.statSync(path.join(root, rel)).mode & 0o777 });
  }
  return entries;
}

/** A GitHub Classroom workflow: the public tests on every push, with the score table. */
export const GITHUB_WORKFLOW = `# GitHub Classroom: runs the public tests of the exercises on every push.
name: annlab public tests
on: [push, workflow_dispatch]
permissions:
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci --ignore-scripts
      - name: Grade the exercises (public tests)
        run: npm run grade -- --no-hidden --out build/grade
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: grade
          path: build/grade
      - name: Fail when a public test fails
        run: node -e "const r=require('./build/grade/results.json'); const m=r.tests.reduce((s,t)=>s+t.max_score,0); console.log('score', r.score, '/', m); process.exit(r.score < m ? 1 : 0)"
`;
