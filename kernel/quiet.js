'use strict';
// A quiet, honest annlab kernel: what tslab 1.0.22 gets wrong around the student's code.
//
// - Noise: tslab prints `unknown msg_type: comm_open` (the classic Notebook's widget manager
//   opens a comm after every restart) into whatever cell ran last, and its receive loops start
//   before its sockets are bound, so after a restart (ports still closing) a receive can fail
//   with EBUSY "Socket is blocked by a bind or unbind operation" as an unhandled rejection.
//   Here comm messages are answered as ipykernel answers an unknown comm target (comm_close),
//   and the sockets are bound before anything is received from them.
// - Late errors: an error thrown by a timer, or a rejected promise nobody awaits, after its
//   cell has finished, went to the terminal (tslab's `console.error`), so the student never saw
//   it. Here it is shown in the cell that runs (or, if none runs, at the top of the next one).
// - Memory: a cell that fills the JavaScript heap kills the process (V8 aborts), and the student
//   saw only "kernel died". Here the kernel runs as a child of a small supervisor that sees
//   why the child ended, leaves a note, and exits; Jupyter restarts the kernel, and the
//   restarted kernel tells the student what happened and how to go on, in the next cell.
// - Orphans: a kernel whose Jupyter (nbconvert, a server) was killed exits by itself.
//
// launch.js wires this in with two calls: superviseKernel() first, installQuietKernel() just
// before tslab starts. ANNLAB_KERNEL_HEAP_MB sets the kernel's heap limit (tests use a small one).

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { formatError } = require('./error-display');

/** Set in the child's environment: this process is the kernel itself, not its supervisor. */
const CHILD_FLAG = 'ANNLAB_KERNEL_CHILD';

/** How often a process checks that its parent is still alive, in ms. */
const PARENT_POLL_MS = 1000;

/** Where the supervisor leaves the note about a kernel that died, for its restarted successor. */
function notePath(connectionFile) {
  const key = crypto.createHash('sha1').update(path.resolve(connectionFile)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `annlab-kernel-${key}.json`);
}

/** V8's own last words when the heap is full. */
const OUT_OF_MEMORY = /Reached heap limit|heap out of memory|Allocation failed - (?:JavaScript heap|process out of memory)|Fatal process out of memory/;

/** Exits when the parent process goes away (its pid is no longer our parent). */
function exitWithParent(onExit) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) onExit();
  }, PARENT_POLL_MS);
  timer.unref();
}

/** The sentence a student reads after the kernel ran out of memory or was killed. */
function deathMessage(note) {
  const what =
    note.reason === 'memory'
      ? `The kernel ran out of memory${note.heapMb ? ` (its limit is ${note.heapMb} MB)` : ''} while running a cell, and was restarted.`
      : `The kernel was stopped by the system (${note.signal}) while running a cell, most likely because the machine ran out of memory, and was restarted.`;
  return (
    `${what}\n` +
    'Every variable and import of this notebook is gone. To go on:\n' +
    '  1. make the cell that was running smaller: fewer samples, fewer or smaller layers, fewer epochs,\n' +
    '     or fix the loop that never ended while filling an array;\n' +
    '  2. run the cells above it again (Run → Run All Above Selected Cell), then this one.\n'
  );
}

/**
 * In the process Jupyter started: runs the real kernel (this same script, same arguments) as a
 * child and returns true; the caller then does nothing more. In the child, returns false.
 * `script` is the launcher's path (launch.js).
 */
