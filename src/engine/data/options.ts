/** Checks shared by the data generators. */
import { MAX_SAMPLES, checkInteger } from '../errors';

/** Checks a sample count: an integer ≥ min. */
export function checkCount(what: string, value: unknown, min: number): number {
  return checkInteger(what, value, min, MAX_SAMPLES);
}
