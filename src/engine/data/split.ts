/** A seeded split of a data set into a training part and a held-out test part. */
import { InputError, OptionError, ShapeError, describeValue } from '../errors';
import { MatrixLike, VectorLike, toMatrix, toVector } from '../matrix';
import { Rng, toRng } from '../rng';
import { checkOptions, optionKeys } from '../options';
import { rngFrom } from '../rng';

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

/**
 * Shuffles the samples (seeded) and splits them into a training and a test part.
 * With `stratify`, each class is split on its own, so both parts keep the class proportions.
 * @example const { XTrain, XTest, yTrain, yTest } = trainTestSplit(X, y, { testSize: 0.2, seed: 42, stratify: true });
 */
/** The option names of trainTestSplit, listed once. */
const SPLIT_KEYS = optionKeys<SplitOptions>()('testSize', 'seed', 'rng', 'stratify');

export function trainTestSplit(X: MatrixLike, y: VectorLike, options?: SplitOptions): Split<number[]>;
export function trainTestSplit(X: MatrixLike, y: ReadonlyArray<ReadonlyArray<number>>, options?: SplitOptions): Split<number[][]>;
export function trainTestSplit(X: MatrixLike, y: VectorLike | ReadonlyArray<ReadonlyArray<number>>, opts: SplitOptions = {}): Split<number[] | number[][]> {
  const options = checkOptions('trainTestSplit: options', opts, SPLIT_KEYS);
  if (options.stratify !== undefined && typeof options.stratify !== 'boolean') {
    throw new OptionError(`trainTestSplit: stratify: expected true or false, got ${describeValue(options.stratify)}`);
  }
  const Xm = toMatrix(X, 'trainTestSplit: X');
  const twoD = Array.isArray(y) && y.length > 0 && Array.isArray(y[0]);
  const yRows: number[][] = twoD
    ? toMatrix(y as number[][], 'trainTestSplit: y').toArray()
    : Array.from(toVector(y as VectorLike, 'trainTestSplit: y'), (v) => [v]);
  const n = Xm.rows;
  if (yRows.length !== n) {
    throw new ShapeError(`trainTestSplit: X has ${n} rows (samples) but y has ${yRows.length}: expected one target per sample`);
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
  const testIdx: number[] = [];
  const trainIdx: number[] = [];
  if (options.stratify) {
    // Group the samples by class; class c gives about nTest · n_c / n of them to the test part
    // (floors first, then the leftover samples to the largest remainders), so the proportions stay.
    const classOf = yRows.map((r) => (twoD ? argmax(r) : r[0]));
    const groups = new Map<number, number[]>();
    classOf.forEach((c, i) => {
      if (!twoD && !Number.isInteger(c)) {
        throw new InputError(`trainTestSplit: stratify needs class labels (integers) in y, but y[${i}] is ${c}`);
      }
      if (!groups.has(c)) groups.set(c, []);
      groups.get(c)!.push(i);
    });
    const classes = Array.from(groups.keys()).sort((a, b) => a - b);
    const ideal = classes.map((c) => (nTest * groups.get(c)!.length) / n);
    const take = ideal.map(Math.floor);
    let left = nTest - take.reduce((s, k) => s + k, 0);
    const byRemainder = classes.map((_, k) => k).sort((a, b) =>
      ideal[b] - take[b] - (ideal[a] - take[a]) || groups.get(classes[b])!.length - groups.get(classes[a])!.length || a - b);
    for (const k of byRemainder) if (left > 0) { take[k]++; left--; }
    classes.forEach((c, k) => {
      const idx = rng.shuffle(groups.get(c)!);
      // A loop, not push(...slice): spreading 10⁷ indices into a call overflows the stack.
      for (let j = 0; j < idx.length; j++) (j < take[k] ? testIdx : trainIdx).push(idx[j]);
    });
    rng.shuffle(testIdx);
    rng.shuffle(trainIdx);
  } else {
    const order = Array.from(rng.permutation(n));
    for (let j = 0; j < order.length; j++) (j < nTest ? testIdx : trainIdx).push(order[j]);
  }
  const rowsOf = (idx: number[]) => idx.map((i) => Array.from(Xm.rowView(i)));
  const targetsOf = (idx: number[]) => (twoD ? idx.map((i) => yRows[i].slice()) : idx.map((i) => yRows[i][0]));
  return { XTrain: rowsOf(trainIdx), XTest: rowsOf(testIdx), yTrain: targetsOf(trainIdx), yTest: targetsOf(testIdx) };
}

function argmax(r: number[]): number {
  let best = 0;
  for (let j = 1; j < r.length; j++) if (r[j] > r[best]) best = j;
  return best;
}
