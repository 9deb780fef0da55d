'use strict';
/* The sandbox child: loads ONE student exercise file and answers calls from the test
 * process over the IPC channel (serialization 'advanced' = structured clone).
 *
 * Plain JavaScript on purpose: node runs it directly, before any TypeScript loader.
 * It is started by sandbox.ts with --disallow-code-generation-from-strings (no eval,
 * no new Function), under a heap cap and an address-space cap, in its own process
 * group (and, where the OS allows, its own PID namespace and an unprivileged user).
 * Everything the runtime needs is captured below BEFORE student code runs, so that a
 * student who patches Object.prototype, Math or process cannot break the protocol.
 */
const Module = require('module');
const path = require('path');
const fs = require('fs');
const vm = require('vm');
const crypto = require('crypto');

const send = process.send.bind(process);
const realExit = process.exit.bind(process);
const JSONstringify = JSON.stringify;
const ObjectKeys = Object.keys;
const hasOwn = Object.prototype.hasOwnProperty;

/** Builtins a student module may require; everything else (fs, child_process, net, vm,
 *  worker_threads, ...) is refused with a sentence. */
const ALLOWED_BUILTINS = new Set(['assert', 'buffer', 'events', 'path', 'util', 'string_decoder', 'url', 'querystring', 'perf_hooks']);

// argv[2]: { cacheDirs, typescriptPath, preload } known at start; 'init' adds the rest:
// { studentFile, virtualFile, projectRoot, targetDir, source }.
let config = JSON.parse(process.argv[2] || '{}');
const studentModules = new Map(); // real path → module.exports of a loaded student file

// ---------------------------------------------------------------------------------------
// TypeScript loading (trusted engine files and student files alike): cache or transpile.
let ts = null;
function typescript() {
  if (!ts) ts = require(config.typescriptPath);
  return ts;
}
function cacheKey(filename, source) {
  return crypto.createHash('sha1').update('annlab-ts-1\0' + filename + '\0' + source).digest('hex');
}
/** Returns { js } or { error } (syntax errors of the file, with line numbers). */
function transpile(filename, source, useCache, withMap) {
  if (useCache) {
    const key = cacheKey(filename, source);
    for (const dir of config.cacheDirs) {
      try { return { js: fs.readFileSync(path.join(dir, key + '.js'), 'utf8') }; } catch (e) { /* miss */ }
    }
  }
  const t = typescript();
  const out = t.transpileModule(source, {
    fileName: filename,
    reportDiagnostics: true,
    compilerOptions: { module: t.ModuleKind.CommonJS, target: t.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: !!withMap, inlineSourceMap: false },
  });
  const diags = (out.diagnostics || []).filter((d) => d.category === t.DiagnosticCategory.Error);
  if (diags.length) {
    return { error: diags.slice(0, 5).map((d) => {
      const msg = t.flattenDiagnosticMessageText(d.messageText, '\n');
      if (d.file && d.start !== undefined) {
        const lc = d.file.getLineAndCharacterOfPosition(d.start);
        return `${path.basename(filename)}:${lc.line + 1}:${lc.character + 1} - ${msg}`;
      }
      return msg;
    }).join('\n') };
  }
  return { js: out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: out.sourceMapText };
}

