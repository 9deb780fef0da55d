/** Accuracy: the fraction of samples whose predicted class equals the true class. */
import { checkLabelPair } from './check';

/** accuracy = (number of i with yPred_i = yTrue_i) / n. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkLabelPair('accuracy', yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / n;
}
