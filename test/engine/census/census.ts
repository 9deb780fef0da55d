/**
 * The census of the public API: for every exported function (and every public method of an
 * exported class), each argument and option slot is filled with bad values while the others
 * stay valid, and the outcome is classified. Only two outcomes keep the promise of the README:
 * a named error whose message says what was expected, or (for the valid call) a correct, finite
 * result. Entries live in entries-*.ts, one file per area of the API.
 */
import { AnnlabError } from '../../../src';
import { BAD, Bad, Kind } from './kinds';

/** One argument slot of a call (or, for kind 'options', an options object). */
export interface Slot {
  name: string;
  kind: Kind;
  /** A fresh valid value. */
  valid: () => unknown;
  /** Omitting it (undefined) is fine. */
  optional?: boolean;
  /** For kind 'options': every known option and its kind (each is also filled with bad values). */
  keys?: Record<string, Kind>;
  /** Extra bad values for this slot only (e.g. a matrix with the wrong number of columns). */
  extra?: Bad[];
  /** Labels of bad values this slot accepts on purpose, each with the reason. */
  accepts?: Record<string, string>;
  /** Why NaN and ±∞ given here may come back in the result (a Matrix may hold them). */
  holdsNonFinite?: string;
}

/** One callable of the public API. */
export interface Entry {
  /** The export (`oneHot`), a method (`MLP#fit`) or a static method (`Matrix.zeros`). */
  name: string;
  slots: Slot[];
  call: (...args: any[]) => unknown;
  /** Why the valid call is not run here (it is covered elsewhere), if it is not. */
  skipValid?: string;
}

/** How one call ended. The last five break the contract. */
export type Outcome = 'refused' | 'correct' | 'held by design' | 'poor message' | 'raw crash' | 'silent NaN' | 'silent acceptance' | 'hang' | 'killed';

/** Outcomes that break the contract. */
export const FAILURES: readonly Outcome[] = ['poor message', 'raw crash', 'silent NaN', 'silent acceptance', 'hang', 'killed'];

/** One call of the census and what came of it. */
export interface CaseResult {
  entry: string;
  slot: string;
  value: string;
  outcome: Outcome;
  detail: string;
}

/** One call to make: the entry, the slot it probes (or 'valid'), the bad value. */
export interface Case {
  entry: Entry;
  slot: string;
  bad?: Bad;
  /** The slot probed (undefined for the valid call and for option keys). */
  probed?: Slot;
  /** The arguments, made fresh for every call. */
  args: () => unknown[];
  /** A key that is not an option: the error must say "did you mean". */
  expectHint?: string;
}

/** True when `x` (deeply, up to a depth) holds NaN or ±∞. Plot specs and models are walked too. */
export function findNonFinite(x: unknown, depth = 0, seen = new Set<unknown>()): string | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? undefined : String(x);
  if (x === null || typeof x !== 'object' || depth > 8 || seen.has(x)) return undefined;
  seen.add(x);
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    const a = x as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return `${a[i]} at [${i}]`;
    return undefined;
  }
  const values = Array.isArray(x) ? x : Object.values(x);
  for (const [i, v] of values.entries()) {
    const found = findNonFinite(v, depth + 1, seen);
    if (found) return Array.isArray(x) ? `${found} at [${i}]` : found;
  }
  return undefined;
}

