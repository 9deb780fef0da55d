/**
 * A small row-major matrix of float64 numbers. The engine computes on `Matrix`; public
 * functions also accept plain `number[][]` (what a student types) and convert it with `toMatrix`.
 */
import { ShapeError, InputError, shapeString, checkInteger, describeValue } from '../errors';
import { inspectSymbol } from '../inspect';
import { checkFunction } from '../options';

/** What public functions accept where a matrix is expected. */
export type MatrixLike = Matrix | ReadonlyArray<ReadonlyArray<number>>;

/** What public functions accept where a vector is expected. */
export type VectorLike = ReadonlyArray<number> | Float64Array;

/** A row-major matrix on a `Float64Array`: element (i, j) is `data[i * cols + j]`. */
/** Checks that `values` is a list of numbers (NaN and ±∞ may be held by a Matrix; computations refuse them). */
function numbersOf(what: string, values: unknown): VectorLike {
  if (values instanceof Float64Array) return values;
  if (!Array.isArray(values)) throw new InputError(`${what}: expected number[] or Float64Array, got ${describeValue(values)}`);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number') throw new InputError(`${what}: expected numbers, but element ${i} is ${describeValue(values[i])}`);
  }
  return values as number[];
}

/** The most elements one Matrix may have (2³¹ − 1, 16 GiB of float64): beyond, refuse before allocating. */
export const MAX_ELEMENTS = 2 ** 31 - 1;

export class Matrix {
  /** Number of rows (samples, when a matrix holds a batch). */
  readonly rows: number;
  /** Number of columns (features or units). */
  readonly cols: number;
  /** The elements, row after row. Shared, not copied: writing to it changes the matrix. */
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    checkInteger('Matrix: rows', rows, 0, 2 ** 31 - 1);
    checkInteger('Matrix: cols', cols, 0, 2 ** 31 - 1);
    if (rows * cols > MAX_ELEMENTS) throw new InputError(`Matrix: expected at most ${MAX_ELEMENTS} elements, got ${shapeString(rows, cols)} = ${rows * cols}`);
    if (data !== undefined && !(data instanceof Float64Array)) throw new InputError(`Matrix: data: expected a Float64Array of ${rows * cols} elements, got ${describeValue(data)}`);
    if (data && data.length !== rows * cols) {
      throw new ShapeError(`Matrix: ${shapeString(rows, cols)} needs ${rows * cols} elements, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  /** A matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A matrix with every element equal to `value`. */
  static filled(rows: number, cols: number, value: number): Matrix {
    if (typeof value !== 'number') throw new InputError(`Matrix.filled: value: expected a number, got ${describeValue(value)}`);
    // The constructor checks the shape before anything is allocated.
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** The n×n identity. */
  static identity(n: number): Matrix {
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /** A matrix whose elements are `f(i, j)`. */
  static fromFunction(rows: number, cols: number, f: (i: number, j: number) => number): Matrix {
    checkFunction('Matrix.fromFunction: f', f, '(i, j) => number');
    const m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.data[i * cols + j] = f(i, j);
    return m;
  }

  /** Copies rows of numbers into a matrix, checking that every row has the same length. */
  static fromRows(rows: ReadonlyArray<ReadonlyArray<number>>): Matrix {
    if (!Array.isArray(rows)) throw new InputError(`Matrix.fromRows: expected rows of numbers (number[][]), got ${describeValue(rows)}`);
    const n = rows.length;
    const cols = n === 0 || !rows[0] ? 0 : rows[0].length;
    const m = new Matrix(n, cols);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      if (!r || typeof r.length !== 'number') throw new InputError(`Matrix.fromRows: expected rows of numbers, but row ${i} is ${describeValue(r)}`);
      if (r.length !== cols) {
        throw new InputError(`Matrix.fromRows: ragged rows: expected every row to have as many values as row 0, but row 0 has ${cols} values, row ${i} has ${r.length}`);
      }
      for (let j = 0; j < cols; j++) {
        if (typeof r[j] !== 'number') throw new InputError(`Matrix.fromRows: expected numbers, but row ${i}, column ${j} is ${describeValue(r[j])}`);
        m.data[i * cols + j] = r[j];
      }
    }
    return m;
  }

  /** A column vector [n×1] from a list of numbers. */
  static column(values: VectorLike): Matrix {
    return new Matrix(numbersOf('Matrix.column', values).length, 1, Float64Array.from(values));
  }

  /** A row vector [1×n] from a list of numbers. */
  static row(values: VectorLike): Matrix {
    return new Matrix(1, numbersOf('Matrix.row', values).length, Float64Array.from(values));
  }

  /** `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** Element (i, j). */
  get(i: number, j: number): number {
    this.checkIndex('get', i, j);
    return this.data[i * this.cols + j];
  }

  /** Sets element (i, j). */
  set(i: number, j: number, value: number): void {
    this.checkIndex('set', i, j);
    if (typeof value !== 'number') throw new InputError(`Matrix.set: expected a number, got ${describeValue(value)}`);
    this.data[i * this.cols + j] = value;
  }

  /** Row i as a view (no copy) on the data. */
  rowView(i: number): Float64Array {
    this.checkIndex('rowView', i, 0);
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** Throws unless (i, j) is inside the matrix: a wrong index must not read undefined or write nowhere. */
  private checkIndex(what: string, i: unknown, j: unknown): void {
    const ok = (k: unknown, n: number) => typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < n;
    if (!ok(i, this.rows) || !ok(j, this.cols)) {
      throw new ShapeError(`Matrix.${what}: expected a row 0…${this.rows - 1} and a column 0…${this.cols - 1} of this ${shapeString(this.rows, this.cols)} matrix, got (${describeValue(i)}, ${describeValue(j)})`);
    }
  }

  /** A deep copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The elements as plain nested arrays. */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.rowView(i)));
    return out;
  }

  /** The elements as one flat array, row after row. */
  toFlatArray(): number[] {
    return Array.from(this.data);
  }

  /** Plain nested arrays, so that `JSON.stringify(m)` is readable. */
  toJSON(): number[][] {
    return this.toArray();
  }

  /** A readable grid, at most 10 rows and 8 columns, e.g. for a notebook cell. */
  toString(digits = 4): string {
    checkInteger('Matrix.toString: digits', digits, 0, 20);
    const maxRows = 10;
    const maxCols = 8;
    const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));
    const lines: string[] = [];
    for (let i = 0; i < Math.min(this.rows, maxRows); i++) {
      const cells: string[] = [];
      for (let j = 0; j < Math.min(this.cols, maxCols); j++) cells.push(fmt(this.get(i, j)).padStart(digits + 4));
      if (this.cols > maxCols) cells.push(' …');
      lines.push(cells.join(' '));
    }
    if (this.rows > maxRows) lines.push(`  … ${this.rows - maxRows} more rows`);
    return `Matrix ${shapeString(this.rows, this.cols)}\n${lines.join('\n')}`;
  }

  /** A notebook cell that shows a matrix prints the grid of {@link toString}, not the raw Float64Array. */
  [inspectSymbol](): string {
    return this.toString();
  }
}

/** True when `x` is a Matrix (and not plain arrays). */
export function isMatrix(x: unknown): x is Matrix {
  return x instanceof Matrix;
}
