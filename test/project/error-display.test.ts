import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { formatError } from '../../kernel/error-display';
import { Mappings, composeMappings, decodeMappings, encodeMappings } from '../../kernel/source-maps';
import { PROJECT_ROOT } from '../support/jupyter';

// A run-time error in a student's file, shown in a notebook: the .ts line the student wrote,
// the frames of the project's own files, and nothing of tslab's, Node's or the kernel's.

const root = '/course';

describe('kernel/error-display: an error as a student reads it', () => {
  const stack = [
    'TypeError: Cannot read properties of undefined (reading \'foo\')',
    '    at inner (/course/exercises/02-perceptron.ts:3:23)',
    '    at /course/exercises/02-perceptron.ts:7:10',
    '    at matmul (/course/src/engine/matrix/ops.ts:17:11)',
    '    at evalmachine.<anonymous>:5:40',
    '    at evalmachine.<anonymous>:7:3',
    '    at sigintHandlersWrap (node:vm:280:12)',
    '    at Script.runInThisContext (node:vm:135:14)',
    '    at Object.execute (/course/node_modules/tslab/dist/executor.js:160:38)',
    '    at JupyterHandlerImpl.handleExecuteImpl (/course/kernel/quiet.js:190:36)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\n');
  const source = 'export function inner(x: number[]): number {\n  const y: any = undefined;\n  return x.length + y.foo;\n}\n';
  const error = Object.assign(new TypeError("Cannot read properties of undefined (reading 'foo')"), { stack });

  it("keeps the project's frames with paths from its root, one 'at the cell', and shows the student's line", () => {
    expect(formatError(error, root, () => source)).toBe(
      [
        'exercises/02-perceptron.ts:3',
        '  return x.length + y.foo;',
        '                      ^',
        '',
        "TypeError: Cannot read properties of undefined (reading 'foo')",
        '    at inner (exercises/02-perceptron.ts:3:23)',
        '    at exercises/02-perceptron.ts:7:10',
        '    at matmul (src/engine/matrix/ops.ts:17:11)',
        '    at the cell',
      ].join('\n'),
    );
  });

  it("shows no line when only the engine and the cell are on the stack (the engine's message says it all)", () => {
    const refused = Object.assign(new Error('matmul: expected …'), { stack: ['ShapeError: matmul: expected …', '    at matmul (/course/src/engine/matrix/ops.ts:17:11)', '    at evalmachine.<anonymous>:3:1'].join('\n') });
    expect(formatError(refused, root, () => source)).toBe('ShapeError: matmul: expected …\n    at matmul (src/engine/matrix/ops.ts:17:11)\n    at the cell');
  });

  it("drops the failing line Node puts above the message (it may be the kernel's)", () => {
    const decorated = Object.assign(new Error('boom'), { stack: 'evalmachine.<anonymous>:3\nfunction local() { throw new Error(\'boom\'); }\n                   ^\n\nError: boom\n    at evalmachine.<anonymous>:3:20' });
    expect(formatError(decorated, root)).toBe('Error: boom\n    at the cell');
  });

  it('inspects what is not an Error, and keeps a multi-line message whole', () => {
    expect(formatError('just a string', root)).toBe("'just a string'");
    const multi = Object.assign(new Error('line one\nline two'), { stack: 'Error: line one\nline two\n    at f (/elsewhere/x.js:1:1)' });
    expect(formatError(multi, root)).toBe('Error: line one\nline two');
  });
});

