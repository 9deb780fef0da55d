// What lecturers ship: the student release (audited for leaks), the Gradescope bundle and
// the GitHub Classroom workflow; and check() as a notebook calls it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { auditRelease, autograderEntries, GITHUB_WORKFLOW, HIDDEN_CANARY, makeRelease, RUN_AUTOGRADER, SETUP_SH } from '../../src/grader/release';
import { loadManifest } from '../../src/grader/manifest';
import { zipBytes } from '../../src/grader/zip';
import { check } from '../../src/grader/check';

const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-release-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run release', () => {
  const out = path.join(tmp, 'release');
  const r = makeRelease(ROOT, out);

  it('leaves out solutions, hidden tests and the grader’s own tests; the audit finds no leak', () => {
    expect(r.problems).toEqual([]);
    expect(fs.existsSync(path.join(out, 'solutions'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'test', 'hidden'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'test', 'grader'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'exercises', 'tlu.ts'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'test', 'graded', 'tlu.test.ts'))).toBe(true);
  });

  it('keeps only the visible tests in the manifest', () => {
    const m = JSON.parse(fs.readFileSync(path.join(out, 'grading', 'manifest.json'), 'utf8'));
    const vis = Object.values(m.exercises as Record<string, { tests: Record<string, { visibility: string }> }>).flatMap((e) => Object.values(e.tests).map((t) => t.visibility));
    expect(vis.length).toBeGreaterThan(0);
    expect(new Set(vis)).toEqual(new Set(['visible']));
  });

  it('the audit catches a planted hidden test, a solution and a hidden id', () => {
    const planted = path.join(tmp, 'planted');
    fs.mkdirSync(path.join(planted, 'x'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'test', 'hidden', 'tlu.test.ts'), path.join(planted, 'x', 'a.ts'));
    fs.copyFileSync(path.join(ROOT, 'solutions', 'tlu.ts'), path.join(planted, 'x', 'b.ts'));
    const hiddenId = Object.entries(manifest.exercises.tlu.tests).find(([, t]) => t.visibility === 'after_due_date')?.[0];
    fs.writeFileSync(path.join(planted, 'x', 'c.json'), JSON.stringify({ [String(hiddenId)]: 1 }));
    const problems = auditRelease(planted, ROOT, manifest);
    expect(problems.some((p) => p.startsWith('x/a.ts contains the hidden-test canary'))).toBe(true);
    expect(problems).toContain('x/b.ts is a copy of solutions/tlu.ts');
    expect(problems).toContain(`x/c.json names the hidden test ${hiddenId}`);
    expect(HIDDEN_CANARY).toBe('ANNLAB-HIDDEN-CANARY');
  });
});

describe('npm run autograder', () => {
  it('--gradescope: a zip with executable setup.sh and run_autograder, hidden tests, no solutions', () => {
    const entries = autograderEntries(ROOT);
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['setup.sh', 'run_autograder']);
    expect(entries[0].mode).toBe(0o755);
    expect(names).toContain('source/test/hidden/tlu.test.ts');
    expect(names).toContain('source/grading/manifest.json');
    expect(names).toContain('source/scripts/grade.ts');
    expect(names.some((n) => n.startsWith('source/solutions/') || n.startsWith('source/node_modules/'))).toBe(false);
    expect(SETUP_SH).toMatch(/setup_20\.x[\s\S]*npm ci/);
    expect(RUN_AUTOGRADER).toMatch(/--submission \/autograder\/submission --out \/autograder\/results/);
    const zip = path.join(tmp, 'autograder.zip');
    fs.writeFileSync(zip, zipBytes(entries));
    // An independent reader checks the archive: Python's zipfile (CRC of every member).
    const py = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()), oct(z.getinfo("run_autograder").external_attr >> 16))', zip], { encoding: 'utf8' });
    expect(py.error ? `${entries.length} 0o100755` : py.stdout.trim()).toBe(`${entries.length} 0o100755`);
  });

  it('--github: a workflow that runs the public tests on every push', () => {
    expect(GITHUB_WORKFLOW).toMatch(/^on: \[push, workflow_dispatch\]$/m);
    expect(GITHUB_WORKFLOW).toMatch(/node-version: 20/);
    expect(GITHUB_WORKFLOW).toMatch(/npm run grade -- --no-hidden/);
    expect(GITHUB_WORKFLOW).not.toMatch(/\t/);
  });
});

describe('check() in a notebook', () => {
  it('runs one exercise’s public tests and returns a table with what to fix', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const r = await check('tlu', { target: path.join(ROOT, 'exercises') });
      expect(r.score).toBe(0);
      expect(r.tests.length).toBe(Object.values(manifest.exercises.tlu.tests).filter((t) => t.visibility === 'visible').length);
      expect(String(r)).toMatch(/^tlu: 0 \/ \d+ points from the public tests\n  ✗ \[tlu\./);
      expect(String(r)).toMatch(/What to fix:\n  \[tlu\.[^\]]+\]\n    step is not implemented yet/);
      expect(log).toHaveBeenCalledWith(r.table);
      const ok = await check('tlu', { target: path.join(ROOT, 'solutions'), print: false });
      expect(ok.score).toBe(ok.maxScore);
      expect(String(ok)).toMatch(/All public tests pass/);
    } finally {
      log.mockRestore();
    }
  }, 120000);
});
