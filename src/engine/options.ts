/**
 * Options objects checked at run time: a misspelled option name (`epoch`, `learningrate`,
 * `batch_size`) is refused with "did you mean …", never ignored. TypeScript catches a typo in
 * an object literal, but not in an options object built elsewhere, nor in JavaScript.
 */
import { OptionError, checkNames, describeValue } from './errors';

/**
 * The option names of an options interface `T`, listed once beside it. The compiler checks
 * that every key of `T` is listed (and nothing else):
 * `export const FIT_KEYS = optionKeys<FitOptions>()('epochs', 'batchSize', …)`.
 */
export function optionKeys<T>() {
  return <K extends readonly (keyof T & string)[]>(
    ...keys: K & (Exclude<keyof T, K[number]> extends never ? unknown : { missing: Exclude<keyof T, K[number]> })
  ): readonly string[] => keys;
}

/** The name a user most likely meant: same letters ignoring case and `_`/`-`, else the closest by edit distance. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const exact = known.find((k) => squash(k) === squash(name));
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(squash(name), squash(k));
    // A prefix (epoch → epochs, hidden → hiddenLayers) or a few edits for the name's length.
    const near = squash(k).startsWith(squash(name)) || squash(name).startsWith(squash(k)) || d <= Math.max(1, Math.floor(k.length / 3));
    if (near && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * Checks an options argument: undefined means "all defaults" and gives `{}`; anything but a
 * plain object is refused, and so is a key that is not in `known` (with the likely name).
 * `what` names the call, e.g. `fit: options`.
 */
export function checkOptions<T extends object>(what: string, options: T | undefined, known: readonly string[]): T {
  checkNames('checkOptions: known', known);
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError(`${what}: expected an options object { ${known.join(', ')} } (or nothing), got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const guess = closestName(key, known);
    const hint = guess ? `, did you mean '${guess}'?` : '';
    throw new OptionError(`${what}: unknown option '${key}'${hint} (expected one of: ${known.join(', ')})`);
  }
  for (const [key, value] of Object.entries(options)) {
    // null is not "the default": leave the option out for that.
    if (value === null) throw new OptionError(`${what}: ${key}: expected a value (or leave ${key} out for its default), got null`);
  }
  return options;
}

/** Checks that `value` is a finite number (not a string such as '2', not NaN or ±∞). */
export function checkNumber(what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new OptionError(`${what}: expected a finite number, got ${describeValue(value)}`);
  return value;
}

/** Checks that `value` is true or false (`1` or `'yes'` would be read as true without a word). */
export function checkBoolean(what: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new OptionError(`${what}: expected true or false, got ${describeValue(value)}`);
  return value;
}

/** Checks that `value` is a function; `shape` shows how it is called, e.g. `(i, j) => number`. */
export function checkFunction<F>(what: string, value: unknown, shape: string): F {
  if (typeof value !== 'function') throw new OptionError(`${what}: expected a function ${shape}, got ${describeValue(value)}`);
  return value as F;
}
