'use strict';
/* The sandbox child: runs ONE student exercise file and answers calls from the test
 * process over the IPC channel (serialization 'advanced' = structured clone).
 *
 * It reads nothing from disk. The test process sends, in its 'init' message, the engine
 * (src/engine, transpiled) and the student's exercise files (transpiled), and this child
 * links them with a module loader of its own: student code can reach the engine and the
 * other exercise files of the same submission, nothing else. Node itself enforces the rest
 * (sandbox.ts starts this file under the permission model: no file access beyond this
 * file, no child processes, workers or addons), and on Linux the OS adds its own limits.
 *
 * Plain JavaScript on purpose: node runs it directly. Everything the runtime needs is
 * captured below BEFORE student code runs, so that a student who patches
 * Object.prototype, Math or process cannot break the protocol.
 */
const vm = require('vm');

const send = process.send.bind(process);
// process.exit ends in process.reallyExit, which lockDown() replaces: keep the real one.
const realExit = process.reallyExit.bind(process);
const JSONstringify = JSON.stringify;
const ObjectKeys = Object.keys;
const hasOwn = Object.prototype.hasOwnProperty;
const builtinModules = new Set(require('module').builtinModules);

/** Where modules seem to live, for stack traces and import resolution: no real path leaks. */
const ROOT = '/annlab';
const EXERCISES = ROOT + '/exercises';
const ENGINE = ROOT + '/src/engine';

class SandboxError extends Error {}
SandboxError.prototype.name = 'SandboxError';
function refuse(kind, message) {
  const e = new SandboxError(message);
  e.kind = kind;
  return e;
}