describe('kernel/source-maps: mappings', () => {
  const segment = fc.tuple(fc.nat(400), fc.nat(3), fc.nat(400), fc.nat(400));
  it('decodes what it encodes (any lines of segments sorted by column; no lines at all reads as one empty line)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(segment, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (lines) => {
        const sorted = lines.map((l) => [...l].sort((a, b) => a[0] - b[0]));
        expect(decodeMappings(encodeMappings(sorted))).toEqual(sorted);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('decodes a map of the specification (AAAA;AACA: column 0 of line 0 and of line 1)', () => {
    expect(decodeMappings('AAAA;AACA')).toEqual([[[0, 0, 0, 0]], [[0, 0, 1, 0]]]);
  });

  it('composes final → middle → source, taking the segment at or before each column', () => {
    const outer: Mappings = [[[0, 0, 1, 4]], [[2, 0, 0, 0]]];
    const inner: Mappings = [[[0, 0, 9, 0]], [[0, 0, 5, 0], [3, 0, 6, 2]]];
    expect(composeMappings(outer, inner)).toEqual([[[0, 0, 6, 2]], [[2, 0, 9, 0]]]);
  });
});

describe("kernel/source-maps in tslab's own pipeline (a fresh process, as a kernel)", () => {
  it("maps every compiled file of the course and reports a student's error at its .ts line", () => {
    const work = path.join(PROJECT_ROOT, 'build', 'error-display-test', String(process.pid));
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    fs.writeFileSync(
      path.join(work, 'buggy.ts'),
      "import { Matrix } from '../../../src';\n\nexport function inner(x: number[]): number {\n  const y: any = undefined;\n  return x.length + y.foo;\n}\n\nexport const outer = (): number => inner([Matrix.zeros(1, 1).rows]);\n\n// Ends in an expression statement, which tslab exports as tsLastExpr: still mapped.\ninner.length;\n",
    );
    const rel = './' + path.relative(PROJECT_ROOT, work).split(path.sep).join('/');
    const driver = `
      const path = require('path');
      const root = ${JSON.stringify(PROJECT_ROOT)};
      process.chdir(root);
      process.setSourceMapsEnabled(true);
      const dist = path.join(root, 'node_modules', 'tslab', 'dist');
      const { tslabTypeScript, tslabCompilerOptions } = require(path.join(root, 'kernel', 'tslab-options.js'));
      const typescript = tslabTypeScript(root);
      const target = tslabCompilerOptions(typescript).target;
      const executorModule = require(path.join(dist, 'executor.js'));
      require(path.join(root, 'kernel', 'tslab-imports.js')).installImportFixes(executorModule, { typescript, target });
      const conv = require(path.join(dist, 'converter.js')).createConverter({ isJS: false, isBrowser: false });
      // Every side output tslab compiles (before the kernel adds maps: we add them again below).
      const loaded = [];
      const node = new Proxy(conv, { get: (t, p) => p === 'convert' ? (...a) => { const r = t.convert(...a); loaded.push(...(r.sideOutputs || [])); return r; } : (typeof t[p] === 'function' ? t[p].bind(t) : t[p]) });
      const errors = [];
      const ex = executorModule.createExecutor(root, { node, browser: null, close() { conv.close(); } }, { log() {}, error: (...a) => errors.push(a.join(' ')) });
      (async () => {
        await ex.execute("import * as a from './exercises/04-mlp-backprop';\\nimport * as b from './solutions/08-learning-rate';\\nimport * as c from './src';");
        const ok = await ex.execute("import { outer } from '${rel}/buggy';\\nouter();");
        const mapped = require(path.join(root, 'kernel', 'source-maps.js')).withSourceMaps(typescript, target, loaded);
        const compiled = mapped.filter((o) => /\\.js$/.test(o.path) && require('fs').existsSync(o.path.replace(/\\.js$/, '.ts')));
        const unmapped = compiled.filter((o) => !/sourceMappingURL=data:/.test(o.data)).map((o) => path.relative(root, o.path));
        console.log('RESULT ' + JSON.stringify({ ok, compiled: compiled.length, unmapped, errors }));
        conv.close();
        process.exit(0);
      })();`;
    const out = execFileSync(process.execPath, ['-e', driver], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ANNLAB_USER_KERNEL: '0' } });
    const result = JSON.parse(out.slice(out.indexOf('RESULT ') + 7));
    fs.rmSync(work, { recursive: true, force: true });
    // The engine, the exercises and the solutions: every file compiles to exactly tslab's code.
    expect(result.compiled).toBeGreaterThan(50);
    expect(result.unmapped).toEqual([]);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      [
        `${rel.slice(2)}/buggy.ts:5`,
        '  return x.length + y.foo;',
        '                      ^',
        '',
        "TypeError: Cannot read properties of undefined (reading 'foo')",
        `    at inner (${rel.slice(2)}/buggy.ts:5:23)`,
        `    at outer (${rel.slice(2)}/buggy.ts:8:36)`,
        '    at the cell',
      ].join('\n'),
    ]);
  }, 300_000);
});
