'use strict';
// How tslab 1.0.22 compiles a notebook's code, written once for everything that must compile
// as a notebook does: the kernel's prebuilt src/ and source maps, the grader's type check, and
// the test that src/, exercises/ and solutions/ compile in a notebook.
// (tslab's converter.js: its own TypeScript 5.0.4, module ESNext, Node10 resolution,
// esModuleInterop, target and lib es2022 on Node >= 18.) `strict` is the course's addition.

const path = require('path');

/** tslab's own TypeScript (the instance its converter uses), from the project at `root`. */
function tslabTypeScript(root) {
  const dist = path.dirname(require.resolve('tslab/package.json', { paths: [root] }));
  return require(require.resolve('@tslab/typescript-for-tslab', { paths: [dist, root] }));
}

/** tslab's compiler options for the TypeScript `ts`; `extra` adds or overrides. */
function tslabCompilerOptions(ts, extra = {}) {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    resolveJsonModule: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    skipLibCheck: true,
    newLine: ts.NewLineKind.LineFeed,
    ...extra,
  };
}

module.exports = { tslabTypeScript, tslabCompilerOptions };
