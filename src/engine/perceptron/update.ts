/**
 * The perceptron learning rule, exactly as the course writes it:
 *
 *   w_ij ← w_ij + η (y_j − ŷ_j) x_i        b_j ← b_j + η (y_j − ŷ_j)
 *
 * where ŷ_j = φ(Σ_i x_i w_ij + b_j) is the output for the sample x before the update.
 * A correctly classified sample (ŷ = y) leaves the weights unchanged.
 */
import { InputError, ShapeError, checkChoice, checkPositive, describeValue } from '../errors';
import { ThresholdName, thresholdNames, thresholds } from '../tlu';

/** The result of one update for a single output (weights as one list). */
export interface PerceptronUpdate1 {
  /** Weights after the update. */
  w: number[];
  /** Bias after the update. */
  b: number;
  /** Δw_i = η (y − ŷ) x_i. */
  deltaW: number[];
  /** Δb = η (y − ŷ). */
  deltaB: number;
  /** The output ŷ = φ(x·w + b) before the update. */
  yHat: number;
  /** The net input z = x·w + b before the update. */
  z: number;
}

/** The result of one update for several outputs (weights [inputs×outputs]). */
export interface PerceptronUpdateN {
  /** Weights after the update, [inputs×outputs]. */
  w: number[][];
  /** Biases after the update, one per output. */
  b: number[];
  /** Δw_ij = η (y_j − ŷ_j) x_i. */
  deltaW: number[][];
  /** Δb_j = η (y_j − ŷ_j). */
  deltaB: number[];
  /** The outputs ŷ_j before the update. */
  yHat: number[];
  /** The net inputs z_j before the update. */
  z: number[];
}

/**
 * Applies the rule in place on flat arrays: w is [inputs×outputs] row-major, starting at offset 0.
 * Writes ŷ, z, Δw and Δb into the given buffers and returns the number of outputs that were wrong.
 * No checks: the callers check their inputs once.
 */
export function applyPerceptronRule(
  w: Float64Array, b: Float64Array, x: ArrayLike<number>, xOffset: number, y: ArrayLike<number>, yOffset: number,
  eta: number, phi: (z: number) => number,
  yHat: Float64Array, z: Float64Array, deltaW: Float64Array, deltaB: Float64Array,
): number {
  const m = b.length;
  const n = w.length / m;
  let wrong = 0;
  // Forward: z_j = Σ_i x_i w_ij + b_j, ŷ_j = φ(z_j), all before any weight changes.
  for (let j = 0; j < m; j++) {
    let s = b[j];
    for (let i = 0; i < n; i++) s += x[xOffset + i] * w[i * m + j];
    z[j] = s;
    yHat[j] = phi(s);
  }
  for (let j = 0; j < m; j++) {
    const err = y[yOffset + j] - yHat[j];
    if (err !== 0) wrong++;
    const step = eta * err;
    deltaB[j] = step;
    b[j] += step;
    for (let i = 0; i < n; i++) {
      const d = step * x[xOffset + i];
      deltaW[i * m + j] = d;
      w[i * m + j] += d;
    }
  }
  return wrong;
}

function checkNumbers(what: string, v: unknown, length?: number): number[] {
  if (!Array.isArray(v) && !(v instanceof Float64Array)) {
    throw new InputError(`perceptronUpdate: ${what}: expected a list of numbers, got ${describeValue(v)}`);
  }
  const a = Array.from(v as ArrayLike<unknown>);
  if (length !== undefined && a.length !== length) {
    throw new ShapeError(`perceptronUpdate: ${what}: expected ${length} values, got ${a.length}`);
  }
  a.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InputError(`perceptronUpdate: ${what}: expected finite numbers, but element ${i} is ${describeValue(x)}`);
    }
  });
  return a as number[];
}

/**
 * One step of the perceptron rule on one sample, as a pure function (nothing is modified).
 * For one output pass `w` as a list (one weight per input) and `b`, `y` as numbers; for several
 * outputs pass `w` as [inputs×outputs] rows and `b`, `y` as lists (one per output).
 * `activation` is the threshold φ: 'step' (labels 0/1, the default) or 'sign' (labels −1/+1).
 *
 * @example perceptronUpdate([0, 0], 0, [1, 1], 0, 1) // ŷ = step(0) = 1 ≠ 0: w = [−1, −1], b = −1
 */
export function perceptronUpdate(w: ReadonlyArray<number>, b: number, x: ReadonlyArray<number>, y: number, eta: number, activation?: ThresholdName): PerceptronUpdate1;
export function perceptronUpdate(
  w: ReadonlyArray<ReadonlyArray<number>>, b: ReadonlyArray<number>, x: ReadonlyArray<number>, y: ReadonlyArray<number>, eta: number, activation?: ThresholdName,
): PerceptronUpdateN;
export function perceptronUpdate(
  w: ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>>, b: number | ReadonlyArray<number>, x: ReadonlyArray<number>,
  y: number | ReadonlyArray<number>, eta: number, activation: ThresholdName = 'step',
): PerceptronUpdate1 | PerceptronUpdateN {
  checkPositive('perceptronUpdate: learning rate η', eta);
  const phi = thresholds[checkChoice('perceptronUpdate: activation', activation, thresholdNames)];
  if (!Array.isArray(w) || w.length === 0) {
    throw new InputError(`perceptronUpdate: w: expected a non-empty list of weights (or [inputs×outputs] rows), got ${describeValue(w)}`);
  }
  const single = !Array.isArray(w[0]);
  const rows: number[][] = single
    ? checkNumbers('w', w).map((v) => [v])
    : (w as ReadonlyArray<ReadonlyArray<number>>).map((r, i) => checkNumbers(`w row ${i}`, r, (w[0] as ReadonlyArray<number>).length));
  const inputs = rows.length;
  const outputs = rows[0].length;
  const xs = checkNumbers('x', x, inputs);
  let bs: number[];
  let ys: number[];
  if (single) {
    if (typeof b !== 'number' || !Number.isFinite(b)) throw new InputError(`perceptronUpdate: b: expected a finite number (one output), got ${describeValue(b)}`);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new InputError(`perceptronUpdate: y: expected a finite number (one output), got ${describeValue(y)}`);
    bs = [b];
    ys = [y];
  } else {
    bs = checkNumbers('b', b, outputs);
    ys = checkNumbers('y', y, outputs);
  }
  const W = Float64Array.from(rows.flat());
  const B = Float64Array.from(bs);
  const yHat = new Float64Array(outputs);
  const z = new Float64Array(outputs);
  const dW = new Float64Array(inputs * outputs);
  const dB = new Float64Array(outputs);
  applyPerceptronRule(W, B, xs, 0, ys, 0, eta, phi, yHat, z, dW, dB);
  if (single) {
    return { w: Array.from(W), b: B[0], deltaW: Array.from(dW), deltaB: dB[0], yHat: yHat[0], z: z[0] };
  }
  const toRows = (a: Float64Array) => Array.from({ length: inputs }, (_, i) => Array.from(a.subarray(i * outputs, (i + 1) * outputs)));
  return { w: toRows(W), b: Array.from(B), deltaW: toRows(dW), deltaB: Array.from(dB), yHat: Array.from(yHat), z: Array.from(z) };
}
