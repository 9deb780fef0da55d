/**
 * Softmax: ŷ_k = e^{z_k} / Σ_j e^{z_j}, row by row. Subtracting the row maximum first gives the
 * same result (the factor e^{−max} cancels) and keeps every exponent ≤ 0, so nothing overflows.
 */
import { Activation } from './activation';
import { Matrix, MatrixLike, VectorLike, toMatrix } from '../matrix';
import { OptionError, describeValue } from '../errors';

/**
 * Softmax of each row of `z` (rows × cols), written into `out` (may be `z` itself).
 * The in-place kernel that layers use; no checks.
 */
export function softmaxRowsInPlace(z: Float64Array, out: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) if (z[o + j] > m) m = z[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(z[o + j] - m);
      out[o + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < cols; j++) out[o + j] *= inv;
  }
}

/**
 * Row-wise softmax. A list of numbers is one row and gives a list back; a matrix (or number[][])
 * gives one probability row per input row. Finite and summing to 1 even for inputs of ±1000.
 */
export function softmax(z: VectorLike): number[];
export function softmax(z: MatrixLike): number[][];
export function softmax(z: MatrixLike | VectorLike): number[] | number[][];
export function softmax(z: MatrixLike | VectorLike): number[] | number[][] {
  const isVector = z instanceof Float64Array || (Array.isArray(z) && (z.length === 0 || typeof z[0] === 'number'));
  if (isVector) {
    const row = toMatrix(Matrix.row(z as VectorLike), 'softmax: z');
    softmaxRowsInPlace(row.data, row.data, 1, row.cols);
    return Array.from(row.data);
  }
  const m = toMatrix(z as MatrixLike, 'softmax: z');
  const out = new Matrix(m.rows, m.cols);
  softmaxRowsInPlace(m.data, out.data, m.rows, m.cols);
  return out.toArray();
}

/**
 * The Jacobian of softmax for one row: ∂ŷ_i/∂z_j = ŷ_i (δ_ij − ŷ_j).
 * Shown in notebooks to explain why softmax + cross-entropy has the simple gradient ŷ − y.
 */
export function softmaxJacobian(z: VectorLike): number[][] {
  const y = softmax(z);
  return y.map((yi, i) => y.map((yj, j) => yi * ((i === j ? 1 : 0) - yj)));
}

const rowwiseOnly = (z: unknown): number => {
  throw new OptionError(`softmax: expected a whole row (call softmax(z) with a row or a matrix): softmax acts on a row, not on one number, got ${describeValue(z)}`);
};

/** Softmax as an output-layer activation (row-wise; `f`/`df` of one number throw). */
export const softmaxActivation: Activation = { name: 'softmax', rowwise: true, f: rowwiseOnly, df: rowwiseOnly };
