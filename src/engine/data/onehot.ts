/** One-hot coding of class labels, the targets of a softmax output layer. */
import { InputError, describeValue } from '../errors';
import { VectorLike, toVector } from '../matrix';

/**
 * Row i has a 1 in column labels[i] and 0 elsewhere.
 * @param classes number of classes (columns). @default the largest label + 1
 * @example oneHot([0, 2, 1]) // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
export function oneHot(labels: VectorLike, classes?: number): number[][] {
  const y = toVector(labels, 'oneHot: labels');
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0) {
      throw new InputError(`oneHot: labels: expected class indices 0, 1, 2, …, but labels[${i}] is ${y[i]}`);
    }
  }
  const maxLabel = Math.max(...Array.from(y));
  const k = classes ?? maxLabel + 1;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new InputError(`oneHot: classes: expected an integer ≥ 1, got ${describeValue(k)}`);
  }
  if (maxLabel >= k) {
    throw new InputError(`oneHot: labels: expected classes 0 … ${k - 1}, but label ${maxLabel} is outside (labels[${Array.from(y).indexOf(maxLabel)}])`);
  }
  return Array.from(y, (c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0)));
}
