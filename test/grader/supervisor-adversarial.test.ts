// The supervisor end to end (2/2): adversarial submissions, the time bound, determinism
// and a batch of submissions graded into one gradebook.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gradeSubmission } from '../../grader/supervise';
import { gradeSubmissions } from '../../grader/batch';
import { processesIn } from '../../grader/leftovers';
import { loadManifest } from '../../grader/manifest';
import type { GradeReport } from '../../grader/report';
import { checkFiles } from './report-checks';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-supervisor-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Points of the tests of `exercise` whose id starts with one of `prefixes`. */
function points(exercise: string, ...prefixes: string[]): number {
  return Object.entries(manifest.exercises[exercise].tests)
    .filter(([id]) => prefixes.some((p) => id.startsWith(p)))
    .reduce((s, [, t]) => s + t.points, 0);
}
function max(exercise: string): number {
  return points(exercise, '');
}

/** A submission folder: the reference files, then the fixture's files over them. */
function submission(name: string, fixture?: string): string {
  const dir = path.join(tmp, name, 'exercises');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'solutions'))) fs.copyFileSync(path.join(ROOT, 'solutions', f), path.join(dir, f));
  if (fixture) {
    const fx = path.join(__dirname, 'fixtures', 'submissions', fixture);
    for (const f of fs.readdirSync(fx)) {
      const target = path.join(dir, f.replace(/\.(fixture|prefix)$/, ''));
      const text = fs.readFileSync(path.join(fx, f), 'utf8');
      fs.writeFileSync(target, f.endsWith('.prefix') ? text + fs.readFileSync(target, 'utf8') : text);
    }
  }
  return path.dirname(dir);
}

function exerciseOf(r: GradeReport, name: string) {
  const e = r.exercises.find((x) => x.name === name);
  if (!e) throw new Error(`no exercise ${name} in the report`);
  return e;
}

