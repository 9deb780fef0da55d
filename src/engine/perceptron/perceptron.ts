/**
 * Rosenblatt's perceptron: a layer of TLUs, h = φ(XW + b), trained one sample at a time by
 * the perceptron rule w_ij ← w_ij + η (y_j − ŷ_j) x_i, b_j ← b_j + η (y_j − ŷ_j).
 * `fit` records every step so that a notebook can replay the training one update at a time.
 */
import { MAX_EPOCHS, MAX_SAMPLES } from '../errors';
import { Matrix, MatrixLike, VectorLike, toMatrix, toVector } from '../matrix';
import { InputError, ShapeError, StateError, checkChoice, checkInteger, checkPositive, describeValue, shapeString } from '../errors';
import { Rng, toRng } from '../rng';
import { ThresholdName, thresholdNames } from '../tlu';
import { thresholdFunctions } from '../threshold-functions';
import { applyPerceptronRule } from './update';
import { checkBoolean, checkOptions, optionKeys } from '../options';
import { rngFrom } from '../rng';

/** How the weights start before training. */
export type PerceptronInit = 'zeros' | 'uniform';

/** The allowed values of {@link PerceptronOptions.init}. */
export const perceptronInits: readonly PerceptronInit[] = ['zeros', 'uniform'];

/** Options of {@link Perceptron}. */
export interface PerceptronOptions {
  /** The learning rate η > 0. @default 1 */
  learningRate?: number;
  /** The epoch budget: training stops after this many passes over the data. @default 100 */
  maxEpochs?: number;
  /** Starting weights and biases: all zero, or uniform in [−0.5, 0.5) (seeded). @default 'zeros' */
  init?: PerceptronInit;
  /** Seed for `init: 'uniform'` and `shuffle`. @default 0 */
  seed?: number | string;
  /** A generator to draw from instead of `seed`. */
  rng?: Rng;
  /** Visit the samples in a new random order every epoch (the course replays them in order). @default false */
  shuffle?: boolean;
  /** At most this many steps are kept in the trace (0 keeps none). @default 10000 */
  traceLimit?: number;
  /** The threshold φ: 'step' (labels 0/1) or 'sign' (labels −1/+1). @default 'step' */
  activation?: ThresholdName;
  /** Starting weights instead of `init`: one per input (one output) or [inputs×outputs] rows. */
  weights?: ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>>;
  /** Starting biases instead of `init` (a number for one output). Used with `weights`. @default 0 */
  bias?: number | ReadonlyArray<number>;
}

/** One presentation of one sample during training (whether or not it changed the weights). */
export interface PerceptronStep {
  /** The epoch, counted from 1. */
  epoch: number;
  /** The sample's row in X. */
  index: number;
  /** The sample's inputs. */
  x: number[];
  /** Its targets (one per output). */
  y: number[];
  /** The outputs ŷ = φ(z) before the update. */
  yHat: number[];
  /** The net inputs z = xW + b before the update. */
  z: number[];
  /** Δw_ij = η (y_j − ŷ_j) x_i, [inputs×outputs] (all zero when the sample was right). */
  deltaW: number[][];
  /** Δb_j = η (y_j − ŷ_j). */
  deltaB: number[];
  /** The weights after this step, [inputs×outputs]. */
  weights: number[][];
  /** The biases after this step. */
  bias: number[];
}

/** What {@link Perceptron.fit} returns. */
export interface PerceptronResult {
  /** Misclassified samples (any output wrong) in each epoch, counted before each sample's update. */
  errors: number[];
  /** True when an epoch went by without a single error. */
  converged: boolean;
  /** Epochs run (the last one is error-free when converged). */
  epochs: number;
  /** 'converged after 4 epochs' or 'not linearly separable within 100 epochs'. */
  message: string;
  /** Every step in order, at most `traceLimit` of them. */
  trace: PerceptronStep[];
  /** True when there were more steps than `traceLimit`. */
  traceTruncated: boolean;
  /** The weights at the end, [inputs×outputs]. */
  weights: number[][];
  /** The biases at the end. */
  bias: number[];
  /** The message and the errors per epoch. */
  toString(): string;
}

