'use strict';
// The engine (src/), prebuilt for the kernel, so that the first `import … from './src'` in a
// fresh kernel loads it instead of compiling it.
//
// Where the time went: tslab compiles every file a cell imports with its own TypeScript
// (5.0.4): the whole src/ tree (and grader/check.ts, which src/index.ts re-exports) was
// type-checked, emitted with declarations, and each output converted again from ES modules to
// CommonJS — about 3 s of CPU on an idle machine, in every fresh kernel, for files that had
// not changed. (Profile of that import: 36 % type-checking, 33 % emit, of which 26 % the
// second conversion; 28 % building the program.)
//
// What we do instead: compile the files src/index.ts reaches once, with tslab's own
// TypeScript, into node_modules/.cache/annlab-kernel/<hash of their contents>/ (CommonJS .js
// and .d.ts), and reuse that while no source changes. In the kernel,
// - tslab's TypeScript sees each of those files as its declaration (src/x.ts appears as
//   src/x.d.ts, read from the cache): cells are type-checked against the declarations, and
//   nothing of src/ is re-checked or emitted;
// - Node's resolver maps a require of one of them (from a cell, or from an exercise that
//   imports '../src/engine') to its prebuilt .js, so the notebook and the exercises share one
//   copy of every module (an MLP made by one is an instance of the other's class).
// Files outside that set (exercises/, solutions/, notebooks' own imports) are compiled by
// tslab as before, and an edited exercise is still recompiled on the next import.
// A source file that changed since the build (check: hashing the files, a few milliseconds)
// is not loaded from the old build: that kernel lets tslab compile src/ as before, and starts
// the rebuild in the background (one at a time, under a lock), for the kernels after it. So a
// kernel never waits for a build at start-up (Jupyter gives it a minute to answer). Within a
// running kernel, restart it after editing src/. `node kernel/prebuilt-src.js` builds at once
// (e.g. after npm install). A build with type errors is not used: tslab then compiles src/
// itself and shows them.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { pathToFileURL } = require('url');
const { tslabTypeScript, tslabCompilerOptions } = require('./tslab-options');

/** Bumped when the layout of the cache or the compile options change. */
const FORMAT = 2;

function compilerOptions(ts, root, outDir) {
  return tslabCompilerOptions(ts, { module: ts.ModuleKind.CommonJS, declaration: true, rootDir: root, outDir, sourceMap: true });
}

const cacheRoot = (root) => path.join(root, 'node_modules', '.cache', 'annlab-kernel');

/** Hash of what a build depends on: the format, the TypeScript, the root and every source's text. */
function digest(ts, root, files) {
  const h = crypto.createHash('sha256');
  h.update(`${FORMAT}\n${ts.version}\n${root}\n${process.version.split('.')[0]}\n`);
  for (const f of files) {
    h.update(`${path.relative(root, f)}\n`);
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

/** The build recorded as current, if its sources are unchanged: { dir, files } or null. */
function currentBuild(ts, root) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(cacheRoot(root), 'current.json'), 'utf8'));
    const files = manifest.files.map((f) => path.join(root, f));
    if (manifest.hash !== digest(ts, root, files)) return null;
    const dir = path.join(cacheRoot(root), manifest.hash);
    return fs.existsSync(path.join(dir, 'done')) ? { dir, files } : null;
  } catch {
    return null;
  }
}

/**
 * Compiles what src/index.ts reaches into the cache and records it as current.
 * Returns { dir, files }, or { error } when the sources do not compile cleanly.
 */
