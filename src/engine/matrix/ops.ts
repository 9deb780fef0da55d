/**
 * Shape-checked matrix operations that return new matrices. Each accepts a Matrix or plain
 * `number[][]`; errors name both shapes, e.g. `matmul: [2×3]·[2×3]: inner sizes 3 ≠ 2`.
 */
import { Matrix, MatrixLike } from './matrix';
import { toMatrix } from './convert';
import { getKernels } from './kernels';
import { ShapeError, OptionError, shapeString, describeValue } from '../errors';
import { checkFunction, checkNumber } from '../options';

// Every operation refuses empty matrices and NaN or ±∞ (a Matrix may hold them; computing on them
// would only pass them on without a word).
const asM = (x: MatrixLike, what: string) => toMatrix(x, what);

/** The matrix product A·B. */
export function matmul(a: MatrixLike, b: MatrixLike): Matrix {
  const A = asM(a, 'matmul: A');
  const B = asM(b, 'matmul: B');
  if (A.cols !== B.rows) {
    throw new ShapeError(`matmul: ${shapeString(A.rows, A.cols)}·${shapeString(B.rows, B.cols)}: inner sizes ${A.cols} ≠ ${B.rows} (expected B with as many rows as A has columns)`);
  }
  const C = new Matrix(A.rows, B.cols);
  getKernels().gemm(A.rows, B.cols, A.cols, A.data, B.data, C.data, false);
  return C;
}

/** The transpose Aᵀ. */
export function transpose(a: MatrixLike): Matrix {
  const A = asM(a, 'transpose: A');
  const T = new Matrix(A.cols, A.rows);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) T.data[j * A.rows + i] = A.data[i * A.cols + j];
  return T;
}

/**
 * Applies `f` elementwise to A and B. B may have the same shape as A, or be a row vector
 * [1×cols] that is added to every row (the bias in XW + b), or a [1×1] scalar.
 */
function elementwise(name: string, a: MatrixLike, b: MatrixLike, f: (x: number, y: number) => number): Matrix {
  const A = asM(a, `${name}: A`);
  const B = asM(b, `${name}: B`);
  const out = new Matrix(A.rows, A.cols);
  if (B.rows === A.rows && B.cols === A.cols) {
    for (let k = 0; k < A.data.length; k++) out.data[k] = f(A.data[k], B.data[k]);
  } else if (B.rows === 1 && B.cols === A.cols) {
    for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out.data[i * A.cols + j] = f(A.data[i * A.cols + j], B.data[j]);
  } else if (B.rows === 1 && B.cols === 1) {
    for (let k = 0; k < A.data.length; k++) out.data[k] = f(A.data[k], B.data[0]);
  } else {
    throw new ShapeError(
      `${name}: ${shapeString(A.rows, A.cols)} and ${shapeString(B.rows, B.cols)}: expected equal shapes, a row vector ${shapeString(1, A.cols)} or a scalar [1×1]`,
    );
  }
  return out;
}

/** A + B (B may be a row vector added to every row). */
export const add = (a: MatrixLike, b: MatrixLike): Matrix => elementwise('add', a, b, (x, y) => x + y);
/** A − B (B may be a row vector subtracted from every row). */
export const sub = (a: MatrixLike, b: MatrixLike): Matrix => elementwise('sub', a, b, (x, y) => x - y);
/** The elementwise (Hadamard) product A ⊙ B. */
export const mul = (a: MatrixLike, b: MatrixLike): Matrix => elementwise('mul', a, b, (x, y) => x * y);

/** s·A. */
export function scale(a: MatrixLike, s: number): Matrix {
  const A = asM(a, 'scale: A');
  checkNumber('scale: s', s);
  const out = new Matrix(A.rows, A.cols);
  for (let k = 0; k < A.data.length; k++) out.data[k] = s * A.data[k];
  return out;
}

/** Applies `f(value, row, col)` to every element. */
export function map(a: MatrixLike, f: (value: number, row: number, col: number) => number): Matrix {
  const A = asM(a, 'map: A');
  checkFunction('map: f', f, '(value, row, col) => number');
  const out = new Matrix(A.rows, A.cols);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out.data[i * A.cols + j] = f(A.data[i * A.cols + j], i, j);
  return out;
}

/** Which way a reduction runs: `'rows'` reduces down the rows (one value per column, like numpy's axis 0); `'cols'` along each row. */
export type Axis = 'rows' | 'cols';

function reduce(name: string, a: MatrixLike, axis: Axis, init: number, f: (acc: number, x: number) => number): Matrix {
  const A = asM(a, `${name}: A`);
  if (axis === 'rows') {
    const out = Matrix.filled(1, A.cols, init);
    for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out.data[j] = f(out.data[j], A.data[i * A.cols + j]);
    return out;
  }
  if (axis === 'cols') {
    const out = Matrix.filled(A.rows, 1, init);
    for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out.data[i] = f(out.data[i], A.data[i * A.cols + j]);
    return out;
  }
  throw new OptionError(`${name}: expected axis 'rows' or 'cols', got ${describeValue(axis)}`);
}

/** Sums: axis 'rows' → a [1×cols] row of column sums (the bias gradient Σᵢ δᵢ); 'cols' → a [rows×1] column. */
export const sum = (a: MatrixLike, axis: Axis): Matrix => reduce('sum', a, axis, 0, (s, x) => s + x);

/** Means along an axis (see {@link sum}). */
export function mean(a: MatrixLike, axis: Axis): Matrix {
  const A = asM(a, 'mean: A');
  const n = axis === 'rows' ? A.rows : A.cols;
  return scale(sum(A, axis), 1 / n);
}

/** Maxima along an axis (see {@link sum}). */
export const max = (a: MatrixLike, axis: Axis): Matrix => reduce('max', a, axis, -Infinity, (m, x) => (x > m ? x : m));

/** For every row, the column index of its largest element (the predicted class). */
export function argmaxRows(a: MatrixLike): number[] {
  const A = asM(a, 'argmaxRows: A');
  const out: number[] = [];
  for (let i = 0; i < A.rows; i++) {
    let best = 0;
    for (let j = 1; j < A.cols; j++) if (A.data[i * A.cols + j] > A.data[i * A.cols + best]) best = j;
    out.push(best);
  }
  return out;
}
