'use strict';
// A Jupyter kernel that answers every cell with one message (an error output), for when the
// annlab launcher cannot start the real kernel: the notebook is outside any annlab project,
// or the project has no node_modules yet. Without it the student would only see "kernel
// died, restarting" and nothing in the notebook saying why.
//
// Self-contained on purpose (Node built-ins only): kernel/install.js copies it beside the
// launcher into the kernelspec folder, where no project's node_modules (zeromq) is at hand.
// So it speaks the wire protocol itself, just enough of it:
//  - ZMTP 3.0 (rfc.zeromq.org/spec/23) over TCP with the NULL mechanism: a 64-byte greeting,
//    a READY command naming our socket type, then frames: flags (bit 0 more, bit 1 long,
//    bit 2 command) and a 1- or 8-byte size.
//  - Jupyter's messaging protocol 5.3: shell and control are ROUTER sockets (a reply goes
//    back on the connection the request came from), iopub is PUB (every message goes to
//    every subscriber; the clients subscribe to everything), hb is REP (echo).
//  - Messages are signed with HMAC(key, header | parent_header | metadata | content).

const crypto = require('crypto');
const fs = require('fs');
const net = require('net');

const DELIMITER = '<IDS|MSG>';
const PROTOCOL_VERSION = '5.3';

/** Our ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, as-server 0, filler. */
function greeting() {
  const g = Buffer.alloc(64);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3;
  g[11] = 0;
  g.write('NULL', 12, 'ascii');
  return g;
}

/** One ZMTP frame: flags, size (1 byte, or 8 bytes when longer than 255), body. */
function frame(body, { more = false, command = false } = {}) {
  const long = body.length > 255;
  const head = Buffer.alloc(long ? 9 : 2);
  head[0] = (more ? 1 : 0) | (long ? 2 : 0) | (command ? 4 : 0);
  if (long) head.writeBigUInt64BE(BigInt(body.length), 1);
  else head[1] = body.length;
  return Buffer.concat([head, body]);
}

/** The READY command of the NULL mechanism, with the property Socket-Type. */
function readyCommand(socketType) {
  const name = Buffer.from('Socket-Type', 'ascii');
  const value = Buffer.from(socketType, 'ascii');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(value.length);
  const body = Buffer.concat([Buffer.from([5]), Buffer.from('READY', 'ascii'), Buffer.from([name.length]), name, size, value]);
  return frame(body, { command: true });
}

/** A multi-part message as wire bytes. */
function encodeMessage(parts) {
  return Buffer.concat(parts.map((p, i) => frame(Buffer.isBuffer(p) ? p : Buffer.from(p), { more: i < parts.length - 1 })));
}

/**
 * Parses the ZMTP bytes a peer sends, calling onMessage(frames) for each complete
 * multi-part message. Commands (READY, and subscriptions in 3.1 form) are skipped.
 */
function createReader(onMessage) {
  let buffer = Buffer.alloc(0);
  let greeted = false;
  let parts = [];
  return function read(chunk) {
    buffer = Buffer.concat([buffer, chunk]);
    if (!greeted) {
      if (buffer.length < 64) return;
      buffer = buffer.subarray(64);
      greeted = true;
    }
    for (;;) {
      if (buffer.length < 2) return;
      const flags = buffer[0];
      const long = (flags & 2) !== 0;
      const headSize = long ? 9 : 2;
      if (buffer.length < headSize) return;
      const size = long ? Number(buffer.readBigUInt64BE(1)) : buffer[1];
      if (buffer.length < headSize + size) return;
      const body = buffer.subarray(headSize, headSize + size);
      buffer = buffer.subarray(headSize + size);
      if (flags & 4) continue;
      parts.push(Buffer.from(body));
      if (!(flags & 1)) {
        const message = parts;
        parts = [];
        onMessage(message);
      }
    }
  };
}

/** Listens as one ZMTP socket of the given type; returns the server and its live connections. */
function listen(info, port, socketType, onMessage) {
  const connections = new Set();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.setNoDelay(true);
    socket.write(greeting());
    socket.write(readyCommand(socketType));
    const read = createReader((frames) => onMessage(frames, socket));
    socket.on('data', read);
    socket.on('error', () => connections.delete(socket));
    socket.on('close', () => connections.delete(socket));
  });
  if (info.transport === 'ipc') server.listen(`${info.ip}-${port}`);
  else server.listen(port, info.ip);
  return { server, connections };
}

