/** Checks shared by the metrics. */
import { InputError, ShapeError, describeValue } from '../errors';

/** Checks that two label lists are non-empty, of equal length and finite; returns the length. */
export function checkSameLength(what: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (!yTrue || typeof yTrue.length !== 'number') throw new InputError(`${what}: expected yTrue to be a list of numbers, got ${describeValue(yTrue)}`);
  if (!yPred || typeof yPred.length !== 'number') throw new InputError(`${what}: expected yPred to be a list of numbers, got ${describeValue(yPred)}`);
  if (yTrue.length !== yPred.length) {
    throw new ShapeError(`${what}: yTrue has ${yTrue.length} values but yPred has ${yPred.length}; expected the same number`);
  }
  if (yTrue.length === 0) throw new InputError(`${what}: expected at least one sample, got empty lists`);
  for (let i = 0; i < yTrue.length; i++) {
    if (typeof yTrue[i] !== 'number' || !Number.isFinite(yTrue[i])) throw new InputError(`${what}: expected finite numbers, but yTrue[${i}] is ${describeValue(yTrue[i])}`);
    if (typeof yPred[i] !== 'number' || !Number.isFinite(yPred[i])) throw new InputError(`${what}: expected finite numbers, but yPred[${i}] is ${describeValue(yPred[i])}`);
  }
  return yTrue.length;
}
