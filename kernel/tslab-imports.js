'use strict';
// Two fixes to how tslab 1.0.22 loads the project's .ts files into a notebook.
//
// tslab compiles the files a cell imports into "side outputs" (path → CommonJS code, paths
// as /project/src/index.js) and loads them with its own require (executor.js,
// requireFromSideOutputs), caching each module until tslab re-emits that file.
//
// 1. Folder imports. `import { ... } from './src'` type-checks (Node10 resolution finds
//    src/index.ts), but at run time tslab looks for /project/src.js only, misses, and falls
//    back to Node's require, which cannot load .ts: "Cannot find module './src'". The same
//    happens inside src/ for `export * from './matrix'`. Fix: for every compiled
//    <dir>/index.js we add a side output <dir>.js that re-exports it, unless a real
//    <dir>.ts/.tsx/.js exists (TypeScript would have chosen that file).
//
// 2. Stale importers. When a file changes, tslab re-emits it and drops its cached module,
//    but a module that imported it keeps the old exports (`export * from './value'` copied
//    them when it ran). Fix: with each batch we re-send, unchanged, every known module that
//    requires a re-emitted one, transitively, so tslab drops those caches too. Modules that
//    do not depend on the change (the engine, when an exercise is edited) keep their
//    identity, so objects made in earlier cells stay instances of the same classes.
//
// 3. Errors a student can read. Each compiled .ts file gets a source map (source-maps.js), so
//    that Node reports its frames at the .ts line, and an error that ends a cell is shown
//    without tslab's and Node's internal frames (error-display.js).
//
// Installed by hooking tslab's executor factory, which main.js calls through the module's
// exports object. Pinned to tslab 1.0.22; covered by test/project/tslab-imports.test.ts and
// by test/project/kernel.test.ts in real Jupyter.

const fs = require('fs');
const { withSourceMaps } = require('./source-maps');
const { formatError } = require('./error-display');
// tslab's paths use forward slashes on every platform.
const path = require('path').posix;

/** The extra side outputs that make each compiled <dir>/index.js importable as <dir>. */
function directoryAliases(sideOutputs, fileExists = fs.existsSync) {
  const taken = new Set(sideOutputs.map((o) => o.path));
  const aliases = [];
  for (const output of sideOutputs) {
    if (path.basename(output.path) !== 'index.js') continue;
    const dir = path.dirname(output.path);
    const aliasPath = `${dir}.js`;
    if (taken.has(aliasPath)) continue;
    if (['.ts', '.tsx', '.js', '.d.ts'].some((ext) => fileExists(dir + ext))) continue;
    taken.add(aliasPath);
    aliases.push({
      path: aliasPath,
      data: `module.exports = require(${JSON.stringify(`./${path.basename(dir)}/index`)});\n`,
    });
  }
  return aliases;
}

/** The side-output paths that compiled CommonJS `code` at `file` requires (relative ones only). */
function requiredPaths(file, code) {
  const found = [];
  for (const match of code.matchAll(/\brequire\((["'])(\.{1,2}\/[^"']*)\1\)/g)) {
    const target = path.join(path.dirname(file), match[2]);
    found.push(path.extname(target) === '' ? `${target}.js` : target);
  }
  return found;
}

/**
 * A function that completes each batch of side outputs tslab produces: folder aliases,
 * then every previously seen module that (transitively) requires something in the batch.
 * `prepare` changes each new batch first (adds source maps in the kernel).
 */
function createSideOutputFixer(fileExists = fs.existsSync, prepare = (outputs) => outputs) {
  const known = new Map(); // every side output seen so far: path → code
  return function fix(sideOutputs) {
    sideOutputs = prepare(sideOutputs);
    const batch = new Map(sideOutputs.map((o) => [o.path, o.data]));
    for (const alias of directoryAliases(sideOutputs, fileExists)) batch.set(alias.path, alias.data);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [file, code] of known) {
        if (!batch.has(file) && requiredPaths(file, code).some((p) => batch.has(p))) {
          batch.set(file, code);
          grew = true;
        }
      }
    }
    for (const [file, code] of batch) known.set(file, code);
    return [...batch].map(([file, code]) => ({ path: file, data: code }));
  };
}

/** A converter whose convert() returns completed side outputs (see createSideOutputFixer). */
function withSideOutputFixes(converter, fix = createSideOutputFixer()) {
  return new Proxy(converter, {
    get(target, prop) {
      const value = target[prop];
      if (prop !== 'convert') return typeof value === 'function' ? value.bind(target) : value;
      return (...args) => {
        const converted = value.apply(target, args);
        if (converted && Array.isArray(converted.sideOutputs)) converted.sideOutputs = fix(converted.sideOutputs);
        return converted;
      };
    },
  });
}

/** tslab's console (log, error) with errors shown as error-display.js formats them. */
function studentConsole(console, root) {
  return {
    log: console.log,
    error: (...args) => (args.length === 1 && args[0] instanceof Error ? console.error(formatError(args[0], root)) : console.error(...args)),
  };
}

/**
 * Installs the fixes into tslab's executor module (tslab/dist/executor.js). With `typescript`
 * (tslab's own) and `target` (its script target), compiled files also get source maps.
 * Returns false, changing nothing, if that module does not look like tslab 1.0.22's.
 */
function installImportFixes(executorModule, { typescript, target } = {}) {
  const original = executorModule && executorModule.createExecutor;
  if (typeof original !== 'function' || original.annlabImportFixes) return false;
  const prepare = typescript ? (outputs) => withSourceMaps(typescript, target, outputs) : undefined;
  const createExecutor = (rootDir, convs, console) => {
    let node;
    const wrapped = {
      get node() {
        if (!node) node = withSideOutputFixes(convs.node, createSideOutputFixer(fs.existsSync, prepare));
        return node;
      },
      get browser() {
        return convs.browser;
      },
      close() {
        convs.close();
      },
    };
    return original(rootDir, wrapped, studentConsole(console, rootDir));
  };
  createExecutor.annlabImportFixes = true;
  executorModule.createExecutor = createExecutor;
  return true;
}

module.exports = { directoryAliases, requiredPaths, createSideOutputFixer, withSideOutputFixes, studentConsole, installImportFixes };
