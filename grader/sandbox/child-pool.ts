// Children kept between test files (shareChildren): the public and the hidden tests of one
// exercise, in one process, then share one child start.
import type { ChildProcess } from 'child_process';
import { killGroup } from './process-limits';

/** A loaded, idle child kept for the next test file of the same exercise (see shareChildren). */
export interface Kept {
  child: ChildProcess;
  cwd: string | undefined;
  exports: string[];
}
const kept = new Map<string, Kept>();

const running = (c: ChildProcess): boolean => c.exitCode === null && c.signalCode === null;

/** Keeps a running child under `key` (one a key); false when it cannot be kept. */
export function keep(key: string, k: Kept): boolean {
  if (kept.has(key) || !running(k.child)) return false;
  kept.set(key, k);
  return true;
}

/** The child kept under `key`, if it still runs (taken out of the pool). */
export function takeKept(key: string): Kept | undefined {
  const k = kept.get(key);
  if (!k) return undefined;
  kept.delete(key);
  if (running(k.child)) return k;
  cleanFolder(k.cwd);
  return undefined;
}

/** What must match for a kept child to serve a module: folder, exercise, limits and the
 *  submission's files as sent. */
export function poolKey(o: { target: string; heapMb: number; addressSpaceMb: number; wasmMemoryMb: number }, name: string, files: unknown): string {
  return JSON.stringify([o.target, name, o.heapMb, o.addressSpaceMb, o.wasmMemoryMb, files]);
}
let sharing = false;

/** Whether test files share children now. */
export function sharingChildren(): boolean {
  return sharing;
}

/**
 * Keeps each exercise's child loaded when a test file ends, for the next test file of the same
 * exercise, folder and limits (the public and the hidden tests of one exercise: one child start
 * instead of two, 0.15 s of CPU each). Off by default: a test file then starts from a fresh
 * module, as each file run alone does; with it on, module state (and any global a student
 * patched) carries over to the next file. Returns the previous setting.
 */
export function shareChildren(on: boolean): boolean {
  const previous = sharing;
  sharing = on;
  if (!on) dropKept();
  return previous;
}

/** Ends every kept child. */
export function dropKept(): void {
  for (const k of kept.values()) {
    killGroup(k.child);
    cleanFolder(k.cwd);
  }
  kept.clear();
}

/** Removes a child's working folder (best effort). */
export function cleanFolder(dir: string | undefined): void {
  if (!dir) return;
  try {
    (require('fs') as typeof import('fs')).rmSync(dir, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
}
