// The Gradescope bundle run as Gradescope runs it: the zip unpacked into <root>/source,
// `setup.sh` there as root (no network: Node ≥ 20 is installed, npm works from its cache),
// run_autograder copied to <root>/ and run from <root> for each submission, results.json
// checked against Gradescope's documented format. <root> is a temporary folder given by
// ANNLAB_AUTOGRADER_ROOT, so the test never touches /autograder.
//
// To add a submission: put its files in SUBMISSIONS below (file name → source) and say what
// its results.json must show in `expect`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { autograderEntries } from '../../grader/release';
import { validateGradescopeResults } from '../../grader/gradescope';
import { loadManifest } from '../../grader/manifest';
import { zipBytes } from '../../grader/zip';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const EXERCISES = Object.keys(manifest.exercises);
const maxOf = (ex: string) => Object.values(manifest.exercises[ex].tests).reduce((s, t) => s + t.points, 0);
const TOTAL = EXERCISES.reduce((s, e) => s + maxOf(e), 0);
const solution = (ex: string) => fs.readFileSync(path.join(ROOT, 'solutions', `${ex}.ts`), 'utf8');

/** Gradescope's results.json as this test reads it. */
interface Results {
  score: number;
  output: string;
  tests: { name: string; score: number; max_score: number; status: string; output: string; tags: string[]; visibility: string }[];
}
const scoreOf = (r: Results, ex: string) => r.tests.filter((t) => t.tags.includes(ex)).reduce((s, t) => s + t.score, 0);

interface Submission {
  name: string;
  /** files of <root>/submission: name → content */
  files: () => Record<string, string>;
  expect: (r: Results) => void;
}