function superviseKernel(script) {
  if (process.env[CHILD_FLAG] === '1' || process.env.ANNLAB_KERNEL_SUPERVISOR === '0') return false;
  const connectionFile = process.argv[2];
  if (!connectionFile) return false; // launch.js reports the missing argument itself.
  const heapMb = Number(process.env.ANNLAB_KERNEL_HEAP_MB) || undefined;
  const nodeArgs = [...process.execArgv, ...(heapMb ? [`--max-old-space-size=${heapMb}`] : [])];
  const child = spawn(process.execPath, [...nodeArgs, script, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
    env: { ...process.env, [CHILD_FLAG]: '1' },
  });
  let tail = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-8192);
  });
  let stopping = false;
  const stop = (signal) => {
    stopping = true;
    child.kill(signal);
  };
  // Jupyter interrupts the whole process group: the child receives SIGINT itself.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  exitWithParent(() => {
    stop('SIGKILL');
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    let reason;
    if (OUT_OF_MEMORY.test(tail)) reason = 'memory';
    else if (signal === 'SIGKILL' && !stopping) reason = 'killed';
    if (reason) {
      try {
        fs.writeFileSync(notePath(connectionFile), JSON.stringify({ reason, signal, heapMb, at: new Date().toISOString() }));
      } catch {
        // The note is a courtesy; the restart works without it.
      }
      process.stderr.write(`annlab kernel: ${reason === 'memory' ? 'out of memory' : `killed (${signal})`}; the restarted kernel will tell the student.\n`);
    }
    process.exit(code ?? 1);
  });
  return true;
}

/** Reads (and removes) the note left by the supervisor of a kernel that died. */
function takeDeathNote(connectionFile) {
  if (!connectionFile) return undefined;
  const file = notePath(connectionFile);
  try {
    const note = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.rmSync(file, { force: true });
    return note;
  } catch {
    return undefined;
  }
}

/** `Error: message` with the frames of the project's files, for a student (error-display.js). */
function describeError(error) {
  return formatError(error, process.cwd());
}

/** Rejections that are tslab's socket plumbing, not the student's code. */
function isSocketNoise(reason) {
  return (
    reason instanceof Error &&
    (reason.code === 'EBUSY' || reason.code === 'EAGAIN' || reason.code === 'ENOTSOCK') &&
    /Socket is (blocked by a bind or unbind operation|closed)/.test(reason.message)
  );
}

/** Receives every message of `sock` and hands it to `handle`; ends quietly when the socket closes. */
async function serve(sock, handle) {
  try {
    for await (const msgs of sock) handle(msgs);
  } catch (error) {
    if (!sock.closed && !isSocketNoise(error)) process.stderr.write(`annlab kernel: socket failed: ${describeError(error)}\n`);
  }
}

/**
 * In the kernel process, before tslab starts: patches tslab 1.0.22 (its jupyter.js and main.js
 * in `tslabDist`) as the header says. Returns false, changing nothing, for another tslab.
 */
