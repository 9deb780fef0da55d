/** The confusion matrix of a classifier. */
import { MAX_CLASSES } from '../errors';
import { checkSameLength } from './check';
import { InputError, checkInteger } from '../errors';

/**
 * counts[t][p] = number of samples of true class t predicted as class p (rows = true class,
 * columns = predicted class). `classes` defaults to 1 + the largest label seen.
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes?: number): number[][] {
  const n = checkSameLength('confusionMatrix', yTrue, yPred);
  const k = classes === undefined ? undefined : checkInteger('confusionMatrix: classes', classes, 1, MAX_CLASSES);
  let seen = 0;
  for (let i = 0; i < n; i++) {
    for (const [what, v] of [['yTrue', yTrue[i]], ['yPred', yPred[i]]] as const) {
      if (!Number.isInteger(v) || v < 0 || (k !== undefined && v >= k)) {
        const range = k === undefined ? 'integers ≥ 0' : `integers in 0..${k - 1}`;
        throw new InputError(`confusionMatrix: expected class indices that are ${range}, but ${what}[${i}] is ${v}`);
      }
      if (v + 1 > seen) seen = v + 1;
    }
  }
  if (k === undefined && seen > MAX_CLASSES) {
    throw new InputError(`confusionMatrix: expected at most ${MAX_CLASSES} classes, got a label ${seen - 1} (a ${seen}×${seen} table is not allocated)`);
  }
  const size = k ?? seen;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < n; i++) counts[yTrue[i]][yPred[i]]++;
  return counts;
}
