/**
 * Conversion of what a student types (`number[][]`, `number[]`) into the engine's Matrix,
 * with the checks that a public function owes its caller: not empty, not ragged, all finite.
 */
import { Matrix, MatrixLike, VectorLike } from './matrix';
import { InputError, describeValue } from '../errors';
import { checkBoolean, checkOptions, optionKeys } from '../options';

/** The option names of toMatrix and toVector, listed once. */
const TO_MATRIX_KEYS = optionKeys<ToMatrixOptions>()('allowEmpty', 'allowNonFinite');

/** Options of {@link toMatrix}. */
export interface ToMatrixOptions {
  /** Allow a matrix with no rows. @default false */
  allowEmpty?: boolean;
  /** Allow NaN and ±∞ (e.g. for a loss curve that diverged). @default false */
  allowNonFinite?: boolean;
}

/**
 * Converts `x` to a Matrix (a Matrix is returned as it is, not copied) and checks it.
 * `what` names the argument in error messages, e.g. `fit: X`.
 */
export function toMatrix(x: MatrixLike | VectorLike, what = 'X', options: ToMatrixOptions = {}): Matrix {
  checkConvertOptions('toMatrix', options);
  let m: Matrix;
  if (x instanceof Matrix) {
    m = x;
  } else if (x instanceof Float64Array || (Array.isArray(x) && x.length > 0 && typeof x[0] === 'number')) {
    // A flat list of numbers is a column: one value per sample.
    m = Matrix.column(x as VectorLike);
  } else if (Array.isArray(x)) {
    const rows = x as ReadonlyArray<ReadonlyArray<number>>;
    const cols = rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
    for (let i = 0; i < rows.length; i++) {
      if (!Array.isArray(rows[i])) {
        throw new InputError(`${what}: expected rows of numbers (number[][]), but row ${i} is ${describeValue(rows[i])}`);
      }
      if (rows[i].length !== cols) {
        throw new InputError(`${what}: ragged rows: expected every row to have ${cols} values (as row 0 has), but row ${i} has ${rows[i].length}`);
      }
      for (let j = 0; j < cols; j++) {
        if (typeof rows[i][j] !== 'number') {
          throw new InputError(`${what}: expected numbers, but row ${i}, column ${j} is ${describeValue(rows[i][j])}`);
        }
      }
    }
    m = Matrix.fromRows(rows);
  } else {
    throw new InputError(`${what}: expected a Matrix, number[][] or number[], got ${describeValue(x)}`);
  }
  if (!options.allowEmpty && (m.rows === 0 || m.cols === 0)) {
    throw new InputError(`${what}: expected at least one row and one column, got an empty [${m.rows}×${m.cols}] matrix`);
  }
  if (!options.allowNonFinite) checkFinite(m, what);
  return m;
}

/** Converts a list of numbers to a Float64Array and checks it (not empty, finite). */
export function toVector(x: VectorLike | Matrix, what = 'y', options: ToMatrixOptions = {}): Float64Array {
  checkConvertOptions('toVector', options);
  let v: Float64Array;
  if (x instanceof Matrix) {
    if (x.cols !== 1 && x.rows !== 1) {
      throw new InputError(`${what}: expected a vector (one row or one column), got a [${x.rows}×${x.cols}] matrix`);
    }
    v = x.data;
  } else if (x instanceof Float64Array) {
    v = x;
  } else if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (typeof x[i] !== 'number') throw new InputError(`${what}: expected numbers, but element ${i} is ${describeValue(x[i])}`);
    }
    v = Float64Array.from(x);
  } else {
    throw new InputError(`${what}: expected number[] or Float64Array, got ${describeValue(x)}`);
  }
  if (!options.allowEmpty && v.length === 0) throw new InputError(`${what}: expected at least one value, got an empty list`);
  if (!options.allowNonFinite) {
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) throw new InputError(`${what}: expected finite numbers, but element ${i} is ${v[i]}`);
    }
  }
  return v;
}

/** The options of toMatrix and toVector: known names, each true or false. */
function checkConvertOptions(what: string, options: ToMatrixOptions): void {
  checkOptions(`${what}: options`, options, TO_MATRIX_KEYS);
  for (const key of TO_MATRIX_KEYS) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) checkBoolean(`${what}: ${key}`, value);
  }
}

/** Throws an InputError naming the first NaN or ±∞ in `m`. */
export function checkFinite(m: Matrix, what: string): void {
  if (!(m instanceof Matrix)) throw new InputError(`checkFinite: expected a Matrix, got ${describeValue(m)}`);
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const i = Math.floor(k / m.cols);
      throw new InputError(`${what}: expected finite numbers, but row ${i}, column ${k - i * m.cols} is ${d[k]}`);
    }
  }
}
