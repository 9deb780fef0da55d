// The files of a group (an exercise's public and hidden tests) run in one process, one after the
// other, and share one sandbox child; another group gets a child of its own; none is left over.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { longestFirst, runTests } from '../../../grader/test-run';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('groups of test files', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-runner-groups-'));
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
  fs.mkdirSync(path.join(project, 'test'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'junction'); // (a junction needs no rights on Windows)
  const log = path.join(project, 'pids.log');
  /** A test file that loads exercise 01 in the sandbox and writes down its file name and child's pid. */
  const file = (name: string, budgetMs: number) => {
    const f = path.join(project, 'test', `${name}.test.js`);
    fs.writeFileSync(
      f,
      `const { exercise } = require(${JSON.stringify(path.join(ROOT, 'grader', 'sandbox', 'sandbox'))});
const ex = exercise('01-neurons', { budgetMs: ${budgetMs} });
it('[${name}.pid] loads the exercise', async () => {
  await ex.exports();
  require('fs').appendFileSync(${JSON.stringify(log)}, '${name} ' + ex.pid + '\\n');
}, 120000);
`,
    );
    return f;
  };

  it('share a child within a group (whatever their budgets), not across groups, and stop every child', async () => {
    const groups = [[file('public', 60_000), file('hidden', 120_000)], [file('other', 60_000)]];
    const run = await runTests(project, groups, { timeoutMs: 300_000, workers: 1, cacheDir: path.join(project, 'compiled'), env: { ...process.env, ANNLAB_TARGET: path.join(ROOT, 'solutions') } });
    expect(run.problem).toBeUndefined();
    expect(run.json.testResults?.map((r) => r.assertionResults?.map((a) => a.status))).toEqual([['passed'], ['passed'], ['passed']]);
    const pids = Object.fromEntries(fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split(' ')));
    expect(pids.hidden).toBe(pids.public);
    expect(pids.other).not.toBe(pids.public);
    // Each file's duration is kept for the next run's order.
    const durations = JSON.parse(fs.readFileSync(path.join(project, 'compiled', 'durations.json'), 'utf8'));
    expect(Object.keys(durations).sort()).toEqual(groups.flat().sort());
    // (Linux: a killed process leaves /proc once reaped, which may take a moment.)
    if (process.platform !== 'linux') return;
    const running = () => [...new Set(Object.values(pids))].filter((pid) => fs.existsSync(`/proc/${pid}`));
    for (let waited = 0; running().length && waited < 20_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    expect(running()).toEqual([]);
  }, 300_000);
});

describe('the order of the groups', () => {
  it('starts the longest group first (by the last durations; never timed counts as longest), ties in the given order', () => {
    const groups = [['a.test'], ['b.test', 'b2.test'], ['c.test'], ['d.test'], ['e.test']];
    const durations = { 'a.test': 1, 'b.test': 2, 'b2.test': 2, 'c.test': 5, 'e.test': 1 };
    expect(longestFirst(groups, durations)).toEqual([['d.test'], ['c.test'], ['b.test', 'b2.test'], ['a.test'], ['e.test']]);
    expect(longestFirst(groups, {})).toEqual(groups);
  });
});
