// The Gradescope autograder bundle, laid out as Gradescope documents it
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/): the zip is unpacked into
// <root>/source, setup.sh runs there once as root, run_autograder (copied to <root>/) runs
// per submission with <root>/submission in place and writes <root>/results/results.json.
// <root> is /autograder, or ANNLAB_AUTOGRADER_ROOT (so that CI can rehearse it anywhere).
import type { ZipEntry } from './zip';

/** setup.sh: Node ≥ 20 (fetched only when missing), the sandbox's util-linux tools, `npm ci`,
 *  and the hidden tests and manifest made readable by root only. */
export const SETUP_SH = `#!/usr/bin/env bash
# Gradescope autograder setup: runs once, as root, in <root>/source when the image is built.
set -euo pipefail
cd "$(dirname "\${BASH_SOURCE[0]}")"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null || [ "$(node_major)" -lt 20 ]; then
  apt-get update
  apt-get install -y --no-install-recommends ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
# setpriv, prlimit and unshare isolate student code; Gradescope's Ubuntu images have them.
if ! command -v setpriv >/dev/null || ! command -v prlimit >/dev/null; then
  apt-get update && apt-get install -y --no-install-recommends util-linux
fi
npm ci --ignore-scripts --no-audit --no-fund --prefer-offline
# Student code runs as 'nobody': the hidden tests and the manifest are root's alone.
chmod -R go-rwx test/hidden grading
`;

/** run_autograder: grades <root>/submission into <root>/results/results.json. */
export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Gradescope runs this for each submission (as root, from <root>); the grader always writes results.json.
set -uo pipefail
AUTOGRADER_ROOT="\${ANNLAB_AUTOGRADER_ROOT:-/autograder}"
cd "$AUTOGRADER_ROOT/source"
mkdir -p "$AUTOGRADER_ROOT/results"
chmod -R go-rwx test/hidden grading 2>/dev/null || true
# The compiled tests (hidden ones included) are root's alone too.
mkdir -p "\${TMPDIR:-/tmp}/annlab-tests-cache" && chmod 700 "\${TMPDIR:-/tmp}/annlab-tests-cache"
exec node grader/run-ts.js scripts/grade.ts --submission "$AUTOGRADER_ROOT/submission" --out "$AUTOGRADER_ROOT/results" --timeout 600
`;

/** Files and folders of the project that grading needs (the rest stays out of the bundle). */
export const AUTOGRADER_KEEP = ['package.json', 'package-lock.json', 'jest.config.js', 'tsconfig.json', 'src/', 'grader/', 'scripts/', 'grading/', 'exercises/', 'test/graded/', 'test/hidden/', 'test/support/', 'data/'];

/** The bundle's entries, every one at the zip's top level: setup.sh, run_autograder, and the
 *  grading sources beside them (package-lock.json where setup.sh's `npm ci` looks for it). */
export function autograderEntries(root: string, projectFiles: (root: string) => string[]): ZipEntry[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const entries: ZipEntry[] = [
    { name: 'setup.sh', data: Buffer.from(SETUP_SH), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(RUN_AUTOGRADER), mode: 0o755 },
  ];
  for (const rel of projectFiles(root)) {
    if (rel === 'setup.sh' || rel === 'run_autograder') continue;
    if (!AUTOGRADER_KEEP.some((k) => (k.endsWith('/') ? rel.startsWith(k) : rel === k))) continue;
    entries.push({ name: rel, data: fs.readFileSync(path.join(root, rel)), mode: fs.statSync(path.join(root, rel)).mode & 0o777 });
  }
  return entries;
}

const VISIBILITIES = ['hidden', 'after_due_date', 'after_published', 'visible'];
const FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];
const STATUSES = ['passed', 'failed'];

/** Problems of a results.json value against Gradescope's documented format (empty when valid):
 *  a score on the whole or on every test, numbers finite, the enumerations as documented. */
export function validateGradescopeResults(value: unknown): string[] {
  const p: string[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['results.json: expected an object'];
  const r = value as Record<string, unknown>;
  const num = (v: unknown, where: string, optional = true) => {
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) p.push(`${where}: expected a finite number, got ${JSON.stringify(v)}`);
  };
  const oneOf = (v: unknown, allowed: string[], where: string) => {
    if (v !== undefined && !allowed.includes(v as string)) p.push(`${where}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  };
  const str = (v: unknown, where: string) => {
    if (v !== undefined && typeof v !== 'string') p.push(`${where}: expected a string, got ${typeof v}`);
  };
  num(r.score, 'score');
  num(r.execution_time, 'execution_time');
  str(r.output, 'output');
  oneOf(r.output_format, FORMATS, 'output_format');
  oneOf(r.test_output_format, FORMATS, 'test_output_format');
  oneOf(r.test_name_format, FORMATS, 'test_name_format');
  oneOf(r.visibility, VISIBILITIES, 'visibility');
  oneOf(r.stdout_visibility, VISIBILITIES, 'stdout_visibility');
  if (r.extra_data !== undefined && (typeof r.extra_data !== 'object' || r.extra_data === null)) p.push('extra_data: expected an object');
  if (r.tests !== undefined && !Array.isArray(r.tests)) p.push('tests: expected an array');
  const tests = Array.isArray(r.tests) ? (r.tests as unknown[]) : [];
  if (r.score === undefined && tests.length === 0) p.push('score: required when no test carries a score');
  tests.forEach((t, i) => {
    const w = `tests[${i}]`;
    if (!t || typeof t !== 'object') return p.push(`${w}: expected an object`);
    const x = t as Record<string, unknown>;
    if (r.score === undefined) num(x.score, `${w}.score`, false);
    else num(x.score, `${w}.score`);
    num(x.max_score, `${w}.max_score`);
    if (typeof x.score === 'number' && typeof x.max_score === 'number' && (x.score < 0 || x.score > x.max_score)) p.push(`${w}: score ${x.score} outside 0…${x.max_score}`);
    oneOf(x.status, STATUSES, `${w}.status`);
    str(x.name, `${w}.name`);
    str(x.number, `${w}.number`);
    str(x.output, `${w}.output`);
    oneOf(x.name_format, FORMATS, `${w}.name_format`);
    oneOf(x.output_format, FORMATS, `${w}.output_format`);
    oneOf(x.visibility, VISIBILITIES, `${w}.visibility`);
    if (x.tags !== undefined && (!Array.isArray(x.tags) || x.tags.some((g) => typeof g !== 'string'))) p.push(`${w}.tags: expected an array of strings`);
  });
  return p;
}