// ---------------------------------------------------------------------------------------
// Paths: POSIX only, on virtual names (the real folders are never seen here).
function normalize(p) {
  const out = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
function dirname(p) {
  return p.slice(0, p.lastIndexOf('/')) || '/';
}

// ---------------------------------------------------------------------------------------
// Modules: { file (virtual path) → { js, map } }, evaluated on first require.
const sources = new Map();
const modules = new Map();
let ioNames = new Set();

function evaluate(file) {
  const cached = modules.get(file);
  if (cached) return cached.exports;
  const src = sources.get(file);
  if (src.error) throw refuse('compile', src.error);
  const module = { exports: {}, filename: file, loaded: false };
  modules.set(file, module);
  const fn = vm.compileFunction(src.js, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  fn.call(module.exports, module.exports, requireFrom(file), module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

let facade = null;
/** The engine, evaluated when a file first imports it: most exercise files never do, and
 *  evaluating it (80 modules) was a fifth of a child's start. Trusted code like a preload: it
 *  needs nothing that the lock-down takes away (it imports no Node module). */
function engine() {
  if (!facade) {
    let exports;
    try {
      exports = evaluate(ENGINE + '/index.js');
    } catch (err) {
      throw refuse('crash', `the course engine did not load: ${describe(err).message}`);
    }
    facade = engineFacade(exports);
  }
  return facade;
}

/** The engine as '../src' gives it: a name that belongs to src/io (files, display) or the
 *  grader says so, instead of a bare "is not a function". */
function engineFacade(exports) {
  return new Proxy(exports, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !hasOwn.call(target, key) && ioNames.has(key)) {
        throw refuse('threw', `'${key}' is not part of the engine: in the grader, exercises get the engine (src/engine) only, not files, display or the grader`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The virtual path a specifier names, seen from a file. */
function absolute(fromFile, spec) {
  return normalize(spec.startsWith('/') ? spec : dirname(fromFile) + '/' + spec);
}

function resolve(fromFile, spec) {
  const abs = absolute(fromFile, spec).replace(/\.(ts|js)$/, '');
  // The course library: '../src' and '../src/engine/...' are the engine, nothing else of src/.
  if (abs === ROOT + '/src' || abs === ROOT + '/src/index') return ENGINE + '/index.js';
  for (const candidate of [abs + '.js', abs + '/index.js']) if (sources.has(candidate)) return candidate;
  return undefined;
}

function requireFrom(file) {
  const inEngine = file.startsWith(ENGINE + '/');
  return function require(spec) {
    spec = String(spec);
    const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
    if (builtinModules.has(bare) || builtinModules.has(bare.split('/')[0])) {
      throw refuse('threw', `the grader does not let exercises use Node's '${bare}' module: an exercise computes its result from its arguments (and the engine, '../src')`);
    }
    if (!spec.startsWith('.') && !spec.startsWith('/')) {
      throw refuse('threw', `exercises may import only the course engine ('../src') and other exercise files, not the package '${spec}'`);
    }
    const target = resolve(file, spec);
    // The engine links only to itself; student files to the engine and to each other.
    if (target === ENGINE + '/index.js' && !inEngine) return engine();
    if (target && (!inEngine || target.startsWith(ENGINE + '/'))) return evaluate(target);
    if (absolute(file, spec).startsWith(EXERCISES + '/')) throw refuse('threw', `cannot find the exercise file '${spec}'`);
    throw refuse('threw', `exercises may import only the course engine ('../src') and other exercise files, not '${spec}': in the grader, files, display and the grader itself are out of reach`);
  };
}

// ---------------------------------------------------------------------------------------
// Stack traces point at the student's TypeScript lines: decode the source maps' lines.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lineMaps = new Map(); // virtual .ts file → array: generated line (0-based) → [[genCol, srcLine, srcCol], ...]
function decodeMap(mapText) {
  const out = [];
  let srcLine = 0, srcCol = 0;
  for (const line of JSON.parse(mapText).mappings.split(';')) {
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
      if (vals.length >= 4) { srcLine += vals[2]; srcCol += vals[3]; segs.push([genCol, srcLine, srcCol]); }
    }
    out.push(segs);
  }
  return out;
}
function mapFrame(frame) {
  return frame.replace(/([^\s(]+)\.js:(\d+):(\d+)/g, (all, file, l, c) => {
    const m = lineMaps.get(file + '.ts');
    const segs = m && m[Number(l) - 1];
    if (!segs || !segs.length) return `${file}.ts:${l}:${c}`;
    let best = segs[0];
    for (const s of segs) if (s[0] <= Number(c) - 1) best = s;
    return `${file}.ts:${best[1] + 1}:${best[2] + 1}`;
  });
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
    else if (err instanceof RangeError && /call stack/i.test(message)) kind = 'threw';
  }
  // Keep only the frames that point into student files: the rest is the grader.
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l) && l.includes(EXERCISES + '/')).slice(0, 4).map(mapFrame);
  return { kind, name, message: message.slice(0, 2000), stack: frames.join('\n').split(ROOT + '/').join('') };
}

// ---------------------------------------------------------------------------------------
// Lock down the process before student code runs.
function lockDown() {
  const exitError = (what) => function () {
    throw refuse('crash', `${what} was called: exercise code must return its result, not end the process`);
  };
  process.exit = exitError('process.exit()');
  process.reallyExit = exitError('process.reallyExit()');
  process.abort = exitError('process.abort()');
  process.kill = exitError('process.kill()');
  process.chdir = exitError('process.chdir()');
  for (const k of ['binding', '_linkedBinding', 'dlopen', 'send', 'mainModule', '_getActiveHandles', '_getActiveRequests', 'getBuiltinModule', 'report']) {
    try { delete process[k]; } catch (e) { /* ignore */ }
  }
  try { Object.defineProperty(process, 'env', { value: {}, writable: false, configurable: false }); } catch (e) { /* ignore */ }
  try { Object.defineProperty(process, 'argv', { value: ['node'], writable: false, configurable: false }); } catch (e) { /* ignore */ }
  try { Object.defineProperty(process, 'execArgv', { value: [], writable: false, configurable: false }); } catch (e) { /* ignore */ }
}

// ---------------------------------------------------------------------------------------
// Protocol: parent → { type: 'init', engine, files, ioNames, name } then { type: 'call', id, fn, args, returnArgs }.
// init.engine: { 'matrix/ops': js, ... } (paths relative to src/engine, without extension);
// init.files: { '02-perceptron': { js, map } | { error } } (the submission's exercise files).
let studentExports = null;
process.on('message', (msg) => {
  if (msg.type === 'init') {
    for (const k of ObjectKeys(msg.engine)) sources.set(`${ENGINE}/${k}.js`, { js: msg.engine[k] });
    for (const k of ObjectKeys(msg.files)) {
      const f = msg.files[k];
      sources.set(`${EXERCISES}/${k}.js`, f);
      try { if (f.map) lineMaps.set(`${EXERCISES}/${k}.ts`, decodeMap(f.map)); } catch (e) { /* plain JS lines then */ }
    }
    ioNames = new Set(msg.ioNames || []);
    lockDown();
    const main = `${EXERCISES}/${msg.name}.js`;
    try {
      if (!sources.has(main)) throw refuse('missing-export', `exercises/${msg.name}.ts is missing`);
      studentExports = evaluate(main);
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
send({ type: 'hello' });
