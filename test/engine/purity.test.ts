// The engine is pure: nothing below src/engine imports a Node built-in or a package, or touches
// a Node global; it loads and trains in a context that has no `require`, `process` or file
// access at all. That is what makes it safe to hand to student code in the grader's sandbox, and
// what lets it run anywhere (a browser, a worker).
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as ts from 'typescript';
import { engineBundle } from '../../grader/sandbox/engine-bundle';

const ENGINE = path.resolve(__dirname, '..', '..', 'src', 'engine');

function engineFiles(dir = ENGINE): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? engineFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Module specifiers that remain at run time: import/export … from (not `import type`), import('…'), require('…'). */
function specifiers(file: string, typeOnly = false): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const erased = ts.isImportDeclaration(node) ? !!node.importClause?.isTypeOnly : node.isTypeOnly;
      if (erased === typeOnly) out.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.arguments.length && ts.isStringLiteral(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) out.push(node.arguments[0].text);
    }
    if (typeOnly && ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Node's globals, used as values (not as property names or in types). */
const NODE_GLOBALS = new Set(['require', 'process', '__dirname', '__filename', 'Buffer', 'global', 'module', 'exports', 'setImmediate']);
function nodeGlobalsUsed(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const used: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node) || ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p)) && p.name === node);
      if (!isName) used.push(`${path.relative(ENGINE, file)}: ${node.text}`);
    }
    if (ts.isTypeNode(node)) return; // types vanish at run time
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return used;
}

describe('the engine (src/engine) is pure', () => {
  const files = engineFiles();

  it('imports only its own files: no Node built-in, no package, nothing outside src/engine', () => {
    const outside: string[] = [];
    for (const f of files) {
      for (const spec of specifiers(f)) {
        const target = path.resolve(path.dirname(f), spec);
        if (!spec.startsWith('.') || path.relative(ENGINE, target).startsWith('..')) outside.push(`${path.relative(ENGINE, f)} imports '${spec}'`);
      }
    }
    expect(files.length).toBeGreaterThan(40);
    expect(outside).toEqual([]);
  });

  it("borrows types only from vega-lite (the plots' spec type), erased at run time", () => {
    const packages = new Set(files.flatMap((f) => specifiers(f, true)).filter((s) => !s.startsWith('.')));
    expect([...packages]).toEqual(['vega-lite']);
  });

  it('uses no Node global (require, process, __dirname, Buffer, ...)', () => {
    expect(files.flatMap(nodeGlobalsUsed)).toEqual([]);
  });

  it('loads and trains in a bare JavaScript context without require, process or files', () => {
    const bundle = engineBundle(path.resolve(__dirname, '..', '..'));
    // A context with the language's globals only (and WebAssembly, a language-level API).
    const context = vm.createContext({});
    expect(vm.runInContext('typeof require + typeof process + typeof Buffer', context)).toBe('undefinedundefinedundefined');
    const cache = new Map<string, { exports: Record<string, unknown> }>();
    const load = (key: string): Record<string, unknown> => {
      const hit = cache.get(key);
      if (hit) return hit.exports;
      const js = bundle.modules[key];
      if (js === undefined) throw new Error(`no engine module '${key}'`);
      const module = { exports: {} as Record<string, unknown> };
      cache.set(key, module);
      const fn = vm.compileFunction(js, ['exports', 'require', 'module'], { parsingContext: context });
      const localRequire = (spec: string): Record<string, unknown> => {
        if (!spec.startsWith('.')) throw new Error(`the engine required '${spec}'`);
        const base = path.posix.normalize(path.posix.join(path.posix.dirname(key), spec));
        return load(bundle.modules[base] !== undefined ? base : `${base}/index`);
      };
      fn(module.exports, localRequire, module);
      return module.exports;
    };
    const engine = load('index') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const code = `
      const and = engine.truthTable('and');
      const p = new engine.Perceptron({ learningRate: 1 });
      const fitted = p.fit(and.X, and.y);
      const xor = engine.truthTable('xor');
      const mlp = engine.mlpClassifier({ inputs: 2, classes: 2, hidden: [4], activation: 'tanh', seed: 1 });
      mlp.fit(xor.X, xor.y, { epochs: 300, learningRate: 0.1, optimizer: 'adam', batchSize: 4 });
      ({ converged: fitted.converged, and: p.predict(and.X), xor: mlp.predict(xor.X), plot: typeof engine.activationPlot([engine.activations.sigmoid]) });`;
    const result = vm.runInContext(code, vm.createContext({ engine }));
    expect(JSON.parse(JSON.stringify(result))).toEqual({ converged: true, and: [0, 0, 0, 1], xor: [0, 1, 1, 0], plot: 'object' });
  });
});