/** What `predict` returns: a list for single-output training data, rows for several outputs. */
export type PerceptronOutput<Y> = Y extends ReadonlyArray<ReadonlyArray<number>> ? number[][] : number[];

/**
 * A perceptron: one TLU per output, trained by the perceptron rule.
 * Type it `new Perceptron<number[]>()` (one output) or `new Perceptron<number[][]>()` (several)
 * to get `predict` typed exactly; untyped it returns `number[] | number[][]`.
 *
 * @example
 * const p = new Perceptron();
 * const result = p.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]); // AND
 * result.message; // 'converged after … epochs'
 */
/** The option names of the Perceptron, listed once. */
const PERCEPTRON_KEYS = optionKeys<PerceptronOptions>()('learningRate', 'maxEpochs', 'init', 'seed', 'rng', 'shuffle', 'traceLimit', 'activation', 'weights', 'bias');

export class Perceptron<Y extends number[] | number[][] = number[] | number[][]> {
  /** The weights, [inputs×outputs] (W in XW + b); empty until `fit` or starting `weights`. */
  weights: Matrix = new Matrix(0, 0);
  /** One bias per output. */
  bias: Float64Array = new Float64Array(0);
  /** The options in use, defaults filled in. */
  readonly options: Readonly<Required<Omit<PerceptronOptions, 'seed' | 'rng' | 'weights' | 'bias'>>>;
  private readonly rng: Rng;
  private readonly start?: { weights: Matrix; bias: Float64Array; single: boolean };
  private single = true;

  constructor(options: PerceptronOptions = {}) {
    const o = checkOptions('Perceptron: options', options, PERCEPTRON_KEYS);
    if (o.shuffle !== undefined) checkBoolean('Perceptron: shuffle', o.shuffle);
    this.options = {
      learningRate: checkPositive('Perceptron: learningRate', o.learningRate ?? 1),
      maxEpochs: checkInteger('Perceptron: maxEpochs', o.maxEpochs ?? 100, 1, MAX_EPOCHS),
      init: checkChoice('Perceptron: init', o.init ?? 'zeros', perceptronInits),
      shuffle: o.shuffle ?? false,
      traceLimit: checkInteger('Perceptron: traceLimit', o.traceLimit ?? 10000, 0, MAX_SAMPLES),
      activation: checkChoice('Perceptron: activation', o.activation ?? 'step', thresholdNames),
    };
    this.rng = rngFrom('Perceptron', o);
    if (o.weights !== undefined) {
      this.start = startingWeights(o.weights, o.bias);
      this.weights = this.start.weights.clone();
      this.bias = this.start.bias.slice();
      this.single = this.start.single;
    } else if (o.bias !== undefined) {
      throw new InputError(`Perceptron: bias: expected weights beside it (give both, or neither: then \`init\` sets them), got a bias of ${describeValue(o.bias)} without weights`);
    }
  }

  /** Number of inputs (0 before training). */
  get inputs(): number {
    return this.weights.rows;
  }

  /** Number of outputs (0 before training). */
  get outputs(): number {
    return this.weights.cols;
  }

