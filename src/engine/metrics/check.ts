/** Checks shared by the metrics. */
import { InputError, MAX_CLASSES, ShapeError, describeValue } from '../errors';

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

/**
 * Checks that both lists hold class labels: integers from −1 (the −1/+1 labels of a sign
 * perceptron) to MAX_CLASSES − 1; a float such as 0.5 is a probability or a regression value.
 */
export function checkLabelPair(what: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkSameLength(what, yTrue, yPred);
  for (const [name, y] of [['yTrue', yTrue], ['yPred', yPred]] as const) {
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (!Number.isInteger(v) || v < -1 || v >= MAX_CLASSES) {
        throw new InputError(`${what}: expected class labels (integers from 0 to ${MAX_CLASSES - 1}, or −1/+1), but ${name}[${i}] is ${v}`);
      }
    }
  }
  return n;
}
