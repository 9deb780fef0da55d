import fc from 'fast-check';
import { GradeMismatch } from './compare';

/**
 * Small helpers for graded tests whose answers are not numbers (booleans, labels, shapes):
 * they fail with a message that shows what was expected, what came, and a hint.
 */

/** A compact, readable rendering of a value for a failure message (numbers rounded to 6 significant digits). */
export function show(value: unknown, maxLength = 300): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'number') {
        if (Number.isNaN(v)) return 'NaN';
        if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
        return Number(v.toPrecision(6));
      }
      return v === undefined ? 'undefined' : v;
    }) ?? String(value);
  } catch {
    text = String(value);
  }
  text = text.replace(/"(NaN|∞|−∞|undefined)"/g, '$1');
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

/** Fails the test with a teaching message. */
export function fail(what: string, expected: string, received: unknown, hint?: string): never {
  const lines = [what, `  expected: ${expected}`, `  received: ${show(received)}`];
  if (hint) lines.push(`  hint: ${hint}`);
  throw new GradeMismatch(lines.join('\n'));
}

/** Fails unless received deep-equals expected (compared as JSON). */
export function expectSame(received: unknown, expected: unknown, what: string, hint?: string): void {
  if (JSON.stringify(received) !== JSON.stringify(expected)) fail(what, show(expected), received, hint);
}

/** Fails unless received is an array of `rows` arrays of `cols` numbers (or a vector of `rows` numbers when cols is undefined). */
export function expectShape(received: unknown, rows: number, cols: number | undefined, what: string): void {
  const expected = cols === undefined ? `an array of ${rows} numbers` : `${rows} rows of ${cols} numbers each (a plain number[][])`;
  if (!Array.isArray(received) || received.length !== rows) fail(`${what}: wrong shape`, expected, received);
  if (cols === undefined) {
    if (!received.every((v) => typeof v === 'number')) fail(`${what}: entries must be numbers`, expected, received);
    return;
  }
  for (const row of received) {
    if (!Array.isArray(row) || row.length !== cols || !row.every((v) => typeof v === 'number')) {
      fail(`${what}: wrong shape`, expected, received);
    }
  }
}

/** Fails unless value is a plain object; returns it typed as a record. */
export function expectObject(received: unknown, keys: string[], what: string): Record<string, unknown> {
  if (typeof received !== 'object' || received === null || Array.isArray(received)) {
    fail(`${what}: expected an object`, `{ ${keys.join(', ')} }`, received);
  }
  const record = received as Record<string, unknown>;
  const missing = keys.filter((k) => !(k in record));
  if (missing.length) fail(`${what}: the object lacks ${missing.join(', ')}`, `{ ${keys.join(', ')} }`, received);
  return record;
}

/**
 * Runs a fast-check property with a fixed seed and, on failure, rethrows the ORIGINAL error
 * (a teaching GradeMismatch, or the sandbox's StudentCodeError) with the seed and the
 * counterexample appended, so that the student reads the real reason, not fast-check's summary.
 * No shrinking: each try crosses a process boundary, and the first counterexample is already small.
 */
export async function property<T>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>, options: { seed: number; numRuns: number }): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arb, check), { seed: options.seed, numRuns: options.numRuns, endOnFailure: true });
  if (!details.failed) return;
  const error = details.errorInstance;
  const where = `(property test with seed ${options.seed}, failing case ${show(details.counterexample?.[0], 500)})`;
  if (error instanceof Error) {
    error.message = `${error.message}\n${where}`;
    throw error;
  }
  throw new GradeMismatch(`${String(error)}\n${where}`);
}

/** Where `after` first differs from `before` ('' for the value itself, '[0][1]' or '.W1[2][0]' inside), or undefined when equal.
 *  Numbers compare exactly (NaN equals NaN, −0 equals 0); objects compare on the keys of `before`. */
export function firstDifference(before: unknown, after: unknown): string | undefined {
  if (typeof before === 'number') return typeof after === 'number' && (before === after || (Number.isNaN(before) && Number.isNaN(after))) ? undefined : '';
  if (Array.isArray(before)) {
    if (!Array.isArray(after) || after.length !== before.length) return '';
    for (let i = 0; i < before.length; i++) {
      const d = firstDifference(before[i], after[i]);
      if (d !== undefined) return `[${i}]${d}`;
    }
    return undefined;
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object' || Array.isArray(after)) return '';
    for (const k of Object.keys(before)) {
      const d = firstDifference((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]);
      if (d !== undefined) return `.${k}${d}`;
    }
    return undefined;
  }
  return before === after ? undefined : '';
}

/**
 * Fails when a student function changed one of its arguments in place. `passed` are the test's
 * own (pristine) arguments, `after` the sandbox's copies after the call
 * (`ex.callWith({ returnArgs: true }, fn, ...passed)`); `names` name them for the message.
 */
export function expectArgsUnchanged(fn: string, names: string[], passed: unknown[], after: unknown[], hint?: string): void {
  names.forEach((name, i) => {
    const at = firstDifference(passed[i], after[i]);
    if (at === undefined) return;
    const where = at ? ` (first change at ${name}${at})` : '';
    fail(`${fn} changed its argument ${name}${where}`, `${name} left as it was passed: ${show(passed[i])}`, after[i],
      `${fn} changed its argument ${name}: return new arrays and leave the inputs as they were${hint ? `; ${hint}` : '.'}`);
  });
}

/**
 * Fails when the result of a call shares an array with the arguments (the sandbox keeps such
 * sharing through the clone of `{ result, args }`): a function that hands back its input, changed
 * or not, has not made "new arrays". Checked down to arrays of arrays inside objects (depth 3).
 */
export function expectFreshResult(fn: string, names: string[], result: unknown, after: unknown[], hint?: string): void {
  const owner = new Map<unknown, string>();
  const collect = (v: unknown, where: string, depth: number) => {
    if (depth > 3 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      if (!owner.has(v)) owner.set(v, where);
      v.forEach((x, i) => collect(x, `${where}[${i}]`, depth + 1));
    } else for (const [k, x] of Object.entries(v)) collect(x, `${where}.${k}`, depth + 1);
  };
  names.forEach((name, i) => collect(after[i], name, 0));
  const find = (v: unknown, where: string, depth: number): void => {
    if (depth > 3 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v) && owner.has(v)) {
      fail(`${fn} returned its argument ${owner.get(v)} as ${where}`, 'a new array', v,
        `${fn} must return new arrays, not the ones it was given${hint ? `; ${hint}` : '.'}`);
    }
    if (Array.isArray(v)) v.forEach((x, i) => find(x, `${where}[${i}]`, depth + 1));
    else for (const [k, x] of Object.entries(v)) find(x, `${where}.${k}`, depth + 1);
  };
  find(result, 'its result', 0);
}
