/** One-hot coding of class labels, the targets of a softmax output layer. */
import { InputError, MAX_CLASSES, describeValue } from '../errors';

/** The most cells (rows × classes) of a one-hot table built as number[][]. */
const MAX_ONE_HOT_CELLS = 10_000_000;
import { VectorLike, toVector } from '../matrix';

/**
 * Row i has a 1 in column labels[i] and 0 elsewhere.
 * @param classes number of classes (columns). @default the largest label + 1
 * @example oneHot([0, 2, 1]) // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 */
export function oneHot(labels: VectorLike, classes?: number): number[][] {
  if (classes === null) throw new InputError(`oneHot: classes: expected an integer ≥ 1 (or leave it out for 1 + the largest label), got null`);
  const y = toVector(labels, 'oneHot: labels');
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0) {
      throw new InputError(`oneHot: labels: expected class indices 0, 1, 2, …, but labels[${i}] is ${y[i]}`);
    }
  }
  // A loop, not Math.max(...y): spreading 10⁷ labels into a call overflows the stack.
  let maxAt = 0;
  for (let i = 1; i < y.length; i++) if (y[i] > y[maxAt]) maxAt = i;
  const maxLabel = y[maxAt];
  const k = classes ?? maxLabel + 1;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_CLASSES) {
    const range = typeof k === 'number' && k > MAX_CLASSES ? `≤ ${MAX_CLASSES}` : '≥ 1';
    throw new InputError(`oneHot: classes: expected an integer ${range}, got ${describeValue(k)}${classes === undefined ? ` (1 + the largest label, labels[${maxAt}])` : ''}`);
  }
  if (maxLabel >= k) {
    throw new InputError(`oneHot: labels: expected classes 0 … ${k - 1}, but label ${maxLabel} is outside (labels[${maxAt}])`);
  }
  if (y.length * k > MAX_ONE_HOT_CELLS) {
    throw new InputError(`oneHot: expected at most ${MAX_ONE_HOT_CELLS} cells (rows × classes), got ${y.length} × ${k}; keep the labels as class indices instead`);
  }
  return Array.from(y, (c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0)));
}