function build(ts, root) {
  const entry = path.join(root, 'src', 'index.ts');
  const probe = ts.createProgram([entry], compilerOptions(ts, root, path.join(cacheRoot(root), 'probe')));
  const files = probe
    .getSourceFiles()
    .map((s) => path.resolve(s.fileName))
    .filter((f) => !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules') && f.startsWith(root + path.sep))
    .sort();
  const diagnostics = ts.getPreEmitDiagnostics(probe);
  if (diagnostics.length > 0) {
    const first = diagnostics[0];
    return { error: `${first.file ? path.relative(root, first.file.fileName) + ': ' : ''}${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` };
  }
  const hash = digest(ts, root, files);
  const dir = path.join(cacheRoot(root), hash);
  if (!fs.existsSync(path.join(dir, 'done'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    const program = ts.createProgram([entry], compilerOptions(ts, root, tmp), undefined, probe);
    const outputs = new Map();
    const result = program.emit(undefined, (file, text) => outputs.set(file, text));
    for (let [file, text] of outputs) {
      if (file.endsWith('.js.map')) continue;
      if (file.endsWith('.js')) {
        // The prebuilt module runs from the cache but keeps its source's __dirname and __filename
        // (data/ and the project root are found relative to them). They share the first line,
        // so that every line keeps its number for the source map.
        const source = path.join(root, path.relative(tmp, file)).replace(/\.js$/, '.ts');
        const fix = `__filename = ${JSON.stringify(source)}; __dirname = ${JSON.stringify(path.dirname(source))};`;
        text = text.startsWith('"use strict";\n') ? `"use strict"; ${fix}\n${text.slice(14)}` : `${fix} ${text}`;
        // An inline map that names the source itself: errors point at src/…/x.ts, not the cache.
        const map = outputs.get(`${file}.map`);
        if (map) {
          const inline = { ...JSON.parse(map), sources: [pathToFileURL(source).href], sourceRoot: undefined };
          text = `${text.replace(/\/\/# sourceMappingURL=[^\n]*\n?$/, '')}//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(inline)).toString('base64')}\n`;
        }
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    if (result.emitSkipped) return { error: 'TypeScript skipped the emit' };
    fs.writeFileSync(path.join(tmp, 'done'), '');
    try {
      fs.renameSync(tmp, dir);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another kernel built the same meanwhile
    }
  }
  const manifest = { hash, files: files.map((f) => path.relative(root, f)) };
  const tmpManifest = path.join(cacheRoot(root), `current.json.tmp-${process.pid}`);
  fs.writeFileSync(tmpManifest, JSON.stringify(manifest));
  fs.renameSync(tmpManifest, path.join(cacheRoot(root), 'current.json'));
  return { dir, files };
}

/** The current build, made now if the sources changed: { dir, files } or { error }. */
function ensureBuild(root, ts = tslabTypeScript(root)) {
  return currentBuild(ts, root) || build(ts, root);
}

/** A build older than this holds no lock (its process died). */
const LOCK_STALE_MS = 10 * 60 * 1000;

/** Starts `node kernel/prebuilt-src.js` in the background unless one is running; returns whether it started one. */
function buildInBackground(root) {
  const { spawn } = require('child_process');
  const lock = path.join(cacheRoot(root), 'build.lock');
  fs.mkdirSync(cacheRoot(root), { recursive: true });
  try {
    if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
  } catch {
    // no lock
  }
  let fd;
  try {
    fd = fs.openSync(lock, 'wx');
  } catch {
    return false; // another kernel is building
  }
  fs.closeSync(fd);
  const child = spawn(process.execPath, [__filename, '--lock', lock], { cwd: root, detached: true, stdio: 'ignore' });
  child.on('error', () => fs.rmSync(lock, { force: true }));
  child.unref();
  return true;
}

/**
 * Shows tslab's TypeScript each prebuilt source X.ts as X.d.ts (read from the cache) and maps
 * Node's resolution of X to the prebuilt X.js. Returns a function that undoes both.
 */
function installOverlay(ts, root, prebuilt) {
  const sources = new Set(prebuilt.files);
  const inCache = (source, ext) => path.join(prebuilt.dir, path.relative(root, source)).replace(/\.ts$/, ext);
  // src/x.d.ts → src/x.ts, when that source is prebuilt
  const sourceOfDecl = (p) => {
    if (typeof p !== 'string' || !p.endsWith('.d.ts')) return undefined;
    const source = path.resolve(p.slice(0, -5) + '.ts');
    return sources.has(source) ? source : undefined;
  };
  const sys = ts.sys;
  const saved = { fileExists: sys.fileExists, readFile: sys.readFile, realpath: sys.realpath, watchFile: sys.watchFile, getModifiedTime: sys.getModifiedTime };
  sys.fileExists = function (p) {
    if (sourceOfDecl(p)) return true;
    if (typeof p === 'string' && sources.has(path.resolve(p))) return false;
    return saved.fileExists.call(this, p);
  };
  sys.readFile = function (p, encoding) {
    const source = sourceOfDecl(p);
    if (source) return fs.readFileSync(inCache(source, '.d.ts'), 'utf8');
    return saved.readFile.call(this, p, encoding);
  };
  if (saved.realpath) sys.realpath = (p) => (sourceOfDecl(p) ? p : saved.realpath.call(sys, p));
  if (saved.getModifiedTime) sys.getModifiedTime = (p) => (sourceOfDecl(p) ? fs.statSync(inCache(sourceOfDecl(p), '.d.ts')).mtime : saved.getModifiedTime.call(sys, p));
  // the declarations do not change during a session: nothing to watch
  sys.watchFile = (p, ...rest) => (sourceOfDecl(p) ? { close() {} } : saved.watchFile.call(sys, p, ...rest));

  const originalResolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (typeof request === 'string' && (request.startsWith('.') || path.isAbsolute(request))) {
      const base = path.resolve(parent && parent.filename ? path.dirname(parent.filename) : root, request);
      for (const source of [`${base}.ts`, path.join(base, 'index.ts')]) {
        if (sources.has(source)) return inCache(source, '.js');
      }
    }
    return originalResolve.call(this, request, parent, ...rest);
  };
  return () => {
    Object.assign(sys, saved);
    Module._resolveFilename = originalResolve;
  };
}

/**
 * Builds src/ if needed and installs the overlay into this process (the kernel, before tslab
 * starts). ANNLAB_PREBUILT_SRC=0 turns it off. Never throws: on any problem it says why in one line and tslab compiles src/ itself.
 */
function usePrebuiltSrc(root, log = (msg) => console.error(msg), env = process.env) {
  if (env.ANNLAB_PREBUILT_SRC === '0') return null; // tslab compiles src/ as it did before
  try {
    const ts = tslabTypeScript(root);
    const prebuilt = currentBuild(ts, root);
    if (!prebuilt) {
      buildInBackground(root); // for the next kernel; this one compiles src/ with tslab, as before
      return null;
    }
    return installOverlay(ts, root, prebuilt);
  } catch (error) {
    log(`annlab kernel: src/ is compiled by tslab in this session (prebuilding failed: ${error.message})`);
    return null;
  }
}

module.exports = { ensureBuild, installOverlay, usePrebuiltSrc, buildInBackground, cacheRoot };

// `node kernel/prebuilt-src.js`: build now (e.g. after npm install), so that the first kernel starts at once.
// `--lock FILE`: started by buildInBackground, removes its lock when done.
if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const lock = process.argv.includes('--lock') ? process.argv[process.argv.indexOf('--lock') + 1] : null;
  try {
    const r = ensureBuild(root);
    if (r.error) {
      console.error(`prebuilt src: not built: ${r.error}`);
      process.exitCode = 1;
    } else console.log(`prebuilt src: ${r.files.length} files in ${path.relative(root, r.dir)}`);
  } finally {
    if (lock) fs.rmSync(lock, { force: true });
  }
}