  /**
   * Trains on X (one row per sample) and y (one label per sample, or one row of labels per
   * sample for several outputs), one sample at a time, until an epoch has no error or the
   * epoch budget is spent. Every call starts again from the starting weights.
   */
  fit(X: MatrixLike, y: Y): PerceptronResult {
    const { learningRate: eta, maxEpochs, shuffle, traceLimit, activation } = this.options;
    const Xm = toMatrix(X, 'Perceptron.fit: X');
    const { Y: Ym, multi } = labelMatrix(y, activation);
    if (Ym.rows !== Xm.rows) {
      throw new ShapeError(`Perceptron.fit: X has ${Xm.rows} rows (samples) but y has ${Ym.rows} labels: expected one label per sample`);
    }
    const n = Xm.rows;
    const inputs = Xm.cols;
    const outputs = Ym.cols;
    if (this.start) {
      if (this.start.weights.rows !== inputs || this.start.weights.cols !== outputs) {
        throw new ShapeError(
          `Perceptron.fit: the starting weights are ${shapeString(this.start.weights.rows, this.start.weights.cols)} but X has ${inputs} columns and y ${outputs} outputs: expected ${shapeString(inputs, outputs)}`,
        );
      }
      this.weights = this.start.weights.clone();
      this.bias = this.start.bias.slice();
    } else {
      this.weights = new Matrix(inputs, outputs);
      this.bias = new Float64Array(outputs);
      if (this.options.init === 'uniform') {
        for (let k = 0; k < this.weights.data.length; k++) this.weights.data[k] = this.rng.uniform(-0.5, 0.5);
        for (let j = 0; j < outputs; j++) this.bias[j] = this.rng.uniform(-0.5, 0.5);
      }
    }
    this.single = !multi;

    const phi = thresholdFunctions[activation];
    const w = this.weights.data;
    const b = this.bias;
    // Buffers allocated once per fit, reused for every sample.
    const yHat = new Float64Array(outputs);
    const z = new Float64Array(outputs);
    const dW = new Float64Array(inputs * outputs);
    const dB = new Float64Array(outputs);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const rows = (a: Float64Array) => Array.from({ length: inputs }, (_, i) => Array.from(a.subarray(i * outputs, (i + 1) * outputs)));

    const errors: number[] = [];
    const trace: PerceptronStep[] = [];
    let traceTruncated = false;
    let converged = false;
    for (let epoch = 1; epoch <= maxEpochs && !converged; epoch++) {
      if (shuffle) this.rng.shuffle(order);
      let wrongSamples = 0;
      for (let k = 0; k < n; k++) {
        const s = order[k];
        const wrong = applyPerceptronRule(w, b, Xm.data, s * inputs, Ym.data, s * outputs, eta, phi, yHat, z, dW, dB);
        if (wrong > 0) wrongSamples++;
        if (trace.length < traceLimit) {
          trace.push({
            epoch, index: s,
            x: Array.from(Xm.rowView(s)), y: Array.from(Ym.rowView(s)), yHat: Array.from(yHat), z: Array.from(z),
            deltaW: rows(dW), deltaB: Array.from(dB), weights: rows(w), bias: Array.from(b),
          });
        } else {
          traceTruncated = true;
        }
      }
      errors.push(wrongSamples);
      converged = wrongSamples === 0;
    }
    const epochs = errors.length;
    const message = converged
      ? `converged after ${epochs} epoch${epochs === 1 ? '' : 's'}`
      : `not linearly separable within ${maxEpochs} epoch${maxEpochs === 1 ? '' : 's'}`;
    return {
      errors, converged, epochs, message, trace, traceTruncated,
      weights: this.weights.toArray(), bias: Array.from(this.bias),
      toString: () => `Perceptron: ${message}; errors per epoch: [${errors.join(', ')}]`,
    };
  }

  /** The net inputs z = XW + b, one value (or row) per sample. */
  net(X: MatrixLike): PerceptronOutput<Y> {
    return this.output(X, 'Perceptron.net', (v) => v);
  }

  /** The outputs h = φ(XW + b), one label (or row of labels) per sample. */
  predict(X: MatrixLike): PerceptronOutput<Y> {
    return this.output(X, 'Perceptron.predict', thresholdFunctions[this.options.activation]);
  }

  /** The fraction of samples whose outputs are all right. */
  score(X: MatrixLike, y: Y): number {
    const Ym = labelMatrix(y, this.options.activation).Y;
    const P = toMatrix(this.output(X, 'Perceptron.score', thresholdFunctions[this.options.activation]) as number[] | number[][], 'Perceptron.score: predictions');
    if (P.rows !== Ym.rows || P.cols !== Ym.cols) {
      throw new ShapeError(`Perceptron.score: the predictions are ${shapeString(P.rows, P.cols)} but y is ${shapeString(Ym.rows, Ym.cols)}`);
    }
    let right = 0;
    for (let s = 0; s < P.rows; s++) {
      let ok = true;
      for (let j = 0; j < P.cols; j++) if (P.data[s * P.cols + j] !== Ym.data[s * P.cols + j]) ok = false;
      if (ok) right++;
    }
    return right / P.rows;
  }

