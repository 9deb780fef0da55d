// Exercise files are transpiled once per source: the grader transpiles a submission when it looks
// for syntax errors, and each test process then reads the result from a private cache instead of
// loading TypeScript (0.7 s of CPU) to transpile it again.
import * as fs from 'fs';

type StudentFilesModule = typeof import('../../grader/sandbox/student-files');

/** A fresh copy of the module: an empty in-memory cache, as in a new test process. */
function freshModule(): StudentFilesModule {
  let m: StudentFilesModule | undefined;
  jest.isolateModules(() => {
    m = require('../../grader/sandbox/student-files') as StudentFilesModule;
  });
  return m as StudentFilesModule;
}

/** A source no earlier run has cached. */
const unique = (body: string) => `// ${process.pid} ${Date.now()} ${Math.random()}\n${body}`;
const written: string[] = [];
afterAll(() => written.forEach((f) => fs.rmSync(f, { force: true })));

describe('transpiled exercise files are cached on disk, by a hash of name and source', () => {
  it('stores the JavaScript and source map in a file only the grader may read, in a folder only the grader may enter', () => {
    const m = freshModule();
    const source = unique('export function twice(x: number): number { return 2 * x; }\n');
    const file = m.studentCacheFile('02-perceptron', source);
    written.push(file);
    expect(fs.existsSync(file)).toBe(false);
    const r = m.transpileStudentFile('02-perceptron', source);
    expect(r).toEqual({ js: expect.stringContaining('function twice(x)'), map: expect.stringContaining('"mappings"') });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(r);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(require('path').dirname(file)).mode & 0o777).toBe(0o700);
    }
  });

  it('a new process reads the cached result instead of transpiling again', () => {
    const source = unique('export const one = 1;\n');
    const file = freshModule().studentCacheFile('01-neurons', source);
    written.push(file);
    fs.mkdirSync(require('path').dirname(file), { recursive: true, mode: 0o700 });
    // A planted entry that the compiler would never produce: reading it back proves the cache answered.
    fs.writeFileSync(file, JSON.stringify({ js: 'exports.one = "from the cache";' }), { mode: 0o600 });
    expect(freshModule().transpileStudentFile('01-neurons', source)).toEqual({ js: 'exports.one = "from the cache";' });
  });

  it('the same source under another name, or another source, is another entry', () => {
    const m = freshModule();
    const source = unique('export const x = 1;\n');
    const names = [m.studentCacheFile('01-neurons', source), m.studentCacheFile('02-perceptron', source), m.studentCacheFile('01-neurons', source + ' ')];
    expect(new Set(names).size).toBe(3);
  });

  it('an entry of the wrong shape or cut short is ignored and the file transpiled again', () => {
    for (const bad of ['{"js": 42}', '{"js": "exports.a = 1;", "map": 7}', '{"js": "exports.a', '[]', 'null']) {
      const source = unique('export const a = 1;\n');
      const file = freshModule().studentCacheFile('03-perceptron-limits', source);
      written.push(file);
      fs.mkdirSync(require('path').dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, bad, { mode: 0o600 });
      const r = freshModule().transpileStudentFile('03-perceptron-limits', source);
      expect([bad, r]).toEqual([bad, { js: expect.stringContaining('exports.a = 1'), map: expect.any(String) }]);
    }
  });

  it('caches syntax errors too (the grader reports them; the test processes need not compile again)', () => {
    const m = freshModule();
    const source = unique('export function f( {\n  return 1;\n}\n');
    const file = m.studentCacheFile('typo', source);
    written.push(file);
    const r = m.transpileStudentFile('typo', source);
    expect(r).toEqual({ error: expect.stringMatching(/^typo\.ts:\d+:\d+ - /) });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(r);
  });
});
