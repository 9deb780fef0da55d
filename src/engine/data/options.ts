/** Checks shared by the data generators. */
import { MAX_SAMPLES } from '../errors';
import { OptionError, checkInteger, describeValue } from '../errors';

/** Checks a noise level: a finite number in [lo, hi] (hi may be Infinity). */
export function checkNoise(what: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    const range = Number.isFinite(hi) ? `from ${lo} to ${hi}` : `≥ ${lo}`;
    throw new OptionError(`${what}: expected a finite number ${range}, got ${describeValue(value)}`);
  }
  return value;
}

/** Checks a sample count: an integer ≥ min. */
export function checkCount(what: string, value: unknown, min: number): number {
  return checkInteger(what, value, min, MAX_SAMPLES);
}