const SUBMISSIONS: Submission[] = [
  {
    name: 'full: every exercise solved',
    files: () => Object.fromEntries(EXERCISES.map((e) => [`${e}.ts`, solution(e)])),
    expect: (r) => {
      expect(r.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output.split('\n')[0]}`)).toEqual([]);
      expect(r.score).toBe(TOTAL);
    },
  },
  {
    name: 'empty: nothing handed in',
    files: () => ({}),
    expect: (r) => {
      expect(r.score).toBe(0);
      expect(r.tests.length).toBe(EXERCISES.reduce((s, e) => s + Object.keys(manifest.exercises[e].tests).length, 0));
      expect(r.tests.every((t) => t.status === 'failed' && t.score === 0)).toBe(true);
    },
  },
  {
    name: 'partial: the first two exercises only',
    files: () => Object.fromEntries(EXERCISES.slice(0, 2).map((e) => [`${e}.ts`, solution(e)])),
    expect: (r) => {
      for (const e of EXERCISES.slice(0, 2)) expect(scoreOf(r, e)).toBe(maxOf(e));
      for (const e of EXERCISES.slice(2)) expect(scoreOf(r, e)).toBe(0);
      expect(r.score).toBe(maxOf(EXERCISES[0]) + maxOf(EXERCISES[1]));
    },
  },
  {
    name: 'whoami: student code reports the user it runs as',
    files: () => ({
      [`${EXERCISES[0]}.ts`]: `declare const process: { getuid(): number };\nexport function ${firstExport(EXERCISES[0])}(): never { throw new Error('running as uid ' + process.getuid()); }\n`,
    }),
    expect: (r) => {
      const outputs = r.tests.filter((t) => t.tags.includes(EXERCISES[0])).map((t) => t.output).join('\n');
      expect(outputs).toMatch(/running as uid 65534\b/); // nobody
      expect(outputs).not.toMatch(/running as uid 0\b/);
    },
  },
  {
    name: 'attacker: tries to read the hidden tests, their compiled forms and the manifest',
    files: () => ({
      [`${EXERCISES[0]}.ts`]: [
        'declare const require: (id: string) => any;',
        'declare const process: any;',
        "const attempt = (f: () => unknown): string => { try { return 'READ ' + String(f()).slice(0, 60); } catch (e) { return 'refused: ' + String((e as Error).message).slice(0, 100); } };",
        `export function ${firstExport(EXERCISES[0])}(): never {`,
        '  const report = {',
        `    hiddenTest: attempt(() => require('../test/hidden/${EXERCISES[0]}.test')),`,
        "    hiddenFile: attempt(() => require('fs').readFileSync('../source/test/hidden', 'utf8')),",
        "    testCache: attempt(() => require('fs').readdirSync('../source/node_modules/.cache/annlab-tests')),",
        "    manifest: attempt(() => require('../grading/manifest.json')),",
        "    binding: attempt(() => process.binding('fs')),",
        "    builtin: attempt(() => process.getBuiltinModule('fs')),",
        '  };',
        "  throw new Error('ATTACK ' + JSON.stringify(report));",
        '}',
        '',
      ].join('\n'),
    }),
    expect: (r) => {
      const outputs = r.tests.filter((t) => t.tags.includes(EXERCISES[0])).map((t) => t.output).join('\n');
      expect(outputs).toMatch(/ATTACK/);
      expect(outputs).not.toMatch(/READ /);
      expect(scoreOf(r, EXERCISES[0])).toBe(0);
    },
  },
];

/** The first exported function of an exercise's starter (the one the whoami fixture replaces). */
function firstExport(ex: string): string {
  const m = /export function (\w+)/.exec(fs.readFileSync(path.join(ROOT, 'exercises', `${ex}.ts`), 'utf8'));
  if (!m) throw new Error(`exercises/${ex}.ts exports no function`);
  return m[1];
}

const asRoot = process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;
const describeAsRoot = asRoot || process.env.CI ? describe : describe.skip;
if (!asRoot && !process.env.CI) console.log('gradescope-run: skipped, Gradescope runs the autograder as root (run as root to rehearse it)');

describeAsRoot('the Gradescope bundle, run as Gradescope runs it', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-autograder-'));
  fs.chmodSync(root, 0o755); // like /autograder: the sandbox user may enter it
  const source = path.join(root, 'source');
  const env = { ...process.env, ANNLAB_AUTOGRADER_ROOT: root, npm_config_offline: 'true' };
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('unpacks at the top level and setup.sh builds it without network', () => {
    const zip = path.join(os.tmpdir(), `annlab-autograder-${process.pid}.zip`);
    fs.writeFileSync(zip, zipBytes(autograderEntries(ROOT)));
    const un = spawnSync('unzip', ['-q', zip, '-d', source], { encoding: 'utf8' });
    fs.rmSync(zip, { force: true });
    expect(un.status).toBe(0);
    expect(fs.existsSync(path.join(source, 'package-lock.json'))).toBe(true);
    const setup = spawnSync('bash', ['./setup.sh'], { cwd: source, env, encoding: 'utf8', timeout: 540000 });
    expect(`${setup.status}\n${setup.stderr.slice(-2000)}`).toBe('0\n' + setup.stderr.slice(-2000));
    expect(setup.stdout + setup.stderr).not.toMatch(/nodesource|apt-get/); // Node 20 is here: nothing fetched
    for (const d of ['test/hidden', 'grading']) expect(fs.statSync(path.join(source, d)).mode & 0o077).toBe(0);
    // Gradescope copies run_autograder to <root>/ during the image build.
    fs.copyFileSync(path.join(source, 'run_autograder'), path.join(root, 'run_autograder'));
    fs.chmodSync(path.join(root, 'run_autograder'), 0o755);
  }, 600000);

  for (const s of SUBMISSIONS) {
    it(`run_autograder grades a submission — ${s.name}`, () => {
      const sub = path.join(root, 'submission');
      const results = path.join(root, 'results');
      fs.rmSync(sub, { recursive: true, force: true });
      fs.rmSync(results, { recursive: true, force: true });
      fs.mkdirSync(sub);
      for (const [name, text] of Object.entries(s.files())) fs.writeFileSync(path.join(sub, name), text);
      const run = spawnSync(path.join(root, 'run_autograder'), [], { cwd: root, env, encoding: 'utf8', timeout: 600000 });
      expect(run.error).toBeUndefined();
      const file = path.join(results, 'results.json');
      expect(fs.existsSync(file) ? 'results.json written' : `no results.json; run_autograder said:\n${run.stdout}\n${run.stderr}`).toBe('results.json written');
      const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
      expect(validateGradescopeResults(r)).toEqual([]);
      s.expect(r);
      // The compiled hidden tests are root's alone.
      const cache = path.join(os.tmpdir(), 'annlab-tests-cache');
      if (fs.existsSync(cache)) expect(fs.statSync(cache).mode & 0o077).toBe(0);
    }, 600000);
  }
});

describe("Gradescope's results.json format", () => {
  it('accepts the documented example and refuses what Gradescope would not read', () => {
    const ok = { score: 44, execution_time: 136, output: 'x', visibility: 'after_due_date', stdout_visibility: 'visible', extra_data: {}, tests: [{ score: 2, max_score: 2, status: 'passed', name: 'a', number: '1.1', output: 'ok', tags: ['t'], visibility: 'visible' }] };
    expect(validateGradescopeResults(ok)).toEqual([]);
    expect(validateGradescopeResults({ tests: [] })).toEqual(['score: required when no test carries a score']);
    expect(validateGradescopeResults({ score: Infinity })).toEqual(['score: expected a finite number, got null']);
    expect(validateGradescopeResults({ score: 1, visibility: 'public', tests: [{ score: 3, max_score: 2, status: 'ok', tags: [1] }] })).toEqual([
      'visibility: expected one of hidden, after_due_date, after_published, visible, got "public"',
      'tests[0]: score 3 outside 0…2',
      'tests[0].status: expected one of passed, failed, got "ok"',
      'tests[0].tags: expected an array of strings',
    ]);
  });
});