// Stack traces point at the student's TypeScript lines: decode the source map's lines.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lineMaps = new Map(); // virtual file → array: generated line (0-based) → [[genCol, srcLine, srcCol], ...]
function decodeMap(mapText) {
  const out = [];
  let srcLine = 0, srcCol = 0, srcIdx = 0;
  const lines = JSON.parse(mapText).mappings.split(';');
  for (const line of lines) {
    const segs = [];
    let genCol = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let v = 0, shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        v += (d & 31) << shift;
        if (d & 32) { shift += 5; } else { vals.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; shift = 0; }
      }
      genCol += vals[0];
      if (vals.length >= 4) { srcIdx += vals[1]; srcLine += vals[2]; srcCol += vals[3]; segs.push([genCol, srcLine, srcCol]); }
    }
    out.push(segs);
  }
  return out;
}
function mapFrame(frame) {
  return frame.replace(/([^\s(]+\.ts):(\d+):(\d+)/g, (all, file, l, c) => {
    const m = lineMaps.get(file);
    const segs = m && m[Number(l) - 1];
    if (!segs || !segs.length) return all;
    let best = segs[0];
    for (const s of segs) if (s[0] <= Number(c) - 1) best = s;
    return `${file}:${best[1] + 1}:${best[2] + 1}`;
  });
}

// Trusted project files (the engine in src/) are loaded by Node's own loader.
Module._extensions['.ts'] = function loadTs(module, filename) {
  const r = transpile(filename, fs.readFileSync(filename, 'utf8'), true);
  if (r.error) throw new Error(`the course library file ${filename} does not compile:\n${r.error}`);
  module._compile(r.js, filename);
};

// ---------------------------------------------------------------------------------------
// Student modules: compiled with vm.compileFunction (no dynamic import), given a
// restricted require.
class SandboxError extends Error {}
SandboxError.prototype.name = 'SandboxError';

function loadStudent(realFile, virtualFile, source) {
  if (studentModules.has(realFile)) return studentModules.get(realFile).exports;
  if (source === undefined) source = fs.readFileSync(realFile, 'utf8');
  const r = transpile(virtualFile, source, false, true);
  try { if (r.map) lineMaps.set(virtualFile, decodeMap(r.map)); } catch (e) { /* plain JS lines then */ }
  if (r.error) {
    const e = new SandboxError(r.error);
    e.kind = 'compile';
    throw e;
  }
  const module = { exports: {}, filename: virtualFile, loaded: false };
  studentModules.set(realFile, module);
  const fn = vm.compileFunction(r.js, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: virtualFile });
  fn.call(module.exports, module.exports, studentRequire(virtualFile), module, virtualFile, path.dirname(virtualFile));
  module.loaded = true;
  return module.exports;
}

function studentRequire(virtualFile) {
  const dir = path.dirname(virtualFile);
  const realRequire = Module.createRequire(virtualFile);
  const virtualExercises = path.dirname(config.virtualFile);
  return function require(spec) {
    spec = String(spec);
    const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
    if (Module.builtinModules.includes(bare)) {
      if (ALLOWED_BUILTINS.has(bare.split('/')[0])) return realRequire(bare);
      throw new SandboxError(`the grader does not let exercises use Node's '${bare}' module: an exercise computes its result from its arguments only`);
    }
    if (!spec.startsWith('.') && !path.isAbsolute(spec)) {
      throw new SandboxError(`exercises may import only the course library ('../src'), not the package '${spec}'`);
    }
    const abs = path.resolve(dir, spec);
    // Another exercise file: load the student's version from the target folder.
    const rel = path.relative(virtualExercises, abs);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && !rel.includes(path.sep)) {
      const base = rel.endsWith('.ts') ? rel : rel + '.ts';
      const real = path.join(config.targetDir, base);
      if (!fs.existsSync(real)) throw new SandboxError(`cannot find the exercise file '${spec}'`);
      return loadStudent(real, path.join(virtualExercises, base));
    }
    // The course library only: not the tests, the manifest or anything else on disk.
    const relSrc = path.relative(path.join(config.projectRoot, 'src'), abs);
    if (relSrc.startsWith('..') || path.isAbsolute(relSrc)) {
      throw new SandboxError(`exercises may import only the course library ('../src'), not '${spec}'`);
    }
    return realRequire(spec);
  };
}

