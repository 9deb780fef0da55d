/**
 * The one place that touches tslab's internals (pinned to tslab 1.0.22).
 *
 * tslab's public `display.raw` sends one MIME type per message. Its internal writer,
 * `require('tslab/dist/jupyter').lastWriteDisplayData(content, update)`, sends a whole
 * bundle: `content` = { data, metadata, transient: { display_id } } becomes the content of
 * a Jupyter `display_data` message (`update_display_data` when `update` is true). tslab sets
 * it at the start of every cell's execution, bound to that cell's request, so it is
 * captured once per output (a later cell gets a new writer).
 *
 * The module is looked up in Node's module cache, never loaded here: outside a tslab
 * kernel it is absent (loading it would pull in TypeScript: slow, and pointless).
 */

/** The content of a Jupyter display_data / update_display_data message. */
export interface DisplayContent {
  /** MIME type → value (strings; JSON types as objects; binary types base64-encoded). */
  data: Record<string, unknown>;
  /** MIME type → metadata, e.g. { 'image/png': { width: 400 } }. */
  metadata: Record<string, unknown>;
  /** Not stored in the notebook: the id that update_display_data messages refer to. */
  transient?: { display_id: string };
}

/** Sends one message: display_data (update false) or update_display_data (update true). */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

/** The tslab version whose internals this module uses. */
export const TSLAB_VERSION = '1.0.22';

/** Path suffix of tslab's internal Jupyter module (tslab/dist/jupyter.js). */
const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

let override: DisplayWriter | null | undefined;

/**
 * Replaces the writer (tests, other frontends): a function receives every message,
 * `null` means "no kernel" (show returns bundles), `undefined` goes back to tslab's.
 */
export function setDisplayWriter(writer: DisplayWriter | null | undefined): void {
  override = writer;
}

/** Node's module cache (the real one, also under a test runner). */
function moduleCache(): Record<string, { exports?: unknown } | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Module = require('module') as { _cache?: Record<string, { exports?: unknown }> };
  return Module._cache ?? (require.cache as Record<string, { exports?: unknown }>);
}

/**
 * tslab's current writer when this process is a tslab kernel running a cell, else undefined.
 * Takes the project's own tslab first, then any other copy that is loaded (a global tslab).
 */
export function currentDisplayWriter(): DisplayWriter | undefined {
  if (override !== undefined) return override ?? undefined;
  const cache = moduleCache();
  let found: DisplayWriter | undefined;
  for (const key of Object.keys(cache)) {
    if (!JUPYTER_MODULE.test(key)) continue;
    const writer = (cache[key]?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === 'function') {
      found = writer as DisplayWriter;
      if (key === ownTslab()) break;
    }
  }
  return found;
}

/** Path of the tslab that this project depends on (resolved, not loaded). */
function ownTslab(): string | undefined {
  try {
    return require.resolve('tslab/dist/jupyter.js');
  } catch {
    return undefined;
  }
}

/** True when running inside a tslab kernel (a cell is executing). */
export function inKernel(): boolean {
  return currentDisplayWriter() !== undefined;
}

/** A fresh display id (16 hex digits, as tslab's own newDisplay makes them). */
export function newDisplayId(): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const crypto = require('crypto') as typeof import('crypto');
  return crypto.randomBytes(8).toString('hex');
}
