/** Types of prebuilt-src.js (plain Node, so that the kernel runs without compiling). */
export interface PrebuiltSrc {
  /** The build's folder in the cache. */
  dir: string;
  /** The absolute paths of the sources it holds (what src/index.ts reaches). */
  files: string[];
}
export function ensureBuild(root: string, ts?: unknown): PrebuiltSrc | { error: string };
export function installOverlay(ts: unknown, root: string, prebuilt: PrebuiltSrc): () => void;
export function usePrebuiltSrc(root: string, log?: (msg: string) => void, env?: Record<string, string | undefined>): (() => void) | null;
export function buildInBackground(root: string): boolean;
export function cacheRoot(root: string): string;
