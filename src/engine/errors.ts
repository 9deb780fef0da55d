/**
 * Named errors thrown at the engine's public boundaries. Every message says what was
 * expected and what came, e.g. `matmul: [2×3]·[2×3]: inner sizes 3 ≠ 2`.
 */

/** Base class of every error annlab throws on purpose. */
export class AnnlabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Two arrays or matrices whose shapes do not fit together. */
export class ShapeError extends AnnlabError {}

/** Values that cannot be used: empty data, ragged rows, NaN or ∞, labels outside the classes. */
export class InputError extends AnnlabError {}

/** An option out of range or a name that is not one of the allowed choices. */
export class OptionError extends AnnlabError {}

/** Something used before it was ready, e.g. predicting with a model that was never built. */
export class StateError extends AnnlabError {}

/** Formats a shape as the course writes it: `[rows×cols]`. */
export function shapeString(rows: number, cols: number): string {
  checkInteger('shapeString: rows', rows, 0);
  checkInteger('shapeString: cols', cols, 0);
  return `[${rows}×${cols}]`;
}

/** Describes any value briefly for an error message: `'relux' (a string)`, `NaN`, `[2×3] matrix`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}' (a string)`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return `${String(value)} (a ${typeof value})`;
}

/**
 * Checks at run time that `value` is one of `choices` (notebooks pass whatever a student types,
 * so string-literal unions are checked here too).
 */
export function checkChoice<T extends string>(what: string, value: unknown, choices: readonly T[]): T {
  checkNames('checkChoice: choices', choices);
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw new OptionError(`${what}: expected one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${describeValue(value)}`);
}

/** Checks that `names` is a list of at least `min` strings (choices, option names, class names, …). */
export function checkNames(what: string, names: unknown, min = 1): readonly string[] {
  if (!Array.isArray(names) || names.length < Math.max(1, min) || names.some((n) => typeof n !== 'string')) {
    const expected = min > 1 ? `a list of ${min} names (strings)` : 'a non-empty list of names (string[])';
    throw new OptionError(`${what}: expected ${expected}, got ${describeValue(names)}`);
  }
  return names;
}

/** Checks that `value` is a finite number > 0 (`learningRate`, `tolerance`, ...). */
export function checkPositive(what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new OptionError(`${what}: expected a finite number > 0, got ${describeValue(value)}`);
  }
  return value;
}

/** Checks that `value` is a finite number from `lo` to `hi` (`hi` may be Infinity): a noise level, a margin. */
export function checkNumberIn(what: string, value: unknown, lo: number, hi: number): number {
  if (typeof lo !== 'number' || Number.isNaN(lo) || typeof hi !== 'number' || Number.isNaN(hi) || lo > hi) {
    throw new OptionError(`checkNumberIn: expected bounds lo ≤ hi (numbers), got lo = ${describeValue(lo)}, hi = ${describeValue(hi)}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    const range = Number.isFinite(hi) ? `from ${lo} to ${hi}` : `≥ ${lo}`;
    throw new OptionError(`${what}: expected a finite number ${range}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks that `value` is an integer from `min` to `max` (`epochs`, `batchSize`, `units`, ...).
 * The bound keeps absurd sizes (`epochs: 8.6e169`) from running for ever or exhausting memory.
 */
export function checkInteger(what: string, value: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof min !== 'number' || !Number.isFinite(min) || typeof max !== 'number' || !Number.isFinite(max) || min > max) {
    throw new OptionError(`checkInteger: expected bounds min ≤ max (numbers), got min = ${describeValue(min)}, max = ${describeValue(max)}`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const tooBig = typeof value === 'number' && Number.isInteger(value) && value > max;
    const range = tooBig ? `≤ ${max}` : `≥ ${min}`;
    throw new OptionError(`${what}: expected an integer ${range}, got ${describeValue(value)}`);
  }
  return value;
}

/** The most epochs a training run may ask for (a million passes is already days of work). */
export const MAX_EPOCHS = 1_000_000;

/** The most samples a generator makes, classes a one-hot code or confusion matrix has, units a layer has. */
export const MAX_SAMPLES = 10_000_000;
export const MAX_CLASSES = 10_000;
export const MAX_UNITS = 100_000;
