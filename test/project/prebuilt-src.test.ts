import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { ensureBuild, cacheRoot, buildInBackground, PrebuiltSrc } from '../../kernel/prebuilt-src';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const tslabDist = path.join(PROJECT_ROOT, 'node_modules', 'tslab', 'dist');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDist] }));

/** A project of three files: src/index.ts re-exports src/a.ts, which imports ../lib/b.ts. */
function tinyProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-prebuilt-'));
  const write = (f: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  };
  write('src/index.ts', "export * from './a';\n");
  write('src/a.ts', "import { b } from '../lib/b';\nexport const a = (): number => b + 1;\nexport const here = __dirname;\n");
  write('lib/b.ts', 'export const b = 41;\n');
  write('src/unused.ts', 'export const never = 0;\n');
  return root;
}

describe('the prebuilt src/ of the kernel (kernel/prebuilt-src.js)', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it('compiles every file src/index.ts reaches, and only those, into CommonJS and declarations', () => {
    const root = tinyProject();
    roots.push(root);
    const r = ensureBuild(root, ts) as PrebuiltSrc;
    expect((r as { error?: string }).error).toBeUndefined();
    expect(r.files.map((f: string) => path.relative(root, f)).sort()).toEqual(['lib/b.ts', 'src/a.ts', 'src/index.ts']);
    for (const f of ['src/index', 'src/a', 'lib/b']) {
      expect(fs.existsSync(path.join(r.dir, `${f}.js`))).toBe(true);
      expect(fs.existsSync(path.join(r.dir, `${f}.d.ts`))).toBe(true);
    }
    expect(fs.readFileSync(path.join(r.dir, 'src/a.d.ts'), 'utf8')).toContain('export declare const a: () => number;');
    // the prebuilt module keeps its source's __dirname
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const a = require(path.join(r.dir, 'src', 'a.js'));
    expect(a.a()).toBe(42);
    expect(a.here).toBe(path.join(root, 'src'));
  });

  it('reuses a build while no source changes, and rebuilds when one does', () => {
    const root = tinyProject();
    roots.push(root);
    const first = ensureBuild(root, ts) as PrebuiltSrc;
    expect((ensureBuild(root, ts) as PrebuiltSrc).dir).toBe(first.dir);
    fs.writeFileSync(path.join(root, 'lib', 'b.ts'), 'export const b = 1;\n');
    const second = ensureBuild(root, ts) as PrebuiltSrc;
    expect(second.dir).not.toBe(first.dir);
    expect(path.dirname(second.dir)).toBe(cacheRoot(root));
  });

  it('refuses sources with type errors (then tslab compiles them and shows the errors)', () => {
    const root = tinyProject();
    roots.push(root);
    fs.writeFileSync(path.join(root, 'lib', 'b.ts'), "export const b: number = 'forty-one';\n");
    const r = ensureBuild(root, ts) as { error: string };
    expect(r.error).toMatch(/lib\/b\.ts: Type 'string' is not assignable to type 'number'/);
  });

  it('starts at most one background build at a time (a lock in the cache)', () => {
    const root = tinyProject();
    roots.push(root);
    fs.mkdirSync(cacheRoot(root), { recursive: true });
    fs.writeFileSync(path.join(cacheRoot(root), 'build.lock'), '');
    expect(buildInBackground(root)).toBe(false);
  });

  it("in tslab, a cell imports './src' from the prebuilt copy: one module per file, type-checked against the declarations", () => {
    // A fresh process, as a kernel: the overlay, then tslab's converter and executor run one cell.
    const driver = `
      const path = require('path');
      const root = ${JSON.stringify(PROJECT_ROOT)};
      process.chdir(root);
      const dist = path.join(root, 'node_modules', 'tslab', 'dist');
      require(path.join(root, 'kernel', 'tslab-imports.js')).installImportFixes(require(path.join(dist, 'executor.js')));
      const prebuilt = require(path.join(root, 'kernel', 'prebuilt-src.js'));
      prebuilt.ensureBuild(root); // what a kernel finds after npm install or an earlier kernel
      const undo = prebuilt.usePrebuiltSrc(root);
      if (!undo) throw new Error('no overlay');
      const ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [dist] }));
      const seen = { ts: ts.sys.fileExists(path.join(root, 'src/index.ts')), dts: ts.sys.fileExists(path.join(root, 'src/index.d.ts')) };
      const conv = require(path.join(dist, 'converter.js')).createConverter({ isJS: false, isBrowser: false });
      const ex = require(path.join(dist, 'executor.js')).createExecutor(root, { node: conv, browser: null, close() { conv.close(); } }, { log: console.log, error: console.error });
      (async () => {
        const ok = await ex.execute(process.argv[1]);
        const bad = await ex.execute("import { Matrix } from './src';\\nconst n: string = new Matrix(1, 1).rows;");
        console.log('RESULT ' + JSON.stringify({ ok, bad, seen }));
        conv.close();
        process.exit(0);
      })();`;
    const cell = [
      "import { Matrix, VERSION } from './src';",
      "import { Matrix as Deep } from './src/engine/matrix';",
      "console.log('same class', Matrix === Deep, new Deep(2, 3).cols, VERSION);",
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', driver, cell], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240000 });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`the driver failed: ${r.stdout}\n${r.stderr}`);
    const res = JSON.parse(line.slice(7));
    expect(res.seen).toEqual({ ts: false, dts: true });
    expect(res.ok).toBe(true);
    expect(r.stdout).toMatch(/same class true 3 \d+\.\d+\.\d+/);
    // the declarations carry the types: a wrong use is still refused
    expect(res.bad).toBe(false);
    expect(r.stderr).toContain("Type 'number' is not assignable to type 'string'");
  }, 250000);
});
