/** A seeded split of a data set into a training part and a held-out test part. */
import { InputError, OptionError, ShapeError, describeValue } from '../errors';
import { Matrix, MatrixLike, VectorLike, argmaxRows, toMatrix, toVector } from '../matrix';
import { Rng, rngFrom } from '../rng';
import { checkBoolean, checkOptions, optionKeys } from '../options';

/** Options of {@link trainTestSplit}. */
export interface SplitOptions {
  /** The test part: a fraction in (0, 1) of the samples, or a whole number of samples. @default 0.25 */
  testSize?: number;
  /** Seed of the shuffle. @default 0 */
  seed?: number | string;
  /** A generator to draw from instead of `seed`. */
  rng?: Rng;
  /** Keep the class proportions of y in both parts, up to rounding (y: class indices, or one-hot rows). @default false */
  stratify?: boolean;
}

/** The two parts, each in a shuffled order. */
export interface Split<T> {
  /** The training inputs, one row per sample. */
  XTrain: number[][];
  /** The held-out test inputs. */
  XTest: number[][];
  /** The targets of XTrain, row for row. */
  yTrain: T;
  /** The targets of XTest, row for row. */
  yTest: T;
}

/** The option names of trainTestSplit, listed once. */
const SPLIT_KEYS = optionKeys<SplitOptions>()('testSize', 'seed', 'rng', 'stratify');

/**
 * Shuffles the samples (seeded) and splits them into a training and a test part.
 * With `stratify`, each class is split on its own, so both parts keep the class proportions.
 * @example const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.2, seed: 42, stratify: true });
 */
export function trainTestSplit(X: MatrixLike, y: VectorLike, options?: SplitOptions): Split<number[]>;
export function trainTestSplit(X: MatrixLike, y: ReadonlyArray<ReadonlyArray<number>>, options?: SplitOptions): Split<number[][]>;
export function trainTestSplit(X: MatrixLike, y: VectorLike | ReadonlyArray<ReadonlyArray<number>>, opts: SplitOptions = {}): Split<number[] | number[][]> {
  const options = checkOptions('trainTestSplit: options', opts, SPLIT_KEYS);
  if (options.stratify !== undefined) checkBoolean('trainTestSplit: stratify', options.stratify);
  const Xm = toMatrix(X, 'trainTestSplit: X');
  const twoD = Array.isArray(y) && y.length > 0 && Array.isArray(y[0]);
  // The targets stay in typed arrays: no object per row until the parts are built (10⁷ rows).
  const Y = twoD ? toMatrix(y as number[][], 'trainTestSplit: y') : Matrix.column(toVector(y as VectorLike, 'trainTestSplit: y'));
  const n = Xm.rows;
  if (Y.rows !== n) {
    throw new ShapeError(`trainTestSplit: X has ${n} rows (samples) but y has ${Y.rows}: expected one target per sample`);
  }
  if (n < 2) throw new InputError(`trainTestSplit: expected at least 2 samples to split, got ${n}`);
  const testSize = options.testSize ?? 0.25;
  let fraction: number;
  if (typeof testSize === 'number' && testSize > 0 && testSize < 1) fraction = testSize;
  else if (typeof testSize === 'number' && Number.isInteger(testSize) && testSize >= 1 && testSize < n) fraction = testSize / n;
  else {
    throw new OptionError(`trainTestSplit: testSize: expected a fraction in (0, 1) or a whole number of samples from 1 to ${n - 1}, got ${describeValue(testSize)}`);
  }
  const rng = rngFrom('trainTestSplit', options);

  // The test part has ceil(fraction · n) samples, at least 1 and at most n − 1.
  const nTest = Math.min(n - 1, Math.max(1, Math.ceil(fraction * n - 1e-9)));
  const { test, train } = options.stratify ? stratifiedOrder(Y, twoD, nTest, rng) : plainOrder(n, nTest, rng);
  const rowsOf = (idx: Int32Array) => rowsAt(Xm, idx);
  const targetsOf = (idx: Int32Array) => (twoD ? rowsAt(Y, idx) : valuesAt(Y.data, idx));
  return { XTrain: rowsOf(train), XTest: rowsOf(test), yTrain: targetsOf(train), yTest: targetsOf(test) };
}

