// The supervisor when things go wrong: one exercise cannot sink the others (a compiler bomb,
// stalled loading, type errors), a stopped run keeps what it graded, kill -9 of the grader
// leaves nothing running and the next run writes the gradebook an uninterrupted run would,
// and a temporary folder the sandbox user cannot enter is refused up front.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { gradeSubmission, GraderSetupError } from '../../grader/supervise';
import { runTests } from '../../grader/test-run';
import { loadManifest, maxPoints } from '../../grader/manifest';
import { detectIsolation } from '../../grader/sandbox/launch';

const ROOT = path.resolve(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-faults-test-'));
fs.chmodSync(tmp, 0o755);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Exercises whose reference imports no other exercise: a fault in one cannot reach another. */
const leaves = Object.keys(manifest.exercises).filter((e) => !/from '\.\/(?!not-implemented')/.test(fs.readFileSync(path.join(ROOT, 'solutions', `${e}.ts`), 'utf8')));
const [bombEx, stallEx, typedEx, cleanEx] = leaves;
const solution = (e: string) => fs.readFileSync(path.join(ROOT, 'solutions', `${e}.ts`), 'utf8');
const full = (e: string) => maxPoints(manifest.exercises[e]);
/** A busy top level: the file never finishes loading. */
const STALL = 'const annlabStart = Date.now();\nwhile (Date.now() - annlabStart < 600_000) { /* stalls */ }\n';

function submission(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name, 'exercises');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'solutions'))) fs.copyFileSync(path.join(ROOT, 'solutions', f), path.join(dir, f));
  for (const [e, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${e}.ts`), text);
  return path.dirname(dir);
}

/** Processes whose working folder or environment mentions `needle` (Linux /proc). */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${e}/cwd`);
      const env = fs.readFileSync(`/proc/${e}/environ`, 'utf8');
      const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
      if (cwd.includes(needle) || env.includes(needle) || cmd.includes(needle)) found.push(`${e}: ${cmd.replace(/\0/g, ' ')}`);
    } catch {
      /* gone, or not ours */
    }
  }
  return found;
}

