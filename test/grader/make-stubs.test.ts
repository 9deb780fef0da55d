// The starters in exercises/ are generated from solutions/ (scripts/make-stubs.ts): a lecturer
// who edits a solution runs `npm run stubs` and the starter follows.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { makeStub, makeStubs, staleStubs } from '../../scripts/make-stubs';

const ROOT = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-stubs-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of what the generator reads and writes: solutions/, exercises/ and the sections file. */
function copyProject(name: string): string {
  const dir = path.join(tmp, name);
  for (const sub of ['solutions', 'exercises', 'grading']) fs.cpSync(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

describe('scripts/make-stubs.ts', () => {
  it('exercises/ is exactly what the generator makes from solutions/ (npm run stubs -- --check)', () => {
    expect(staleStubs(ROOT)).toEqual([]);
  });

  it('a starter keeps types, doc comments and signatures, and throws NotImplemented with its notebook section', () => {
    const stub = makeStub('x.ts', [
      '/** Exercise 0 — header. */',
      "import { helper, Shape } from './other';",
      'function privateHelper(): number { return 1; }',
      '/** A shape. */',
      'export interface Point { x: number }',
      '/** Doubles. */',
      "export function twice(p: Point, s: Shape): Point { return { x: 2 * p.x + helper() + privateHelper() }; }",
      "export function label(): string { return 'it\\'s'; }",
    ].join('\n'), { default: 'notebooks/00.ipynb, section "Intro"', functions: { label: "notebooks/00.ipynb, section \"Bob's\"" } });
    expect(stub).toBe([
      '/** Exercise 0 — header. */',
      "import { NotImplemented } from './not-implemented';",
      "import type { Shape } from './other';",
      '',
      '/** A shape. */',
      'export interface Point { x: number }',
      '',
      '/** Doubles. */',
      'export function twice(p: Point, s: Shape): Point {',
      "  throw new NotImplemented('twice', 'notebooks/00.ipynb, section \"Intro\"');",
      '}',
      '',
      'export function label(): string {',
      "  throw new NotImplemented('label', 'notebooks/00.ipynb, section \"Bob\\'s\"');",
      '}',
      '',
    ].join('\n'));
  });

  it('after a solution changes, --check names the stale starter and a plain run rewrites it', () => {
    const dir = copyProject('edited');
    const file = path.join(dir, 'solutions', '01-neurons.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('export function step(z: number): number {', 'export function step(z: number, threshold = 0): number {'));
    expect(staleStubs(dir)).toEqual(['exercises/01-neurons.ts differs from the stub of solutions/01-neurons.ts']);
    const script = path.join(dir, 'scripts', 'make-stubs.ts');
    fs.mkdirSync(path.dirname(script));
    fs.copyFileSync(path.join(ROOT, 'scripts', 'make-stubs.ts'), script);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const tsx = require.resolve('tsx/cli', { paths: [ROOT] });
    const check = spawnSync(process.execPath, [tsx, script, '--check'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/exercises\/01-neurons\.ts differs from the stub of solutions\/01-neurons\.ts/);
    const run = spawnSync(process.execPath, [tsx, script], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    expect(run.stdout).toMatch(/wrote exercises\/01-neurons\.ts/);
    expect(fs.readFileSync(path.join(dir, 'exercises', '01-neurons.ts'), 'utf8')).toMatch(/export function step\(z: number, threshold = 0\): number \{\n  throw new NotImplemented\('step', /);
    expect(staleStubs(dir)).toEqual([]);
  }, 60000);

  it('refuses a sections entry without its solution, and reports a starter without one', () => {
    const dir = copyProject('orphans');
    fs.writeFileSync(path.join(dir, 'exercises', 'extra.ts'), 'export {};\n');
    expect(staleStubs(dir)).toEqual(['exercises/extra.ts has no solutions/extra.ts']);
    fs.rmSync(path.join(dir, 'solutions', '01-neurons.ts'));
    expect(() => makeStubs(dir)).toThrow("grading/notebook-sections.json names '01-neurons', but solutions/01-neurons.ts does not exist");
  });
});
