/** Turning what a student passes as `y` into a target matrix the network trains on, with checks. */
import { Matrix, checkFinite, toMatrix } from '../matrix';
import { InputError, ShapeError, describeValue } from '../errors';

/** Targets: class indices or 1-D regression targets (number[]), one-hot / multi-output rows (number[][]), or a Matrix. */
export type Targets = ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>> | Matrix;

/**
 * The [rows × outputs] target matrix for `y`. For a classifier, a list of class indices
 * (integers in 0..K−1) becomes one-hot rows (or a 0/1 column for one sigmoid output).
 */
export function toTargets(y: Targets, rows: number, outputs: number, classification: boolean, what: string): Matrix {
  if (!y || typeof (y as { length?: unknown }).length !== 'number' && !(y instanceof Matrix)) {
    throw new InputError(`${what}: expected y as number[], number[][] or a Matrix, got ${describeValue(y)}`);
  }
  const Y = toMatrixFinite(y as Matrix, `${what}: y`);
  const label = Array.isArray(y) && typeof y[0] === 'number' ? 'values' : 'rows';
  if (Y.rows !== rows) {
    throw new ShapeError(`${what}: X has ${rows} rows but y has ${Y.rows} ${label}; expected one target per row of X`);
  }
  if (classification) {
    const classes = outputs === 1 ? 2 : outputs;
    if (Y.cols === 1) {
      for (let i = 0; i < rows; i++) {
        const v = Y.data[i];
        if (!Number.isInteger(v) || v < 0 || v >= classes) {
          throw new InputError(
            `${what}: expected class labels that are integers in 0..${classes - 1} (the model has ${classes} classes), but y[${i}] is ${v}`,
          );
        }
      }
      if (outputs === 1) return Y;
      const oneHot = new Matrix(rows, outputs);
      for (let i = 0; i < rows; i++) oneHot.data[i * outputs + Y.data[i]] = 1;
      return oneHot;
    }
    for (let k = 0; k < Y.data.length; k++) {
      const v = Y.data[k];
      if (v < 0 || v > 1) {
        const i = Math.floor(k / Y.cols);
        throw new InputError(`${what}: expected one-hot rows with values in [0, 1], but row ${i}, column ${k - i * Y.cols} is ${v}`);
      }
    }
  }
  if (Y.cols !== outputs) {
    throw new ShapeError(
      `${what}: y has ${Y.cols} column${Y.cols === 1 ? '' : 's'} but the model has ${outputs} output${outputs === 1 ? '' : 's'}; expected ${
        classification ? 'class indices or one-hot rows' : `${outputs} target${outputs === 1 ? '' : 's'} per row`
      }`,
    );
  }
  return Y;
}

/** Converts X and checks it against the number of inputs (non-empty, rectangular, finite). */
export function toInputs(X: unknown, inputs: number, what: string): Matrix {
  const M = toMatrixFinite(X as Matrix, `${what}: X`);
  if (M.cols !== inputs) {
    throw new ShapeError(`${what}: X has ${M.cols} column${M.cols === 1 ? '' : 's'} but the model expects ${inputs} input${inputs === 1 ? '' : 's'} per row`);
  }
  return M;
}

/**
 * toMatrix with its finiteness check done as one tight loop (v − v is 0 only for a finite v),
 * which matters on large X; checkFinite then names the first bad element, as toMatrix would.
 */
function toMatrixFinite(x: Matrix, what: string): Matrix {
  const M = toMatrix(x, what, { allowNonFinite: true });
  const d = M.data;
  for (let k = 0, n = d.length; k < n; k++) {
    const v = d[k];
    if (v - v !== 0) {
      checkFinite(M, what);
      break;
    }
  }
  return M;
}
