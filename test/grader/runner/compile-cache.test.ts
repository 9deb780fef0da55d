// The grading runner's TypeScript loader: each file transpiled once, kept where only the grader's
// user can read it, and after that loaded without TypeScript.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LOADER = path.join(ROOT, 'grader', 'runner', 'compile-cache.js');

describe('the compile cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-compile-cache-'));
  const cache = path.join(dir, 'cache');
  const source = path.join(dir, 'area.ts');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Loads area.ts in a fresh process: what it computes, and whether TypeScript was loaded. */
  function load(): { value: unknown; typescriptLoaded: boolean } {
    const script = `
      require(${JSON.stringify(LOADER)}).registerTypeScript(${JSON.stringify(ROOT)}, ${JSON.stringify(cache)});
      const value = require(${JSON.stringify(source)}).area(3);
      const typescriptLoaded = Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f));
      console.log(JSON.stringify({ value, typescriptLoaded }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  }

  it('transpiles a file once; a fresh process then loads it without TypeScript', () => {
    fs.writeFileSync(source, 'export const area = (r: number): number => Math.round(Math.PI * r ** 2);\n');
    expect(load()).toEqual({ value: 28, typescriptLoaded: true });
    expect(load()).toEqual({ value: 28, typescriptLoaded: false });
  });

  it('transpiles an edited file again (the cache is keyed by the source)', () => {
    fs.writeFileSync(source, 'export const area = (r: number): number => r * r;\n');
    expect(load()).toEqual({ value: 9, typescriptLoaded: true });
  });

  it('keeps the compiled files for the grader alone: folder mode 700, files mode 600 (POSIX modes; Windows has none)', () => {
    const files = fs.readdirSync(cache);
    expect(files.length).toBeGreaterThanOrEqual(2);
    if (process.platform === 'win32') return;
    expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
    for (const f of files) expect(fs.statSync(path.join(cache, f)).mode & 0o777).toBe(0o600);
  });

  it('transpiles only: a type error does not stop a test file (the type check is separate)', () => {
    fs.writeFileSync(source, "export const area = (r: number): number => r * r;\nexport const wrong: number = 'a string';\n");
    expect(load().value).toBe(9);
  });
});