describe('adversarial submissions get exactly the points their correct parts earn', () => {
  it('a loop, process.exit at import, a syntax error and an empty file each cost only their own exercise', async () => {
    const out = path.join(tmp, 'out-mixed');
    const exercises = ['01-neurons', '02-perceptron', '05-activations', '04-mlp-backprop', '08-learning-rate'];
    const r = await gradeSubmission({ submission: submission('mixed', 'mixed'), outDir: out, exercises });
    const tlu = exerciseOf(r, '01-neurons');
    expect(tlu.score).toBe(max('01-neurons') - points('01-neurons', '01-neurons.step.'));
    expect(r.tests.find((t) => t.id === '01-neurons.step.zero')?.output).toMatch(/step\(\) did not return within 2 s/);
    expect(exerciseOf(r, '02-perceptron').score).toBe(0);
    expect(r.tests.filter((t) => t.exercise === '02-perceptron').every((t) => /process\.exit\(\) was called/.test(t.output))).toBe(true);
    const act = exerciseOf(r, '05-activations');
    expect(act.score).toBe(0);
    expect(act.compileError).toMatch(/exercises\/05-activations\.ts:2:\d+ - '\)' expected/);
    expect(exerciseOf(r, '04-mlp-backprop').score).toBe(0);
    expect(r.tests.filter((t) => t.exercise === '04-mlp-backprop').every((t) => /has no exported function/.test(t.output))).toBe(true);
    expect(exerciseOf(r, '08-learning-rate').score).toBe(max('08-learning-rate'));
    expect(r.table).toMatch(/05-activations\s+0\s+\d+\s+does not compile/);
    checkFiles(out, r);
    expect(processesIn(r.workDir)).toEqual([]);
  }, 150000);

  it('patching globals, hard-coding public answers, printing garbage and faking results earn nothing extra', async () => {
    const out = path.join(tmp, 'out-tamper');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'results.json'), '{"score": 1000, "tests": []}');
    const sub = submission('tamper', 'tamper');
    const r = await gradeSubmission({ submission: sub, outDir: out, exercises: ['01-neurons'] });
    // the hidden random test catches the hard-coded tluOutput; the gates fail on the throw
    expect(r.score).toBe(points('01-neurons', '01-neurons.step.', '01-neurons.output.examples'));
    expect(r.tests.find((t) => t.id === '01-neurons.output.random')?.status).toBe('failed');
    const gate = r.tests.find((t) => t.id === '01-neurons.gates.and');
    expect(gate?.output).toMatch(/handWeights\(\) threw Error: gate/);
    expect(gate?.output.length).toBeLessThan(4100);
    const junit = fs.readFileSync(path.join(out, 'junit.xml'), 'utf8');
    expect(junit).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u001b]/);
    expect(junit).toContain(']]&gt;');
    checkFiles(out, r);
    // determinism: the same submission gives the same files
    const out2 = path.join(tmp, 'out-tamper-2');
    await gradeSubmission({ submission: sub, outDir: out2, exercises: ['01-neurons'] });
    for (const f of ['results.json', 'junit.xml', 'results.csv']) {
      expect(fs.readFileSync(path.join(out2, f), 'utf8')).toBe(fs.readFileSync(path.join(out, f), 'utf8'));
    }
  }, 150000);

  it('a submission that mutates its inputs loses exactly the inputs-unchanged tests, told which argument it changed', async () => {
    const out = path.join(tmp, 'out-mutate');
    const r = await gradeSubmission({ submission: submission('mutate', 'mutate'), outDir: out, exercises: ['02-perceptron'] });
    const lost = ['02-perceptron.epoch.inputs-unchanged', '02-perceptron.update.inputs-unchanged'];
    expect(r.score).toBe(max('02-perceptron') - points('02-perceptron', ...lost));
    expect(r.tests.filter((t) => t.status !== 'passed').map((t) => t.id).sort()).toEqual(lost);
    expect(r.tests.find((t) => t.id === '02-perceptron.update.inputs-unchanged')?.output).toMatch(
      /perceptronUpdate changed its argument w \(first change at w\[0\]\[0\]\)\n\s+expected: w left as it was passed: \[\[0\.5,1\],\[-1,0\]\]\n\s+received: \[\[1,0\.5\],\[-0\.5,-0\.5\]\]\n\s+hint: perceptronUpdate changed its argument w: return new arrays and leave the inputs as they were/,
    );
    expect(r.tests.find((t) => t.id === '02-perceptron.epoch.inputs-unchanged')?.output).toMatch(/perceptronEpoch changed its argument w \(first change at w\[0\]\[0\]\)/);
    checkFiles(out, r);
  }, 150000);

  it('a run stopped at its time bound still writes every file: tests that did not finish score 0 "not run"', async () => {
    const out = path.join(tmp, 'out-bound');
    const r = await gradeSubmission({ submission: path.join(ROOT, 'solutions'), outDir: out, exercises: ['01-neurons'], timeoutMs: 300 });
    expect(r.score).toBe(0);
    expect(r.maxScore).toBe(max('01-neurons'));
    expect(r.tests.every((t) => t.status === 'not run' && /stopped after/.test(t.output))).toBe(true);
    checkFiles(out, r);
    expect(processesIn(r.workDir)).toEqual([]);
  }, 60000);

  it('--submissions grades a folder of students in parallel into one gradebook; a broken one does not stop the batch', async () => {
    const dir = path.join(tmp, 'class');
    const put = (student: string, text: string | null) => {
      fs.mkdirSync(path.join(dir, student, 'exercises'), { recursive: true });
      if (text !== null) fs.writeFileSync(path.join(dir, student, 'exercises', '01-neurons.ts'), text);
    };
    put('alice', fs.readFileSync(path.join(ROOT, 'solutions', '01-neurons.ts'), 'utf8'));
    put('bob', null); // handed in nothing: the starter is filled in
    put('carol', 'export function step(z: number): number {\n  return z >= 0 ? 1 : 0\n'); // unterminated
    put('dave', null);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'dave', 'exercises', '01-neurons.ts')); // not a regular file: ignored
    const out = path.join(tmp, 'out-class');
    const r = await gradeSubmissions(dir, { outDir: out, exercises: ['01-neurons'], jobs: 2 });
    expect(r.students).toBe(4);
    const rows = fs.readFileSync(r.gradebook, 'utf8').trim().split('\n');
    expect(rows).toEqual(['student,score,max_score,01-neurons', `alice,${max('01-neurons')},${max('01-neurons')},${max('01-neurons')}`, `bob,0,${max('01-neurons')},0`, `carol,0,${max('01-neurons')},0`, `dave,0,${max('01-neurons')},0`]);
    for (const s of ['alice', 'bob', 'carol', 'dave']) expect(fs.existsSync(path.join(out, s, 'results.json'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'carol', 'report.txt'), 'utf8')).toMatch(/exercises\/01-neurons\.ts:\d+:\d+ - '}' expected/);
    expect(fs.readFileSync(path.join(out, 'dave', 'report.txt'), 'utf8')).toMatch(/01-neurons\.ts is not a regular file \(a link\): ignored/);
  }, 150000);
});
