/**
 * A minimal WebSocket client (RFC 6455) for tests that talk to a Jupyter server's kernel
 * channels: Node 20 has fetch but no WebSocket without a flag, and one small client is less
 * than a dependency. Text frames only (Jupyter's JSON protocol), client frames masked as the
 * RFC requires, fragmented and ping frames handled, plain ws:// on loopback.
 *
 *   const ws = await openWebSocket('ws://127.0.0.1:8000/user/a/api/kernels/ID/channels', { Authorization: 'token …' });
 *   ws.onText((text) => …); ws.send(JSON.stringify(message)); ws.close();
 */
import * as crypto from 'crypto';
import * as net from 'net';

export interface WebSocketClient {
  send(text: string): void;
  onText(listener: (text: string) => void): void;
  /** Called once when the connection ends, for whatever reason. */
  onClose(listener: (reason: string) => void): void;
  close(): void;
}

/** One frame from client to server: FIN, opcode, masked payload (lengths 7, 16 or 64 bits). */
export function encodeClientFrame(opcode: number, payload: Buffer, mask: Buffer = crypto.randomBytes(4)): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.alloc(2) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (n < 126) head[1] = 0x80 | n;
  else if (n < 65536) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i++) body[i] = payload[i] ^ mask[i % 4];
  return Buffer.concat([head, mask, body]);
}

/** A parsed frame, and how many bytes of `buffer` it took; undefined while incomplete. */
export function decodeFrame(buffer: Buffer): { fin: boolean; opcode: number; payload: Buffer; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0] & 0x80) !== 0;
  const opcode = buffer[0] & 0x0f;
  const masked = (buffer[1] & 0x80) !== 0;
  let n = buffer[1] & 0x7f;
  let at = 2;
  if (n === 126) {
    if (buffer.length < 4) return undefined;
    n = buffer.readUInt16BE(2);
    at = 4;
  } else if (n === 127) {
    if (buffer.length < 10) return undefined;
    n = Number(buffer.readBigUInt64BE(2));
    at = 10;
  }
  const mask = masked ? buffer.subarray(at, at + 4) : undefined;
  if (masked) at += 4;
  if (buffer.length < at + n) return undefined;
  const payload = Buffer.from(buffer.subarray(at, at + n));
  if (mask) for (let i = 0; i < n; i++) payload[i] ^= mask[i % 4];
  return { fin, opcode, payload, size: at + n };
}

/** Opens a ws:// connection with the given request headers. Rejects unless the server answers 101. */
export function openWebSocket(url: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<WebSocketClient> {
  const target = new URL(url);
  if (target.protocol !== 'ws:') throw new Error(`openWebSocket: expected a ws:// URL, got ${url}`);
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port || 80), target.hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`openWebSocket: no answer from ${url} in ${timeoutMs} ms`));
    }, timeoutMs);
    const textListeners: ((text: string) => void)[] = [];
    const closeListeners: ((reason: string) => void)[] = [];
    let closed = false;
    const finish = (reason: string) => {
      if (closed) return;
      closed = true;
      for (const l of closeListeners) l(reason);
    };
    let buffer = Buffer.alloc(0);
    let opened = false;
    let fragments: Buffer[] = [];
    const client: WebSocketClient = {
      send: (text) => socket.write(encodeClientFrame(0x1, Buffer.from(text, 'utf8'))),
      onText: (l) => textListeners.push(l),
      onClose: (l) => closeListeners.push(l),
      close: () => {
        if (!socket.destroyed) socket.end(encodeClientFrame(0x8, Buffer.alloc(0)));
        setTimeout(() => socket.destroy(), 1000).unref();
      },
    };
    const readFrames = () => {
      for (let frame = decodeFrame(buffer); frame; frame = decodeFrame(buffer)) {
        buffer = buffer.subarray(frame.size);
        if (frame.opcode === 0x9) socket.write(encodeClientFrame(0xa, frame.payload));
        else if (frame.opcode === 0x8) {
          finish('closed by the server');
          socket.end();
        } else if (frame.opcode === 0x1 || frame.opcode === 0x2 || frame.opcode === 0x0) {
          fragments.push(frame.payload);
          if (frame.fin) {
            const text = Buffer.concat(fragments).toString('utf8');
            fragments = [];
            for (const l of textListeners) l(text);
          }
        }
      }
    };
    socket.on('connect', () => {
      const lines = [
        `GET ${target.pathname}${target.search} HTTP/1.1`,
        `Host: ${target.host}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${key}`,
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!opened) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        clearTimeout(timer);
        const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
        if (!/^HTTP\/1\.1 101/.test(head) || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
          socket.destroy();
          reject(new Error(`openWebSocket: ${url} answered ${head.split('\r\n')[0]}`));
          return;
        }
        opened = true;
        resolve(client);
      }
      readFrames();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (!opened) reject(error);
      finish(error.message);
    });
    socket.on('close', () => finish('connection closed'));
  });
}
