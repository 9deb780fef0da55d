// What lecturers ship: the student release (audited for leaks), the Gradescope bundle and
// the GitHub Classroom workflow; and check() as a notebook calls it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { auditRelease, autograderEntries, HIDDEN_CANARY, makeRelease, RUN_AUTOGRADER, SETUP_SH, STUDENT_GRADING_README, typecheckRelease, verifyRelease } from '../../grader/release';
import { loadManifest } from '../../grader/manifest';
import { zipBytes } from '../../grader/zip';
import { check } from '../../grader/check';

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
    expect(fs.existsSync(path.join(out, 'exercises', '01-neurons.ts'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'test', 'graded', '01-neurons.test.ts'))).toBe(true);
  });

  it('keeps only the visible tests in the manifest', () => {
    const m = JSON.parse(fs.readFileSync(path.join(out, 'grading', 'manifest.json'), 'utf8'));
    const vis = Object.values(m.exercises as Record<string, { tests: Record<string, { visibility: string }> }>).flatMap((e) => Object.values(e.tests).map((t) => t.visibility));
    expect(vis.length).toBeGreaterThan(0);
    expect(new Set(vis)).toEqual(new Set(['visible']));
  });

  it('is a project of its own: npm test runs the engine and project tests, npm run grade the graded ones', () => {
    expect(r.testRoots).toContain('test/engine');
    expect(r.testRoots).toContain('test/project');
    expect(r.testRoots.some((t) => /test\/(graded|hidden|grader|support)$/.test(t))).toBe(false);
    for (const t of r.testRoots) expect(fs.existsSync(path.join(out, t))).toBe(true);
    expect(fs.existsSync(path.join(out, 'test', 'grader', 'signatures.test.ts'))).toBe(false); // needs solutions/
    expect(fs.existsSync(path.join(out, 'scripts', 'make-stubs.ts'))).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('jest');
    expect(pkg.scripts.grade).toBe('node grader/run-ts.js scripts/grade.ts');
    expect(pkg.scripts.release).toBeUndefined();
    expect(pkg.scripts.autograder).toBeUndefined();
    expect(fs.readFileSync(path.join(out, 'grading', 'README.md'), 'utf8')).toBe(STUDENT_GRADING_README);
    expect(STUDENT_GRADING_README).toMatch(/`npm test` \| the course library's own tests \(`test\/` except `test\/graded\/`\)/);
    // jest itself, in the copy, with the copy's config: what `npm test` would run (no test is run here).
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
    try {
      const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--listTests', '--json'], { cwd: out, encoding: 'utf8', timeout: 60000 });
      const listed = (JSON.parse(jest.stdout) as string[]).map((f) => path.relative(out, f).split(path.sep).join('/'));
      expect(listed.length).toBeGreaterThan(10);
      expect(listed.some((f) => f.startsWith('test/engine/'))).toBe(true);
      expect(listed.filter((f) => !r.testRoots.some((t) => f.startsWith(t + '/')))).toEqual([]);
    } finally {
      fs.unlinkSync(path.join(out, 'node_modules'));
    }
  }, 60000);

  it('the copy check catches a missing jest root, graded tests in npm test, a lecturer script and an orphan test', () => {
    const bad = path.join(tmp, 'bad');
    fs.mkdirSync(path.join(bad, 'test', 'graded'), { recursive: true });
    fs.mkdirSync(path.join(bad, 'test', 'extra'), { recursive: true });
    fs.writeFileSync(path.join(bad, 'test', 'graded', 'a.test.ts'), '');
    fs.writeFileSync(path.join(bad, 'test', 'extra', 'b.test.ts'), '');
    fs.writeFileSync(path.join(bad, 'jest.config.js'), "module.exports = { roots: ['<rootDir>/test/engine', '<rootDir>/test/graded'] };");
    fs.writeFileSync(path.join(bad, 'package.json'), JSON.stringify({ scripts: { test: 'jest', grade: 'tsx scripts/grade.ts', release: 'tsx scripts/release.ts' } }));
    expect(verifyRelease(bad).sort()).toEqual([
      'jest.config.js root test/engine has no test files',
      'jest.config.js root test/graded: npm test must leave the graded tests to npm run grade',
      "package.json keeps the lecturer script 'release'",
      'test/extra/b.test.ts is a test that neither npm test nor npm run grade runs',
    ]);
  });

  it('the type check reports what `npx tsc` in the copy would print', () => {
    const dir = path.join(tmp, 'typed');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['*.ts'] }));
    fs.writeFileSync(path.join(dir, 'a.ts'), 'export const n: number = "one";\n');
    const errors = typecheckRelease(dir, ROOT);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^tsc: a\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false); // the link is gone again
  }, 60000);

  it('the audit catches a planted hidden test, a solution and a hidden id', () => {
    const planted = path.join(tmp, 'planted');
    fs.mkdirSync(path.join(planted, 'x'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'test', 'hidden', '01-neurons.test.ts'), path.join(planted, 'x', 'a.ts'));
    fs.copyFileSync(path.join(ROOT, 'solutions', '01-neurons.ts'), path.join(planted, 'x', 'b.ts'));
    const hiddenId = Object.entries(manifest.exercises['01-neurons'].tests).find(([, t]) => t.visibility === 'after_due_date')?.[0];
    fs.writeFileSync(path.join(planted, 'x', 'c.json'), JSON.stringify({ [String(hiddenId)]: 1 }));
    const problems = auditRelease(planted, ROOT, manifest);
    expect(problems.some((p) => p.startsWith('x/a.ts contains the hidden-test canary'))).toBe(true);
    expect(problems).toContain('x/b.ts is a copy of solutions/01-neurons.ts');
    expect(problems).toContain(`x/c.json names the hidden test ${hiddenId}`);
    expect(HIDDEN_CANARY).toBe('ANNLAB-HIDDEN-CANARY');
  });
});

