/**
 * Standardisation: x' = (x − mean) / std per column, with mean and std taken from the
 * training part only (using test data to fit them would leak it into training).
 */
import { ShapeError, shapeString } from '../errors';
import { MatrixLike, toMatrix } from '../matrix';

/** Column statistics fitted on training data, and the maps they define. */
export interface Standardizer {
  /** The mean of each column of the training data. */
  mean: number[];
  /** The standard deviation of each column (population, divided by n); 1 where a column is constant. */
  std: number[];
  /** (x − mean) / std for every row of X (X must have as many columns as the training data). */
  transform(X: MatrixLike): number[][];
  /** x · std + mean: undoes {@link transform}. */
  inverseTransform(X: MatrixLike): number[][];
}

/**
 * Fits a {@link Standardizer} to the training inputs.
 * @example const s = fitStandardizer(XTrain); const XTestStd = s.transform(XTest);
 */
export function fitStandardizer(X: MatrixLike): Standardizer {
  const m = toMatrix(X, 'fitStandardizer: X');
  const { rows: n, cols: d } = m;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += m.data[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) std[j] += (m.data[i * d + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) {
    std[j] = Math.sqrt(std[j]);
    // A constant column carries no information; dividing by 1 keeps it finite (0 after centring).
    if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) std[j] = 1;
  }
  const apply = (what: string, Y: MatrixLike, f: (v: number, j: number) => number): number[][] => {
    const a = toMatrix(Y, `${what}: X`);
    if (a.cols !== d) {
      throw new ShapeError(`${what}: X is ${shapeString(a.rows, a.cols)} but the standardizer was fitted on ${d} columns`);
    }
    return a.toArray().map((row) => row.map(f));
  };
  return {
    mean,
    std,
    transform: (Y) => apply('Standardizer.transform', Y, (v, j) => (v - mean[j]) / std[j]),
    inverseTransform: (Y) => apply('Standardizer.inverseTransform', Y, (v, j) => v * std[j] + mean[j]),
  };
}

/**
 * Standardises a training part and, with the training statistics, a test part.
 * @example const { XTrain: A, XTest: B } = standardize(XTrain, XTest);
 */
export function standardize(XTrain: MatrixLike, XTest?: MatrixLike): { XTrain: number[][]; XTest?: number[][]; standardizer: Standardizer } {
  const standardizer = fitStandardizer(XTrain);
  const out: { XTrain: number[][]; XTest?: number[][]; standardizer: Standardizer } = { XTrain: standardizer.transform(XTrain), standardizer };
  if (XTest !== undefined) out.XTest = standardizer.transform(XTest);
  return out;
}
