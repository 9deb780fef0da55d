import * as crypto from 'crypto';
import fc from 'fast-check';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { createReader, encodeMessage, frame, greeting, readyCommand, serveMessageKernel } from '../../kernel/message-kernel';
import { freePort } from '../support/jupyterhub';

// The kernel that answers every cell with one sentence (a notebook outside any copy of the
// course) speaks ZMTP 3.0 and Jupyter's messaging protocol itself. Real Jupyter drives it in
// test/project/kernel.test.ts; here its pieces, against the specifications, on any platform.

describe('ZMTP 3.0 framing (rfc.zeromq.org/spec/23)', () => {
  it('greets with the 64-byte signature, version 3.0 and the NULL mechanism', () => {
    const g = greeting();
    expect(g).toHaveLength(64);
    expect([g[0], g[9], g[10], g[11]]).toEqual([0xff, 0x7f, 3, 0]);
    expect(g.subarray(12, 16).toString('ascii')).toBe('NULL');
    expect(g.subarray(16).every((b) => b === 0)).toBe(true);
  });

  it('short frames have a 1-byte size, long ones (> 255 bytes) an 8-byte size; bit 0 is MORE, bit 2 COMMAND', () => {
    expect([...frame(Buffer.from('ab'), { more: true })]).toEqual([0x01, 2, 0x61, 0x62]);
    const long = frame(Buffer.alloc(300));
    expect(long[0]).toBe(0x02);
    expect(long.readBigUInt64BE(1)).toBe(300n);
    expect(readyCommand('ROUTER')[0]).toBe(0x04);
  });

  it('a reader gives back every multi-part message, however the bytes are split, and skips commands', () => {
    const part = fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a));
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (messages, cuts) => {
        const bytes = Buffer.concat([greeting(), readyCommand('DEALER'), ...messages.map((m) => encodeMessage(m))]);
        const got: Buffer[][] = [];
        const read = createReader((m) => got.push(m));
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let at = 0;
        for (const p of [...points, bytes.length]) {
          read(bytes.subarray(at, p));
          at = p;
        }
        expect(got.map((m) => m.map((b) => b.toString('hex')))).toEqual(messages.map((m) => m.map((b) => b.toString('hex'))));
      }),
    );
  });
});

describe('the message kernel over TCP (Jupyter messaging 5.3, HMAC-SHA256)', () => {
  const key = 'a-secret-key';
  const sign = (parts: string[]) => {
    const h = crypto.createHmac('sha256', key);
    for (const p of parts) h.update(p);
    return h.digest('hex');
  };
  let stop: () => void;
  let ports: Record<string, number>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-msgkernel-'));
    ports = {};
    for (const name of ['shell_port', 'iopub_port', 'stdin_port', 'control_port', 'hb_port']) ports[name] = await freePort();
    const file = path.join(dir, 'kernel.json');
    fs.writeFileSync(file, JSON.stringify({ transport: 'tcp', ip: '127.0.0.1', key, signature_scheme: 'hmac-sha256', ...ports }));
    stop = serveMessageKernel(file, 'annlab: no project here.', { exit: () => undefined });
  });
  afterAll(() => {
    stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Connects as a ZMTP peer of the given type; resolves the messages it receives. */
  function connect(port: number, socketType: string) {
    const received: Buffer[][] = [];
    const socket = net.connect(port, '127.0.0.1');
    socket.on('data', createReader((m) => received.push(m)));
    socket.write(Buffer.concat([greeting(), readyCommand(socketType)]));
    const next = async (count: number) => {
      const until = Date.now() + 10_000;
      while (received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return received.slice(0, count);
    };
    return { socket, received, next };
  }

  function request(type: string, content: object, signature?: string) {
    const header = { msg_id: crypto.randomUUID(), session: 's', username: 'u', date: new Date().toISOString(), msg_type: type, version: '5.3' };
    const parts = [header, {}, {}, content].map((x) => JSON.stringify(x));
    return { header, bytes: encodeMessage(['<IDS|MSG>', signature ?? sign(parts), ...parts]) };
  }

  const parse = (m: Buffer[]) => {
    const at = m.findIndex((f) => f.toString() === '<IDS|MSG>');
    const parts = m.slice(at + 2, at + 6).map((f) => f.toString());
    return { signature: m[at + 1].toString(), parts, header: JSON.parse(parts[0]), parent: JSON.parse(parts[1]), content: JSON.parse(parts[3]) };
  };

  it('answers kernel_info_request with a signed reply naming the language', async () => {
    const shell = connect(ports.shell_port, 'DEALER');
    const req = request('kernel_info_request', {});
    shell.socket.write(req.bytes);
    const [reply] = (await shell.next(1)).map(parse);
    shell.socket.destroy();
    expect(reply.signature).toBe(sign(reply.parts));
    expect(reply.header.msg_type).toBe('kernel_info_reply');
    expect(reply.parent.msg_id).toBe(req.header.msg_id);
    expect(reply.content).toMatchObject({ status: 'ok', protocol_version: '5.3', language_info: { name: 'typescript' } });
  });

  it('answers every execute_request with the sentence, as an error on iopub and in the reply', async () => {
    const iopub = connect(ports.iopub_port, 'SUB');
    await new Promise((r) => setTimeout(r, 200)); // subscribed before the request
    const shell = connect(ports.shell_port, 'DEALER');
    const req = request('execute_request', { code: '1 + 1' });
    shell.socket.write(req.bytes);
    const [reply] = (await shell.next(1)).map(parse);
    const published = (await iopub.next(4)).map(parse);
    shell.socket.destroy();
    iopub.socket.destroy();
    expect(reply.content).toMatchObject({ status: 'error', ename: 'AnnlabKernelError', evalue: 'annlab: no project here.', execution_count: 1 });
    expect(published.map((m) => m.header.msg_type)).toEqual(['status', 'execute_input', 'error', 'status']);
    expect(published[2].content.traceback).toEqual(['annlab: no project here.']);
    expect(published.every((m) => m.parent.msg_id === req.header.msg_id && m.signature === sign(m.parts))).toBe(true);
  });

  it('ignores a request with a wrong signature, and echoes heartbeats', async () => {
    const shell = connect(ports.shell_port, 'DEALER');
    shell.socket.write(request('kernel_info_request', {}, 'forged').bytes);
    const hb = connect(ports.hb_port, 'REQ');
    hb.socket.write(encodeMessage(['', 'ping']));
    const [echo] = await hb.next(1);
    expect(echo.map((b) => b.toString())).toEqual(['', 'ping']);
    await new Promise((r) => setTimeout(r, 300));
    expect(shell.received).toEqual([]);
    shell.socket.destroy();
    hb.socket.destroy();
  });
});