async function until<T>(what: string, f: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('one exercise cannot sink the others', () => {
  it('a compiler bomb, a file that never finishes loading and type errors cost only their own exercise', async () => {
    const out = path.join(tmp, 'out-faults');
    const r = await gradeSubmission({
      submission: submission('faults', {
        [bombEx]: `export const deep = ${'['.repeat(100_000)}${']'.repeat(100_000)};\n`,
        [stallEx]: STALL + solution(stallEx),
        [typedEx]: solution(typedEx) + "\nexport const annlabTypeError: number = 'not a number';\n",
      }),
      outDir: out,
      exercises: [bombEx, stallEx, typedEx, cleanEx],
      timeoutMs: 400_000,
    });
    const by = (e: string) => r.exercises.find((x) => x.name === e) as (typeof r.exercises)[number];
    expect(by(bombEx).score).toBe(0);
    expect(by(bombEx).compileError).toMatch(/could not process this file/);
    expect(by(stallEx).score).toBe(0);
    for (const t of r.tests.filter((x) => x.exercise === stallEx)) expect(t.output).toMatch(/loading exercises\/.*\.ts did not finish within|used up its time budget/);
    expect(by(typedEx).score).toBe(full(typedEx));
    const lines = solution(typedEx).split('\n').length + 1;
    expect(by(typedEx).typeErrors).toBe(`exercises/${typedEx}.ts:${lines}:14 - error TS2322: Type 'string' is not assignable to type 'number'.`);
    expect(by(cleanEx).score).toBe(full(cleanEx));
    // Type errors come first in the student's table, before any failing test.
    const table = fs.readFileSync(path.join(out, 'report.txt'), 'utf8');
    // (The table wraps long lines: compare with the white space collapsed.)
    expect(table.replace(/\s+/g, ' ')).toContain(
      `${typedEx}: exercises/${typedEx}.ts has type errors (the tests ran on the code as written): exercises/${typedEx}.ts:${lines}:14 - error TS2322`,
    );
  }, 600_000);
});

describe('a stopped run keeps what it graded', () => {
  it('records each test file as it completes: stopped midway, the finished file keeps its results', async () => {
    const project = path.join(tmp, 'project');
    fs.mkdirSync(path.join(project, 'test'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    fs.writeFileSync(path.join(project, 'jest.config.js'), "module.exports = { testEnvironment: 'node', testMatch: ['**/*.test.js'] };\n");
    fs.writeFileSync(path.join(project, 'test', 'fast.test.js'), "test('[fast.one] passes', () => expect(1).toBe(1));\n");
    fs.writeFileSync(path.join(project, 'test', 'slow.test.js'), "test('[slow.one] never ends', () => new Promise(() => {}), 3_600_000);\n");
    const privateDir = fs.mkdtempSync(path.join(tmp, 'private-'));
    const stop = new AbortController();
    let completed = 0;
    const running = runTests(project, [['test/fast.test.js'], ['test/slow.test.js']].map((g) => g.map((f) => path.join(project, f))), {
      timeoutMs: 600_000,
      workers: 2,
      cacheDir: path.join(privateDir, 'cache'),
      env: process.env,
      signal: stop.signal,
      onFile: () => completed++,
    });
    await until('the fast file to complete', () => (completed > 0 ? true : undefined), 300_000);
    stop.abort();
    const run = await running;
    expect(run.problem).toMatch(/stopped; exercises graded by then keep their points/);
    expect(run.json.testResults?.map((f) => [path.basename(f.name ?? ''), f.assertionResults?.map((a) => a.status)])).toEqual([['fast.test.js', ['passed']]]);
    await until('the test processes to be gone', () => (processesMentioning(project).length === 0 ? true : undefined), 20_000);
  }, 400_000);
});

describe('kill -9 of the grader', () => {
  it('leaves no process running, and the next run writes the gradebook an uninterrupted run writes', async () => {
    const own = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    fs.chmodSync(own, 0o755);
    const cls = path.join(tmp, 'kill-class');
    for (const [student, text] of [
      ['ann', solution(cleanEx)],
      ['bo', STALL + solution(cleanEx)],
    ]) {
      fs.mkdirSync(path.join(cls, student, 'exercises'), { recursive: true });
      fs.writeFileSync(path.join(cls, student, 'exercises', `${cleanEx}.ts`), text);
    }
    const out = path.join(tmp, 'kill-out');
    const args = ['scripts/grade.ts', '--submissions', cls, '--out', out, '--exercise', cleanEx, '--jobs', '2'];
    const env = { ...process.env, TMPDIR: own };
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const first = spawn(tsx, args, { cwd: ROOT, env, stdio: 'ignore' });
    // Wait until student code runs (a sandbox child works in the run's folder), then kill the
    // process that runs the grader, without warning.
    await until('a sandbox child', () => (processesMentioning(path.join(own, 'annlab-grade-')).some((p) => p.includes('child.js')) ? true : undefined), 300_000);
    const grader = fs
      .readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .find((e) => {
        try {
          // This run's grader: its environment names this test's TMPDIR (another grading may run on the machine).
          const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8');
          const env = fs.readFileSync(`/proc/${e}/environ`, 'utf8');
          return cmd.includes('scripts/grade.ts') && !cmd.includes('.bin/tsx') && Number(e) !== first.pid && env.includes(`TMPDIR=${own}`);
        } catch {
          return false;
        }
      });
    expect(grader).toBeDefined();
    process.kill(Number(grader), 'SIGKILL');
    await until('every process of the killed run to end', () => (processesMentioning(own).length === 0 ? true : undefined), 30_000);
    expect(fs.existsSync(path.join(out, 'gradebook.csv'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8')).complete).toBe(false);
    // The next run cleans up after it and grades afresh.
    const second = spawnSync(tsx, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 400_000 });
    expect(second.status).toBe(0);
    const m = full(cleanEx);
    expect(fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8')).toBe(`student,score,max_score,${cleanEx}\nann,${m},${m},${m}\nbo,0,${m},0\n`);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8'))).toMatchObject({ complete: true, students: 2, graded: 2 });
    expect(fs.readdirSync(own).filter((n) => n.startsWith('annlab-'))).toEqual([]);
    expect(processesMentioning(own)).toEqual([]);
  }, 900_000);
});

describe('a temporary folder the sandbox user cannot enter', () => {
  const asRootWithDrop = typeof process.getuid === 'function' && process.getuid() === 0 && detectIsolation().dropTo !== undefined;
  (asRootWithDrop ? it : it.skip)('is refused before grading, with what to do, and nothing is written', async () => {
    const closed = fs.mkdtempSync(path.join(tmp, 'root-only-'));
    fs.chmodSync(closed, 0o700);
    const inner = path.join(closed, 'tmp');
    fs.mkdirSync(inner, { mode: 0o1777 });
    const out = path.join(tmp, 'out-closed');
    const grading = gradeSubmission({ submission: path.join(ROOT, 'solutions'), outDir: out, exercises: [cleanEx], workRoot: inner });
    await expect(grading).rejects.toThrow(GraderSetupError);
    await expect(grading).rejects.toThrow(/who cannot enter the temporary folder .*root-only-.*\/tmp: set TMPDIR to a folder that every user may enter/);
    expect(fs.existsSync(path.join(out, 'results.json'))).toBe(false);
  }, 120_000);
});
