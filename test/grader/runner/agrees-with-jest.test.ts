// The grading runner (grader/runner/) against the trusted oracle, jest itself: the same test
// files give the same tests, with the same names, statuses and failure messages.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runTests } from '../../../grader/test-run';
import type { JestJson } from '../../../grader/report';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Test files that use every part of jest's API the runner provides, passing and failing. */
const FILES: Record<string, string> = {
  'hooks.test.js': `
const log = [];
beforeAll(() => log.push('beforeAll'));
afterAll(() => log.push('afterAll'));
beforeEach(() => log.push('beforeEach outer'));
afterEach(() => log.push('afterEach outer'));
describe('outer', () => {
  beforeEach(() => log.push('beforeEach inner'));
  afterEach(() => log.push('afterEach inner'));
  it('[h.first] runs the hooks outside in', () => {
    expect(log).toEqual(['beforeAll', 'beforeEach outer', 'beforeEach inner']);
  });
  it('[h.second] and the after hooks inside out', () => {
    expect(log.slice(3)).toEqual(['afterEach inner', 'afterEach outer', 'beforeEach outer', 'beforeEach inner']);
  });
  describe('nested', () => {
    test('[h.nested] has the full name of its blocks', async () => {
      await new Promise((r) => setTimeout(r, 5));
      expect(1 + 1).toBe(2);
    });
  });
});
it('[h.fails] a failing expect', () => expect({ a: 1 }).toEqual({ a: 2 }));
it('[h.throws] a thrown error', () => { throw new RangeError('out of range'); });
it('[h.value] a thrown value that is not an error', () => { throw 42; });
it('[h.rejects] a rejected promise', () => Promise.reject(new Error('rejected')));
it('[h.done] a done callback', (done) => { setTimeout(done, 5); });
it('[h.done-error] a done callback given an error', (done) => { setTimeout(() => done(new Error('done with an error')), 5); });
it('[h.done-return] a done callback and a returned value', (done) => setTimeout(done, 5));
it('[h.timeout] a test that never ends', () => new Promise(() => {}), 100);
it('[h.late] an error thrown by a timer of the running test', () => new Promise((resolve) => { setTimeout(() => { throw new Error('from a timer'); }, 5); setTimeout(resolve, 200); }));
it.skip('[h.skipped] skipped', () => { throw new Error('never runs'); });
it.todo('[h.todo] to be written');
`,
  'setup.test.js': `
describe('a block whose beforeAll fails', () => {
  beforeAll(() => { throw new Error('setup failed'); });
  it('[s.one] fails with it', () => {});
  describe('inner', () => { it('[s.two] so does a nested one', () => {}); });
});
describe('a block whose beforeEach fails', () => {
  beforeEach(() => { throw new Error('each failed'); });
  it('[s.three] fails', () => {});
});
describe('after it', () => { it('[s.four] others still pass', () => {}); });
`,
  'each.test.js': `
it.each([[1, 2, 3], [2, 2, 4]])('[e.%i] %i + %i = %i', (a, b, c) => expect(a + b).toBe(c));
test.each([{ x: 'a', n: 1 }, { x: 'b', n: 2 }])('[e.obj] $x has $n', ({ x, n }) => expect(x.length).toBe(1));
describe.each([['left'], ['right']])('side %s', (side) => {
  it('[e.side] is a word', () => expect(side).toMatch(/^[a-z]+$/));
});
it.each([['%s and %p', 'text']])('[e.fmt] %s then %p', (a, b) => expect(typeof a).toBe('string'));
`,
  'only.test.js': `
it('[o.not] does not run next to an only', () => {});
it.only('[o.yes] runs', () => {});
describe('block', () => {
  it.only('[o.also] runs too', () => {});
  it('[o.no] does not', () => {});
});
`,
  'broken.test.js': `
describe('loads', () => { it('[b.never] never runs', () => {}); });
throw new Error('the file does not load');
`,
  'afterall.test.js': `
afterAll(() => { throw new Error('cleanup failed'); });
it('[a.one] passes', () => {});
`,
};

/** name, full name and status of each test, and a failure's first line, by file. */
function summary(json: JestJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of json.testResults ?? []) {
    const rows = (f.assertionResults ?? []).map((a) => {
      const first = (a.failureMessages ?? []).join('\n').replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
      return `${a.fullName} | ${a.title} | ${a.status}${first ? ' | ' + first : ''}`;
    });
    out[path.basename(f.name ?? '')] = [`file ${f.status}${rows.length ? '' : ' (did not load)'}`, ...rows];
  }
  return out;
}

describe('the grading runner agrees with jest', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-runner-vs-jest-'));
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
  fs.mkdirSync(path.join(project, 'test'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'junction'); // (a junction needs no rights on Windows)
  fs.writeFileSync(path.join(project, 'jest.config.js'), "module.exports = { testEnvironment: 'node', testMatch: ['**/*.test.js'], testTimeout: 10000 };\n");
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(project, 'test', name), text);
  const files = Object.keys(FILES).map((f) => path.join(project, 'test', f));

  it('on the same files: the same tests, names, statuses and first lines of the failures', async () => {
    const out = path.join(project, 'jest.json');
    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--rootDir', project, '--ci', '--json', '--outputFile', out, '--cacheDirectory', path.join(project, 'cache')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 240_000,
    });
    expect(fs.existsSync(out) ? 'jest wrote its results' : jest.stderr).toBe('jest wrote its results');
    const byJest = summary(JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson);
    const run = await runTests(project, files.map((f) => [f]), { timeoutMs: 240_000, workers: 2, cacheDir: path.join(project, 'compiled'), env: { ...process.env, FORCE_COLOR: '0' } });
    expect(run.problem).toBeUndefined();
    const byRunner = summary(run.json);
    // Every file of the sample, each with at least its file line: the comparison is not empty.
    expect(Object.keys(byRunner).sort()).toEqual(Object.keys(FILES).sort());
    expect(byRunner).toEqual(byJest);
  }, 300_000);
});
