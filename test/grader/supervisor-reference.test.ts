// The supervisor end to end (1/2): jest in a child process group, the sandbox, the
// manifest and the writers together, against the reference and the untouched starter.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gradeSubmission } from '../../grader/supervise';
import { loadManifest } from '../../grader/manifest';
import { checkFiles } from './report-checks';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const ALL = Object.keys(manifest.exercises);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-supervisor-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function max(exercise: string): number {
  return Object.values(manifest.exercises[exercise].tests).reduce((sum, t) => sum + t.points, 0);
}

// The run's own bound leaves wide room: on a machine busy with other work (load 20 on 2 cores)
// a full grading takes minutes; what is tested here is the outcome, not the speed.
const BOUND_MS = 600_000;

describe('the supervisor grades the reference and the starter', () => {
  it('the solutions score full marks on every exercise, hidden tests included', async () => {
    const out = path.join(tmp, 'out-solutions');
    const r = await gradeSubmission({ submission: path.join(ROOT, 'solutions'), outDir: out, student: 'solutions', timeoutMs: BOUND_MS });
    const lost = r.tests.filter((t) => t.status !== 'passed').map((t) => `[${t.id}] ${t.output.split('\n')[0]}`);
    expect(lost).toEqual([]);
    expect(r.score).toBe(r.maxScore);
    expect(r.maxScore).toBe(ALL.reduce((s, e) => s + max(e), 0));
    checkFiles(out, r);
  }, BOUND_MS + 60_000);

  it('the untouched starter exercises score 0, every test saying what is not implemented', async () => {
    const out = path.join(tmp, 'out-starter');
    const r = await gradeSubmission({ submission: path.join(ROOT, 'exercises'), outDir: out, timeoutMs: BOUND_MS });
    expect(r.score).toBe(0);
    expect(r.tests.length).toBe(ALL.reduce((s, e) => s + Object.keys(manifest.exercises[e].tests).length, 0));
    const notRun = r.tests.filter((t) => t.status === 'not run');
    expect(notRun).toEqual([]);
    expect(r.tests.filter((t) => !/not implemented yet/.test(t.output)).map((t) => t.id)).toEqual([]);
    checkFiles(out, r);
  }, BOUND_MS + 60_000);
});
