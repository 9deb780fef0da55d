import fc from 'fast-check';
import { decodeFrame, encodeClientFrame } from '../support/websocket';

// The small WebSocket client the JupyterHub test talks to kernels with (RFC 6455 framing).
describe('WebSocket frames (RFC 6455)', () => {
  it('a client frame is masked, and decoding it gives back the payload, for 7-, 16- and 64-bit lengths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 65536, maxLength: 65600 })), fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes, mask) => {
        const payload = Buffer.from(bytes);
        const encoded = encodeClientFrame(0x1, payload, Buffer.from(mask));
        expect(encoded[0]).toBe(0x81); // FIN, text
        expect(encoded[1] & 0x80).toBe(0x80); // masked, as every client frame must be
        const decoded = decodeFrame(encoded);
        expect(decoded).toMatchObject({ fin: true, opcode: 1, size: encoded.length });
        expect(decoded?.payload.equals(payload)).toBe(true);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('reads an unmasked server frame of 126 bytes (16-bit length) and waits while one is incomplete', () => {
    const payload = Buffer.alloc(126, 0x61);
    const frame = Buffer.concat([Buffer.from([0x81, 126, 0, 126]), payload]);
    expect(decodeFrame(frame.subarray(0, 100))).toBeUndefined();
    expect(decodeFrame(frame)?.payload.toString()).toBe('a'.repeat(126));
  });
});