/** What each request is answered with (besides execute_request and shutdown_request). */
function simpleReply(type, content) {
  switch (type) {
    case 'interrupt_request':
      return { status: 'ok' };
    case 'complete_request':
      return { status: 'ok', matches: [], cursor_start: content.cursor_pos || 0, cursor_end: content.cursor_pos || 0, metadata: {} };
    case 'inspect_request':
      return { status: 'ok', found: false, data: {}, metadata: {} };
    case 'is_complete_request':
      return { status: 'complete' };
    case 'comm_info_request':
      return { status: 'ok', comms: {} };
    case 'history_request':
      return { status: 'ok', history: [] };
    default:
      return undefined;
  }
}

/**
 * Serves the kernel described by the connection file until a shutdown request, answering
 * every execute request with an error whose text is `message`. Returns a function that stops it.
 */
function serveMessageKernel(connectionFile, message, { ename = 'AnnlabKernelError', exit = () => process.exit(0) } = {}) {
  const info = JSON.parse(fs.readFileSync(connectionFile, 'utf8'));
  const key = Buffer.from(info.key || '', 'utf8');
  const scheme = (info.signature_scheme || 'hmac-sha256').replace(/^hmac-/, '');
  const session = crypto.randomUUID();
  let executionCount = 0;

  const sign = (parts) => {
    if (key.length === 0) return '';
    const hmac = crypto.createHmac(scheme, key);
    for (const p of parts) hmac.update(p);
    return hmac.digest('hex');
  };

  const pack = (type, parent, content, idents = []) => {
    const header = { msg_id: crypto.randomUUID(), session, username: 'annlab', date: new Date().toISOString(), msg_type: type, version: PROTOCOL_VERSION };
    const parts = [header, parent, {}, content].map((x) => JSON.stringify(x));
    return encodeMessage([...idents, DELIMITER, sign(parts), ...parts]);
  };

  let iopub;
  const publish = (type, parent, content) => {
    const bytes = pack(type, parent, content, [Buffer.from(`kernel.${session}.${type}`)]);
    for (const socket of iopub.connections) socket.write(bytes);
  };

  const stop = () => {
    for (const s of sockets) {
      for (const c of s.connections) c.destroy();
      s.server.close();
    }
  };

  const onRequest = (frames, socket) => {
    const at = frames.findIndex((f) => f.toString() === DELIMITER);
    if (at < 0 || frames.length < at + 6) return;
    const idents = frames.slice(0, at);
    const [header, , , content] = frames.slice(at + 2, at + 6).map((f) => JSON.parse(f.toString() || '{}'));
    if (key.length > 0 && frames[at + 1].toString() !== sign(frames.slice(at + 2, at + 6))) return;
    const type = header.msg_type || '';
    const reply = (replyType, replyContent) => socket.write(pack(replyType, header, replyContent, idents));
    publish('status', header, { execution_state: 'busy' });
    if (type === 'kernel_info_request') {
      reply('kernel_info_reply', {
        status: 'ok',
        protocol_version: PROTOCOL_VERSION,
        implementation: 'annlab-launcher',
        implementation_version: '1',
        language_info: { name: 'typescript', version: '', mimetype: 'text/x.typescript', file_extension: '.ts' },
        banner: message,
        help_links: [],
      });
    } else if (type === 'execute_request') {
      executionCount += 1;
      const error = { ename, evalue: message, traceback: [message] };
      publish('execute_input', header, { code: content.code || '', execution_count: executionCount });
      publish('error', header, error);
      reply('execute_reply', { status: 'error', execution_count: executionCount, ...error });
    } else if (type === 'shutdown_request') {
      reply('shutdown_reply', { status: 'ok', restart: Boolean(content.restart) });
      publish('status', header, { execution_state: 'idle' });
      setTimeout(() => {
        stop();
        exit();
      }, 50);
      return;
    } else if (type.endsWith('_request')) {
      const content2 = simpleReply(type, content);
      reply(type.replace(/_request$/, '_reply'), content2 || { status: 'error', ename: 'NotSupported', evalue: type, traceback: [] });
    }
    publish('status', header, { execution_state: 'idle' });
  };

  const sockets = [
    listen(info, info.shell_port, 'ROUTER', onRequest),
    listen(info, info.control_port, 'ROUTER', onRequest),
    listen(info, info.stdin_port, 'ROUTER', () => {}),
    (iopub = listen(info, info.iopub_port, 'PUB', () => {})),
    listen(info, info.hb_port, 'REP', (frames, socket) => socket.write(encodeMessage(frames))),
  ];
  return stop;
}

module.exports = { serveMessageKernel, createReader, encodeMessage, greeting, readyCommand, frame };
