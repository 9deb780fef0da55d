import {
  createSideOutputFixer,
  directoryAliases,
  installImportFixes,
  requiredPaths,
  withSideOutputFixes,
} from '../../kernel/tslab-imports';

const none = () => false;
const paths = (outputs: { path: string }[]) => outputs.map((o) => o.path).sort();

describe('kernel/tslab-imports: folder imports (./src is src/index.ts)', () => {
  it('adds <dir>.js re-exporting each compiled <dir>/index.js', () => {
    const aliases = directoryAliases(
      [
        { path: '/p/src/index.js', data: '' },
        { path: '/p/src/matrix/index.js', data: '' },
        { path: '/p/src/matrix/ops.js', data: '' },
      ],
      none,
    );
    expect(aliases).toEqual([
      { path: '/p/src.js', data: 'module.exports = require("./src/index");\n' },
      { path: '/p/src/matrix.js', data: 'module.exports = require("./matrix/index");\n' },
    ]);
  });

  it('leaves a real <dir>.ts (which TypeScript resolves first) and an existing output alone', () => {
    const exists = (file: string) => file === '/p/lib.ts';
    const outputs = [
      { path: '/p/lib/index.js', data: '' },
      { path: '/p/src/index.js', data: '' },
      { path: '/p/src.js', data: 'real' },
    ];
    expect(directoryAliases(outputs, exists)).toEqual([]);
  });
});

describe('kernel/tslab-imports: importers of a changed file are reloaded too', () => {
  it('reads the relative requires of compiled CommonJS, with either quote', () => {
    const code = 'const a = require("./a");\nconst b = __importStar(require(\'../lib/b.js\'));\nrequire("vega");';
    expect(requiredPaths('/p/src/x.js', code)).toEqual(['/p/src/a.js', '/p/lib/b.js']);
  });

  it('re-sends every known module that transitively requires a re-emitted one, and no other', () => {
    const fix = createSideOutputFixer(none);
    const first = fix([
      { path: '/p/f/index.js', data: 'module.exports = require("./value");' },
      { path: '/p/f/value.js', data: 'exports.value = 10;' },
      { path: '/p/other.js', data: 'exports.x = 1;' },
      { path: '/p/uses-f.js', data: 'const f = require("./f");' },
    ]);
    expect(paths(first)).toEqual(['/p/f.js', '/p/f/index.js', '/p/f/value.js', '/p/other.js', '/p/uses-f.js']);
    // value.ts was edited: tslab re-emits only value.js.
    const second = fix([{ path: '/p/f/value.js', data: 'exports.value = 20;' }]);
    expect(paths(second)).toEqual(['/p/f.js', '/p/f/index.js', '/p/f/value.js', '/p/uses-f.js']);
    expect(second.find((o) => o.path === '/p/f/value.js')!.data).toBe('exports.value = 20;');
    expect(second.find((o) => o.path === '/p/f/index.js')!.data).toBe('module.exports = require("./value");');
  });

  it('wraps only convert() of a converter and keeps its other methods working', () => {
    const converter = {
      calls: 0,
      convert() {
        this.calls++;
        return { sideOutputs: [{ path: '/nonexistent-annlab/a/index.js', data: 'x' }] };
      },
      close() {
        return this.calls;
      },
    };
    const wrapped = withSideOutputFixes(converter);
    expect(paths(wrapped.convert().sideOutputs)).toEqual(['/nonexistent-annlab/a.js', '/nonexistent-annlab/a/index.js']);
    expect(wrapped.close()).toBe(1);
  });

  it("hooks an executor module's createExecutor once, and refuses a module without one", () => {
    const seen: unknown[] = [];
    const consoles: { error(...a: unknown[]): void }[] = [];
    const executorModule = {
      createExecutor: (_root: string, convs: { node: unknown }, console: { error(...a: unknown[]): void }) => (seen.push(convs.node), consoles.push(console)),
    };
    expect(installImportFixes(executorModule)).toBe(true);
    expect(installImportFixes(executorModule)).toBe(false);
    const printed: unknown[][] = [];
    (executorModule.createExecutor as Function)('/p', { node: { convert: () => ({}) } }, { log() {}, error: (...a: unknown[]) => printed.push(a) });
    expect(typeof (seen[0] as { convert: unknown }).convert).toBe('function');
    // The executor's console shows an Error as a student reads it (error-display.js), and the rest as is.
    consoles[0].error(Object.assign(new Error('boom'), { stack: 'Error: boom\n    at f (/p/exercises/a.ts:2:3)\n    at g (node:vm:1:1)' }));
    consoles[0].error('%d errors', 2);
    expect(printed).toEqual([['Error: boom\n    at f (exercises/a.ts:2:3)'], ['%d errors', 2]]);
    expect(installImportFixes({})).toBe(false);
  });

  it("hooks tslab 1.0.22's real executor module", () => {
    // Loaded in isolation so that the hook does not leak into other tests.
    jest.isolateModules(() => {
      expect(installImportFixes(require('tslab/dist/executor.js'))).toBe(true);
    });
  });
});