function installQuietKernel(tslabDist, connectionFile = process.argv[2]) {
  const jupyter = require(path.join(tslabDist, 'jupyter.js'));
  const main = require(path.join(tslabDist, 'main.js'));
  const { ZmqServer, JupyterHandlerImpl } = jupyter;
  if (!ZmqServer?.prototype.handleShellMessage || !JupyterHandlerImpl?.prototype.handleExecuteImpl) return false;

  // Without a supervisor (or when it was killed) the IPC channel closes: exit with it.
  if (process.send) process.on('disconnect', () => process.exit(0));
  else exitWithParent(() => process.exit(0));

  /** Messages waiting for the next cell (late errors, the note of a kernel that died). */
  const pending = [];
  const note = takeDeathNote(connectionFile);
  if (note) pending.push(deathMessage(note));
  /** The stream writer of the cell that runs now, or null. */
  let running = null;

  const report = (kind, error) => {
    if (isSocketNoise(error)) return;
    const text =
      `${kind} from a timer, a callback or a promise nobody awaited` +
      `${running ? '' : ' (after its cell had finished)'}:\n${describeError(error)}\n`;
    if (running) running('stderr', text);
    else pending.push(text);
  };

  const originalExecute = JupyterHandlerImpl.prototype.handleExecuteImpl;
  JupyterHandlerImpl.prototype.handleExecuteImpl = async function (req, writeStream, writeDisplayData) {
    running = writeStream;
    while (pending.length > 0) writeStream('stderr', pending.shift());
    try {
      return await originalExecute.call(this, req, writeStream, writeDisplayData);
    } finally {
      running = null;
    }
  };

  // tslab builds its messages with a class it does not export; the first status it publishes
  // (for kernel_info_request) hands us one, so that comm messages can be answered properly.
  let Message = null;
  const originalPublish = ZmqServer.prototype.publishStatus;
  ZmqServer.prototype.publishStatus = function (status, parent) {
    Message = Message || parent.constructor;
    return originalPublish.call(this, status, parent);
  };
  const originalShell = ZmqServer.prototype.handleShellMessage;
  const known = new Set(['kernel_info_request', 'execute_request', 'is_complete_request', 'inspect_request', 'complete_request', 'comm_info_request', 'shutdown_request']);
  ZmqServer.prototype.handleShellMessage = async function (sock, ...args) {
    const type = messageType(args);
    if (type === undefined || known.has(type) || !Message) return originalShell.call(this, sock, ...args);
    // comm_open, comm_msg, comm_close, history_request, ...: tslab has no comms and no history.
    const msg = Message.fromRaw(this.connInfo.key, args);
    this.publishStatus('busy', msg);
    if (type === 'comm_open') {
      // As ipykernel does for a comm target it does not know: close it.
      const reply = msg.createReply();
      reply.header.msg_type = 'comm_close';
      reply.content = { comm_id: msg.content.comm_id, data: {} };
      reply.signAndSend(this.connInfo.key, this.iopub);
    }
    this.publishStatus('idle', msg);
  };

  // Bind every socket first, then receive (tslab receives first: EBUSY after restarts).
  ZmqServer.prototype.init = async function () {
    const cinfo = JSON.parse(fs.readFileSync(this.configPath, 'utf-8'));
    this.connInfo = cinfo;
    const zmq = require(require.resolve('zeromq', { paths: [tslabDist] }));
    this.iopub = new zmq.Publisher();
    this.shell = new zmq.Router();
    this.control = new zmq.Router();
    this.stdin = new zmq.Router();
    this.hb = new zmq.Reply();
    await Promise.all([
      this.bindSocket(this.iopub, cinfo.iopub_port),
      this.bindSocket(this.shell, cinfo.shell_port),
      this.bindSocket(this.control, cinfo.control_port),
      this.bindSocket(this.stdin, cinfo.stdin_port),
      this.bindSocket(this.hb, cinfo.hb_port),
    ]);
    serve(this.shell, (msgs) => this.handleShellMessage(this.shell, ...msgs));
    serve(this.control, (msgs) => this.handleShellMessage(this.control, ...msgs));
    serve(this.hb, (msgs) => this.hb.send(msgs));
  };

  // tslab's own handlers print to the terminal; ours show the error to the student.
  const originalStart = main.startKernel;
  main.startKernel = function (options) {
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    originalStart.call(this, options);
    for (const event of Object.keys(before)) {
      for (const listener of process.listeners(event)) {
        if (!before[event].includes(listener)) process.removeListener(event, listener);
      }
    }
    process.on('uncaughtException', (error) => report('Uncaught error', error));
    process.on('unhandledRejection', (reason) => report('Unhandled promise rejection', reason));
  };
  return true;
}

/** The msg_type of a raw Jupyter message (identities, `<IDS|MSG>`, hmac, header, ...). */
function messageType(frames) {
  const delim = frames.findIndex((f) => Buffer.isBuffer(f) && f.toString() === '<IDS|MSG>');
  if (delim < 0 || frames.length < delim + 3) return undefined;
  try {
    return JSON.parse(frames[delim + 2].toString()).msg_type;
  } catch {
    return undefined;
  }
}

module.exports = { superviseKernel, installQuietKernel, deathMessage, notePath, OUT_OF_MEMORY };