// ---------------------------------------------------------------------------------------
// Errors travel as plain data: { kind, name, message, stack }.
function describe(err) {
  let name = 'Error';
  let message = '';
  let stack = '';
  try {
    if (err instanceof Error || (err && typeof err === 'object' && 'message' in err)) {
      name = String(err.name || 'Error');
      message = String(err.message);
      stack = String(err.stack || '');
    } else {
      name = 'thrown value';
      message = typeof err === 'string' ? err : String(JSONstringify(err));
    }
  } catch (e) { message = '(an error that could not be described)'; }
  // Only the sandbox's own errors carry a kind; a student's thrown object cannot choose one.
  let kind = err instanceof SandboxError && typeof err.kind === 'string' ? err.kind : 'threw';
  if (kind === 'threw') {
    if (name === 'NotImplementedError' || /not implemented/i.test(message)) kind = 'not-implemented';
    else if (/Array buffer allocation failed|Invalid typed array length|Invalid array length|Array buffer allocation/i.test(message)) kind = 'memory';
  }
  // Keep only the frames that point into student files: the rest is the grader.
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l) && l.includes(path.dirname(config ? config.virtualFile : '/'))).slice(0, 4).map(mapFrame);
  const root = config && config.projectRoot ? config.projectRoot + path.sep : '\0';
  return { kind, name, message: message.slice(0, 2000), stack: frames.join('\n').split(root).join('') };
}

// ---------------------------------------------------------------------------------------
// Lock down the process before student code runs.
function lockDown() {
  const exitError = (what) => function () {
    const e = new SandboxError(`${what} was called: exercise code must return its result, not end the process`);
    e.kind = 'crash';
    throw e;
  };
  process.exit = exitError('process.exit()');
  process.reallyExit = exitError('process.reallyExit()');
  process.abort = exitError('process.abort()');
  process.kill = exitError('process.kill()');
  process.chdir = exitError('process.chdir()');
  for (const k of ['binding', '_linkedBinding', 'dlopen', 'send', 'mainModule', '_getActiveHandles', '_getActiveRequests', 'getBuiltinModule']) {
    try { delete process[k]; } catch (e) { /* ignore */ }
  }
  try { Object.defineProperty(process, 'env', { value: {}, writable: false, configurable: false }); } catch (e) { /* ignore */ }
}

// ---------------------------------------------------------------------------------------
// Protocol: parent → { type: 'init', ... } then { type: 'call', id, fn, args }.
let studentExports = null;
process.on('message', (msg) => {
  if (msg.type === 'init') {
    config = Object.assign(config, msg);
    lockDown();
    try {
      studentExports = loadStudent(config.studentFile, config.virtualFile, config.source);
      send({ type: 'ready', exports: ObjectKeys(studentExports).filter((k) => typeof studentExports[k] === 'function') });
    } catch (err) {
      send({ type: 'load-error', error: describe(err) });
    }
    return;
  }
  if (msg.type === 'call') {
    const id = msg.id;
    const reply = (m) => {
      try { send(m); } catch (e) {
        send({ type: 'result', id, ok: false, error: { kind: 'threw', name: 'DataCloneError', message: `${msg.fn} returned a value that cannot be passed back to the grader (${e.message}); return numbers, arrays or plain objects`, stack: '' } });
      }
    };
    let fn;
    if (!studentExports || !hasOwn.call(studentExports, msg.fn) || typeof (fn = studentExports[msg.fn]) !== 'function') {
      reply({ type: 'result', id, ok: false, error: { kind: 'missing-export', name: 'Error', message: `no exported function '${msg.fn}'`, stack: '' } });
      return;
    }
    // With returnArgs the answer carries the arguments as the student's function left them
    // (the same objects it received, so an in-place change shows).
    const args = msg.args;
    const answer = msg.returnArgs === true ? (v) => ({ result: v, args }) : (v) => v;
    let value;
    try {
      value = fn.apply(undefined, args);
    } catch (err) {
      reply({ type: 'result', id, ok: false, error: describe(err) });
      return;
    }
    if (value && typeof value.then === 'function') {
      Promise.resolve(value).then(
        (v) => reply({ type: 'result', id, ok: true, value: answer(v) }),
        (err) => reply({ type: 'result', id, ok: false, error: describe(err) }),
      );
    } else {
      reply({ type: 'result', id, ok: true, value: answer(value) });
    }
  }
});
// The test process went away: nothing left to answer.
process.on('disconnect', () => realExit(0));
// Load the course library first (trusted code, not timed as the student's), then say hello.
try { for (const p of config.preload || []) require(p); } catch (e) { /* the student's import reports it */ }
send({ type: 'hello' });
