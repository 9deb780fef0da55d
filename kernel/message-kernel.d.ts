/** Types of message-kernel.js (plain Node, copied beside the launcher into the kernelspec folder). */
export function serveMessageKernel(connectionFile: string, message: string, options?: { ename?: string; exit?: () => void }): () => void;
export function createReader(onMessage: (frames: Buffer[]) => void): (chunk: Buffer) => void;
export function encodeMessage(parts: (Buffer | string)[]): Buffer;
export function greeting(): Buffer;
export function readyCommand(socketType: string): Buffer;
export function frame(body: Buffer, options?: { more?: boolean; command?: boolean }): Buffer;