/** The samples in a shuffled order: the first nTest are the test part. */
function plainOrder(n: number, nTest: number, rng: Rng): { test: Int32Array; train: Int32Array } {
  const p = rng.permutation(n);
  const order = p instanceof Int32Array ? p : Int32Array.from(p);
  return { test: order.subarray(0, nTest), train: order.subarray(nTest) };
}

/**
 * Groups the samples by class (a counting sort: one pass to count, one to place); class c gives
 * about nTest · n_c / n of them to the test part (floors first, then the leftover samples to the
 * largest remainders), so the proportions stay. Each group, then each part, is shuffled.
 */
function stratifiedOrder(Y: Matrix, twoD: boolean, nTest: number, rng: Rng): { test: Int32Array; train: Int32Array } {
  const n = Y.rows;
  const labels: ArrayLike<number> = twoD ? argmaxRows(Y) : Y.data; // a one-hot row's class is its largest column
  const slotOf = new Map<number, number>();
  const classSlot = new Int32Array(n);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!twoD && !Number.isInteger(c)) {
      throw new InputError(`trainTestSplit: stratify: expected class labels (integers) in y, but y[${i}] is ${c}`);
    }
    let k = slotOf.get(c);
    if (k === undefined) {
      k = counts.length;
      slotOf.set(c, k);
      counts.push(0);
    }
    classSlot[i] = k;
    counts[k]++;
  }
  // Classes in increasing order; each gets a segment of `grouped`, its samples in their order.
  const classes = Array.from(slotOf.keys()).sort((a, b) => a - b);
  const start = new Int32Array(counts.length);
  let at = 0;
  for (const c of classes) {
    const k = slotOf.get(c)!;
    start[k] = at;
    at += counts[k];
  }
  const grouped = new Int32Array(n);
  const fill = start.slice();
  for (let i = 0; i < n; i++) grouped[fill[classSlot[i]]++] = i;
  const size = classes.map((c) => counts[slotOf.get(c)!]);
  const ideal = size.map((s) => (nTest * s) / n);
  const take = ideal.map(Math.floor);
  let left = nTest - take.reduce((s, k) => s + k, 0);
  const byRemainder = classes.map((_, k) => k).sort((a, b) => ideal[b] - take[b] - (ideal[a] - take[a]) || size[b] - size[a] || a - b);
  for (const k of byRemainder) if (left > 0) { take[k]++; left--; }
  const test = new Int32Array(nTest);
  const train = new Int32Array(n - nTest);
  let t = 0;
  let r = 0;
  classes.forEach((c, k) => {
    const from = start[slotOf.get(c)!];
    const idx = rng.shuffle(grouped.subarray(from, from + size[k]));
    for (let j = 0; j < size[k]; j++) {
      if (j < take[k]) test[t++] = idx[j];
      else train[r++] = idx[j];
    }
  });
  rng.shuffle(test);
  rng.shuffle(train);
  return { test, train };
}

/** Rows `idx` of M as plain arrays (what the split returns). */
function rowsAt(M: Matrix, idx: Int32Array): number[][] {
  const { cols, data } = M;
  const out = new Array<number[]>(idx.length);
  for (let k = 0; k < idx.length; k++) {
    const o = idx[k] * cols;
    const row = new Array<number>(cols);
    for (let j = 0; j < cols; j++) row[j] = data[o + j];
    out[k] = row;
  }
  return out;
}

/** Values `idx` of v as a plain array (a loop: Array.from with a map function is slower). */
function valuesAt(v: Float64Array, idx: Int32Array): number[] {
  const out = new Array<number>(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = v[idx[k]];
  return out;
}