/** The cases of one entry: its valid call, then every bad value of every slot. */
export function casesOf(entry: Entry): Case[] {
  const valid = () => entry.slots.map((s) => s.valid());
  const cases: Case[] = [];
  if (!entry.skipValid) cases.push({ entry, slot: 'valid', args: valid });
  entry.slots.forEach((slot, k) => {
    const withValue = (make: () => unknown) => () => {
      const args = valid();
      args[k] = make();
      return args;
    };
    // A slot of kind 'any' takes anything, null and undefined included (isMatrix(null) is false).
    const absent: Bad[] = slot.kind === 'any' ? [] : [{ label: 'null', make: () => null }, ...(slot.optional ? [] : [{ label: 'undefined', make: () => undefined }])];
    const bads: Bad[] = [...absent, ...BAD[slot.kind], ...(slot.extra ?? [])];
    for (const bad of bads) {
      if (slot.accepts?.[bad.label]) continue;
      cases.push({ entry, slot: slot.name, bad, probed: slot, args: withValue(bad.make) });
    }
    if (slot.kind === 'options') {
      for (const [key, kind] of Object.entries(slot.keys ?? {})) {
        for (const bad of [{ label: 'null', make: () => null }, ...BAD[kind]]) {
          if (slot.accepts?.[`${key}: ${bad.label}`]) continue;
          const make = () => ({ ...((slot.valid() as object) ?? {}), [key]: bad.make() });
          cases.push({ entry, slot: `${slot.name}.${key}`, bad: { ...bad, label: `${key}: ${bad.label}` }, args: withValue(make) });
        }
      }
    }
  });
  return cases;
}

/** A case with an unknown option name in slot `k` of `entry`. */
export function misspelledCase(entry: Entry, k: number, key: string, meant: string): Case {
  const slot = entry.slots[k];
  return {
    entry,
    slot: `${slot.name} (unknown key)`,
    bad: { label: `'${key}' for '${meant}'`, make: () => undefined },
    expectHint: meant,
    args: () => {
      const args = entry.slots.map((s) => s.valid());
      args[k] = { ...((args[k] as object) ?? {}), [key]: (args[k] as Record<string, unknown> | undefined)?.[meant] ?? 1 };
      return args;
    },
  };
}

/** Runs one case in this process and classifies it. Promises are awaited. */
export async function runCase(c: Case): Promise<CaseResult> {
  const base = { entry: c.entry.name, slot: c.slot, value: c.bad?.label ?? '(valid arguments)' };
  let result: unknown;
  if (process.env.CENSUS_TRACE) process.stderr.write(`census: ${base.entry} · ${base.slot} = ${base.value}\n`);
  try {
    result = c.entry.call(...c.args());
    if (result instanceof Promise) result = await result;
  } catch (error) {
    return { ...base, ...classifyError(error, c) };
  }
  if (c.bad) {
    const nonFinite = findNonFinite(result);
    if (c.probed?.holdsNonFinite && (nonFinite || /NaN|Infinity/.test(c.bad.label))) return { ...base, outcome: 'held by design', detail: c.probed.holdsNonFinite };
    return { ...base, outcome: nonFinite ? 'silent NaN' : 'silent acceptance', detail: nonFinite ? `returned ${nonFinite}` : 'returned without an error' };
  }
  const nonFinite = findNonFinite(result);
  return nonFinite ? { ...base, outcome: 'silent NaN', detail: `valid call returned ${nonFinite}` } : { ...base, outcome: 'correct', detail: '' };
}

/** A thrown error: named with a message that says what was expected, or not. */
export function classifyError(error: unknown, c: Pick<Case, 'bad' | 'expectHint'>): { outcome: Outcome; detail: string } {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (!(error instanceof AnnlabError)) return { outcome: 'raw crash', detail: message.slice(0, 300) };
  if (!c.bad) return { outcome: 'raw crash', detail: `the valid call threw ${message.slice(0, 300)}` };
  if (!/expected/.test(error.message)) return { outcome: 'poor message', detail: message.slice(0, 300) };
  // 'rn' may mean 'rng' or 'n': any known name proposed will do, but one must be.
  if (c.expectHint && !error.message.includes(`did you mean '`)) return { outcome: 'poor message', detail: `no "did you mean" (for '${c.expectHint}'): ${message.slice(0, 300)}` };
  return { outcome: 'refused', detail: message.slice(0, 300) };
}

/** One line per broken case, for a failing test's message. */
export function report(results: CaseResult[]): string {
  return results.map((r) => `${r.outcome.padEnd(17)} ${r.entry} · ${r.slot} = ${r.value}: ${r.detail}`).join('\n');
}
