/** Regression data: a plane (learnable by a single linear unit) and a noisy sine (needs hidden units). */
import { InputError, checkNumberIn, describeValue } from '../errors';
import { Rng, toRng } from '../rng';
import { Dataset } from './dataset';
import { checkCount } from './options';
import { checkOptions, optionKeys } from '../options';
import { rngFrom } from '../rng';

/** Options of {@link planeData}. */
export interface PlaneOptions {
  /** Number of samples. @default 200 */
  n?: number;
  /** Standard deviation of the Gaussian noise added to y. @default 0.1 */
  noise?: number;
  /** The slopes (a1, a2) in y = a1·x1 + a2·x2 + c. @default [0.1, 0.1] (the Playground's (x1 + x2)/10) */
  coefficients?: [number, number];
  /** The intercept c. @default 0 */
  intercept?: number;
  /** Seed of the random numbers. @default 0 */
  seed?: number | string;
  /** A generator to draw from instead of `seed`. */
  rng?: Rng;
}

/** Samples of the plane y = a1·x1 + a2·x2 + c + noise, with x1, x2 uniform in [−6, 6). */
/** The option names of planeData and sineData, listed once. */
const PLANE_KEYS = optionKeys<PlaneOptions>()('n', 'noise', 'coefficients', 'intercept', 'seed', 'rng');
const SINE_KEYS = optionKeys<SineOptions>()('n', 'noise', 'range', 'seed', 'rng');

export function planeData(opts: PlaneOptions = {}): Dataset {
  const options = checkOptions('planeData: options', opts, PLANE_KEYS);
  const n = checkCount('planeData: n', options.n ?? 200, 1);
  const noise = checkNumberIn('planeData: noise', options.noise ?? 0.1, 0, Infinity);
  const coefficients = options.coefficients ?? [0.1, 0.1];
  const intercept = options.intercept ?? 0;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!Array.isArray(coefficients) || coefficients.length !== 2 || !coefficients.every(finite)) {
    throw new InputError(`planeData: coefficients: expected two finite numbers [a1, a2], got ${describeValue(coefficients)}`);
  }
  if (!finite(intercept)) throw new InputError(`planeData: intercept: expected a finite number, got ${describeValue(intercept)}`);
  const rng = rngFrom('planeData', options);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform(-6, 6);
    const x2 = rng.uniform(-6, 6);
    X.push([x1, x2]);
    y.push(coefficients[0] * x1 + coefficients[1] * x2 + intercept + (noise > 0 ? rng.normal(0, noise) : 0));
  }
  return { X, y, featureNames: ['x1', 'x2'], targetName: 'y' };
}

/** Options of {@link sineData}. */
export interface SineOptions {
  /** Number of samples. @default 200 */
  n?: number;
  /** Standard deviation of the Gaussian noise added to y. @default 0.1 */
  noise?: number;
  /** The interval [lo, hi) that x is drawn from. @default [−π, π] */
  range?: [number, number];
  /** Seed of the random numbers. @default 0 */
  seed?: number | string;
  /** A generator to draw from instead of `seed`. */
  rng?: Rng;
}

/** Samples of the noisy sine y = sin(x) + noise, x uniform in `range`, one feature. */
export function sineData(opts: SineOptions = {}): Dataset {
  const options = checkOptions('sineData: options', opts, SINE_KEYS);
  const n = checkCount('sineData: n', options.n ?? 200, 1);
  const noise = checkNumberIn('sineData: noise', options.noise ?? 0.1, 0, Infinity);
  const range = options.range ?? [-Math.PI, Math.PI];
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new InputError(`sineData: range: expected two finite numbers [lo, hi] with lo < hi, got ${describeValue(range)}`);
  }
  const rng = rngFrom('sineData', options);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(range[0], range[1]);
    X.push([x]);
    y.push(Math.sin(x) + (noise > 0 ? rng.normal(0, noise) : 0));
  }
  return { X, y, featureNames: ['x'], targetName: 'y' };
}