  /** A readable summary of the weights. */
  toString(): string {
    if (this.inputs === 0) return `Perceptron (untrained, η = ${this.options.learningRate})`;
    const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);
    if (this.outputs === 1) {
      const b = this.bias[0];
      return `Perceptron ${this.options.activation}(x·[${Array.from(this.weights.data, fmt).join(', ')}] ${b < 0 ? '−' : '+'} ${fmt(Math.abs(b))})`;
    }
    return `Perceptron ${this.inputs} inputs → ${this.outputs} outputs\nW = ${this.weights.toString()}\nb = [${Array.from(this.bias, fmt).join(', ')}]`;
  }

  private output(X: MatrixLike, what: string, f: (z: number) => number): PerceptronOutput<Y> {
    if (this.inputs === 0) throw new StateError(`${what}: the perceptron has no weights yet: call fit(X, y) first (or give starting weights)`);
    const Xm = toMatrix(X, `${what}: X`);
    if (Xm.cols !== this.inputs) {
      throw new ShapeError(`${what}: X is ${shapeString(Xm.rows, Xm.cols)} but the perceptron has ${this.inputs} inputs: expected one row of ${this.inputs} values per sample`);
    }
    const m = this.outputs;
    const out: number[][] = [];
    for (let s = 0; s < Xm.rows; s++) {
      const row: number[] = [];
      for (let j = 0; j < m; j++) {
        let v = this.bias[j];
        for (let i = 0; i < this.inputs; i++) v += Xm.data[s * this.inputs + i] * this.weights.data[i * m + j];
        row.push(f(v));
      }
      out.push(row);
    }
    return (this.single ? out.map((r) => r[0]) : out) as PerceptronOutput<Y>;
  }
}

/** Converts labels to a matrix [samples×outputs] and checks they are the threshold's outputs. */
function labelMatrix(y: unknown, activation: ThresholdName): { Y: Matrix; multi: boolean } {
  let Y: Matrix;
  let multi: boolean;
  if (y instanceof Matrix) {
    Y = toMatrix(y, 'Perceptron: y');
    multi = Y.cols > 1;
  } else if (Array.isArray(y) && y.length > 0 && Array.isArray(y[0])) {
    Y = toMatrix(y as number[][], 'Perceptron: y');
    multi = true;
  } else if (Array.isArray(y) || y instanceof Float64Array) {
    Y = Matrix.column(toVector(y as VectorLike, 'Perceptron: y'));
    multi = false;
  } else {
    throw new InputError(`Perceptron: y: expected one label per sample (number[]) or one row of labels per sample (number[][]), got ${describeValue(y)}`);
  }
  const allowed = activation === 'step' ? [0, 1] : [-1, 1];
  for (let k = 0; k < Y.data.length; k++) {
    if (!allowed.includes(Y.data[k])) {
      const s = Math.floor(k / Y.cols);
      throw new InputError(
        `Perceptron: y: expected labels ${allowed.join(' or ')} (the outputs of the ${activation} function), but the label of sample ${s}${multi ? `, output ${k - s * Y.cols}` : ''} is ${Y.data[k]}`,
      );
    }
  }
  return { Y, multi };
}

/** Checks the constructor's starting weights and biases. */
function startingWeights(weights: unknown, bias: unknown): { weights: Matrix; bias: Float64Array; single: boolean } {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new InputError(`Perceptron: weights: expected one weight per input or [inputs×outputs] rows, got ${describeValue(weights)}`);
  }
  const single = !Array.isArray(weights[0]);
  const W = single ? Matrix.column(toVector(weights as number[], 'Perceptron: weights')) : toMatrix(weights as number[][], 'Perceptron: weights');
  let B: Float64Array;
  if (bias === undefined) B = new Float64Array(W.cols);
  else if (typeof bias === 'number' && W.cols === 1) B = toVector([bias], 'Perceptron: bias');
  else if (Array.isArray(bias) && bias.length === W.cols) B = toVector(bias as number[], 'Perceptron: bias');
  else throw new ShapeError(`Perceptron: bias: expected ${W.cols === 1 ? 'a number' : `${W.cols} numbers`} (one per output), got ${describeValue(bias)}`);
  return { weights: W, bias: B, single };
}
