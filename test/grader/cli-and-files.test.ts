// The grader's command line and what it takes of a submission: every flag checked before
// anything runs, links refused, and one results folder per student whatever their names.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseGradeArgs, UsageError } from '../../grader/cli';
import { copySubmission } from '../../grader/submission';
import { batchStudents, outputNames } from '../../grader/batch';
import { buildReport } from '../../grader/report';
import { loadManifest } from '../../grader/manifest';

const ROOT = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-cli-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const names = Object.keys(manifest.exercises);

describe('npm run grade: the command line', () => {
  const exists = (d: string) => d === '/class' || d === '/one';
  const parse = (...argv: string[]) => parseGradeArgs(argv, exists, names);
  const refuse = (argv: string[], message: RegExp) => expect(() => parse(...argv)).toThrow(message);

  it('reads every flag', () => {
    expect(parse('--submissions', '/class', '--jobs', '2', '--timeout=30', '--exercise', names.slice(0, 2).join(','), '--out', 'o', '--no-hidden', '--type-errors', 'zero')).toEqual({
      help: false,
      mode: 'submissions',
      folder: '/class',
      jobs: 2,
      timeoutMs: 30000,
      exercises: names.slice(0, 2),
      outDir: 'o',
      hidden: false,
      typeErrors: 'zero',
      manifestFile: undefined,
    });
    expect(parse().mode).toBe('exercises');
    expect(parse('--solutions').mode).toBe('solutions');
    expect(parse('--help').help).toBe(true);
  });

  it.each([
    [['--jobs', 'abc', '--submissions', '/class'], /^--jobs: expected a whole number from 1 to 64, got 'abc'$/],
    [['--jobs', '0', '--submissions', '/class'], /--jobs: expected a whole number from 1 to 64, got '0'/],
    [['--jobs', '2.5', '--submissions', '/class'], /--jobs: expected a whole number/],
    [['--jobs', '2'], /--jobs applies to --submissions only/],
    [['--timeout', '-3'], /--timeout: expected a whole number from 1 to 86400, got '-3'/],
    [['--timeout', '1e9'], /--timeout: expected a whole number/],
    [['--submissions', '/nowhere'], /--submissions: there is no folder \/nowhere/],
    [['--submission'], /--submission needs a value/],
    [['--submission', '--solutions'], /--submission needs a value/],
    [['--solutions', '--submission', '/one'], /--solutions and --submission exclude each other/],
    [['--exercise', 'nope'], /--exercise: unknown exercise 'nope'; expected some of /],
    [['--type-errors', 'maybe'], /--type-errors: expected feedback or zero, got 'maybe'/],
    [['--job', '2'], /unknown option --job \(did you mean --jobs\?\)/],
    [['--submision', '/one'], /unknown option --submision \(did you mean --submission\?\)/],
    [['--verbose'], /unknown option --verbose/],
    [['extra'], /unexpected argument 'extra'/],
    [['--solutions=yes'], /--solutions takes no value/],
    [['--out', 'a', '--out', 'b'], /--out is given twice/],
  ])('%j is refused: %s', (argv, message) => {
    refuse(argv as string[], message);
    expect(() => parse(...(argv as string[]))).toThrow(UsageError);
  });

  it('a wrong flag exits with code 2 and one line, having graded and written nothing', () => {
    const out = path.join(tmp, 'never-written');
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/grade.ts', '--submissions', tmp, '--jobs', 'abc', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("grade: --jobs: expected a whole number from 1 to 64, got 'abc'");
    expect(fs.existsSync(out)).toBe(false);
  }, 150_000);
});

describe('what the grader takes of a submission', () => {
  const file = 'export function f(): number { return 1; }\n';
  function student(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'real'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'real', 'a.ts'), file);
    return dir;
  }

  it('copies regular exercise files only', () => {
    const dir = student('plain');
    fs.mkdirSync(path.join(dir, 'exercises'));
    fs.writeFileSync(path.join(dir, 'exercises', 'a.ts'), file);
    fs.writeFileSync(path.join(dir, 'exercises', 'notes.txt'), 'x');
    fs.symlinkSync(path.join(dir, 'real', 'a.ts'), path.join(dir, 'exercises', 'b.ts'));
    const dest = path.join(tmp, 'plain-copy');
    const notes = copySubmission(dir, path.join(tmp, 'no-starters'), dest);
    expect(fs.readdirSync(dest)).toEqual(['a.ts']);
    expect(notes).toEqual(['b.ts is not a regular file (a link): ignored']);
  });

  it('refuses an exercises/ folder that is a link, like a linked file', () => {
    const dir = student('linked-folder');
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'exercises'));
    const dest = path.join(tmp, 'linked-folder-copy');
    const notes = copySubmission(dir, path.join(tmp, 'no-starters'), dest);
    expect(fs.readdirSync(dest)).toEqual([]);
    expect(notes).toEqual(['exercises/ is a link, not a folder: nothing in it was graded']);
  });

  it('refuses a submission folder that is a link (a student of a batch)', () => {
    const dir = student('target');
    const link = path.join(tmp, 'link-student');
    fs.symlinkSync(dir, link);
    const notes = copySubmission(link, path.join(tmp, 'no-starters'), path.join(tmp, 'link-copy'));
    expect(fs.readdirSync(path.join(tmp, 'link-copy'))).toEqual([]);
    expect(notes).toEqual(['the submission folder is a link, not a folder: nothing in it was graded']);
  });

  it('gives students whose names map to the same folder name distinct folders, in a fixed order', () => {
    const n = outputNames(['Ann Lee', 'Ann_Lee', 'ann lee', 'José', 'Jose\u0301', 'bob', '..']);
    expect(new Set(n.values()).size).toBe(7);
    expect(n.get('Ann Lee')).toBe('Ann_Lee');
    expect(n.get('Ann_Lee')).toBe('Ann_Lee-2');
    expect(n.get('ann lee')).toBe('ann_lee-3');
    expect(n.get('bob')).toBe('bob');
    expect(n.get('..')).toBe('_');
    for (const v of n.values()) expect(v).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
  });

  it('lists the students of a batch folder, links included (graded as empty, with the reason)', () => {
    const cls = path.join(tmp, 'class');
    for (const s of ['x', 'y']) fs.mkdirSync(path.join(cls, s), { recursive: true });
    fs.symlinkSync(path.join(cls, 'x'), path.join(cls, 'z'));
    fs.writeFileSync(path.join(cls, 'README'), 'not a student');
    expect(batchStudents(cls).map((s) => s.name)).toEqual(['x', 'y', 'z']);
  });
});

describe('type errors in the report', () => {
  const ex = names[0];
  const passing = {
    testResults: [{ name: `test/graded/${ex}.test.ts`, status: 'passed', assertionResults: Object.keys(manifest.exercises[ex].tests).map((id) => ({ title: `[${id}] x`, status: 'passed' })) }],
  };
  const message = `exercises/${ex}.ts:3:7 - Type 'string' is not assignable to type 'number'.`;

  it('are reported and cost nothing by default', () => {
    const r = buildReport(manifest, passing, { exercises: [ex], typeErrors: { [ex]: message } });
    expect(r.exercises[0].typeErrors).toBe(message);
    expect(r.score).toBe(r.maxScore);
  });

  it("score the exercise 0 when the lecturer chose 'zero', tests still reported as passed", () => {
    const r = buildReport(manifest, passing, { exercises: [ex], typeErrors: { [ex]: message }, typeErrorPolicy: 'zero' });
    expect(r.score).toBe(0);
    expect(r.tests.every((t) => t.status === 'passed')).toBe(true);
  });
});