describe('npm run autograder', () => {
  it('--gradescope: a zip with executable setup.sh and run_autograder, the project beside them at the top level (Gradescope unpacks it into /autograder/source), hidden tests, no solutions', () => {
    const entries = autograderEntries(ROOT);
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['setup.sh', 'run_autograder']);
    expect(entries[0].mode).toBe(0o755);
    expect(names).toContain('package-lock.json'); // where setup.sh's npm ci looks for it
    expect(names).toContain('test/hidden/01-neurons.test.ts');
    expect(names).toContain('grading/manifest.json');
    expect(names).toContain('scripts/grade.ts');
    expect(names.some((n) => n.startsWith('source/'))).toBe(false);
    expect(names.some((n) => n.startsWith('solutions/') || n.startsWith('node_modules/'))).toBe(false);
    expect(SETUP_SH).toMatch(/-lt 20 \][\s\S]*setup_20\.x[\s\S]*fi[\s\S]*npm ci/);
    expect(RUN_AUTOGRADER).toMatch(/AUTOGRADER_ROOT="\$\{ANNLAB_AUTOGRADER_ROOT:-\/autograder\}"/);
    expect(RUN_AUTOGRADER).toMatch(/--submission "\$AUTOGRADER_ROOT\/submission" --out "\$AUTOGRADER_ROOT\/results"/);
    const zip = path.join(tmp, 'autograder.zip');
    fs.writeFileSync(zip, zipBytes(entries));
    // An independent reader checks the archive: Python's zipfile (CRC of every member).
    const py = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()), oct(z.getinfo("run_autograder").external_attr >> 16))', zip], { encoding: 'utf8' });
    expect(py.error ? `${entries.length} 0o100755` : py.stdout.trim()).toBe(`${entries.length} 0o100755`);
  });
});

describe('check() in a notebook', () => {
  it('runs one exercise’s public tests and returns a table with what to fix', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const r = await check('01-neurons', { target: path.join(ROOT, 'exercises') });
      expect(r.score).toBe(0);
      expect(r.tests.length).toBe(Object.values(manifest.exercises['01-neurons'].tests).filter((t) => t.visibility === 'visible').length);
      expect(String(r)).toMatch(/^01-neurons: 0 \/ \d+ points \(public tests; the grader also runs hidden tests after the due date\)\n  ✗ \[01-neurons\./);
      expect(String(r)).toMatch(/What to fix:\n  Not implemented yet: step, tluOutput, handWeights\. /);
      expect(String(r).match(/ points /g)).toHaveLength(1);
      expect(log).toHaveBeenCalledWith(r.table);
      const ok = await check('01-neurons', { target: path.join(ROOT, 'solutions'), print: false });
      expect(ok.score).toBe(ok.maxScore);
      expect(String(ok)).toMatch(/All public tests pass/);
    } finally {
      log.mockRestore();
    }
  }, 120000);
});
