/**
 * The threshold logic unit (TLU): a weighted sum of the inputs followed by a threshold,
 * h = φ(x·w + b). Its weights are set by hand (the perceptron learns them, see src/perceptron).
 *
 * Example: AND is the TLU with w = [1, 1], b = −1.5, since x1 + x2 − 1.5 ≥ 0 only for x = [1, 1].
 */
import { Matrix, MatrixLike, toMatrix } from './matrix';
import { InputError, ShapeError, checkChoice, describeValue, shapeString } from './errors';
import { checkOptions, optionKeys } from './options';
import { thresholdFunctions } from './threshold-functions';

/** The two thresholds a TLU can apply to its net input z. */
export type ThresholdName = 'step' | 'sign';

/** The allowed threshold names, for run-time checks and menus. */
export const thresholdNames: readonly ThresholdName[] = ['step', 'sign'];

/**
 * The thresholds themselves. `step` is the Heaviside function with step(0) = 1 (outputs 0/1);
 * `sign` is sgn(z) ∈ {−1, 0, +1} with sgn(0) = 0, as in Géron's equation 10-1.
 */
export const thresholds: Readonly<Record<ThresholdName, (z: number) => number>> = {
  step: checkedThreshold('step'),
  sign: checkedThreshold('sign'),
};

/** A threshold that refuses what is not a finite number (`'2' >= 0` compares as text, step(NaN) would say 0). */
function checkedThreshold(name: ThresholdName): (z: number) => number {
  const phi = thresholdFunctions[name];
  return (z) => {
    if (typeof z !== 'number' || !Number.isFinite(z)) throw new InputError(`thresholds.${name}: expected a finite number z, got ${describeValue(z)}`);
    return phi(z);
  };
}

/** What a TLU returns for weights given as one list (one output) or as a matrix (several outputs). */
export type TLUOutput<W> = W extends ReadonlyArray<ReadonlyArray<number>> ? number[][] : number[];

/** Options of {@link TLU}. */
export interface TLUOptions<W extends ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>>> {
  /**
   * The weights: one number per input for a single output (e.g. `[1, 1]`), or a matrix with
   * one row per input and one column per output (W in XW + b).
   */
  weights: W;
  /** The bias: a number for one output, or one number per output. */
  bias: number | ReadonlyArray<number>;
  /** The threshold φ. @default 'step' */
  activation?: ThresholdName;
}

/**
 * A threshold logic unit (or a layer of them, one per output) with hand-set weights.
 * `predict` returns one value per sample (a list for one output, rows for several).
 */
/** The option names of a TLU, listed once. */
const TLU_KEYS = optionKeys<TLUOptions<number[]>>()('weights', 'bias', 'activation');

export class TLU<W extends ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>> = number[]> {
  /** The weights as a matrix [inputs×outputs]. */
  readonly weights: Matrix;
  /** One bias per output. */
  readonly bias: Float64Array;
  /** The threshold φ applied to the net input. */
  readonly activation: ThresholdName;
  /** True when the weights were given as one list: then outputs are plain lists, not rows. */
  private readonly single: boolean;

  constructor(options: TLUOptions<W>) {
    if (typeof options !== 'object' || options === null) {
      throw new InputError(`TLU: expected options { weights, bias, activation? }, got ${describeValue(options)}`);
    }
    checkOptions('TLU: options', options, TLU_KEYS);
    this.activation = checkChoice('TLU: activation', options.activation ?? 'step', thresholdNames);
    const w = options.weights as unknown;
    if (!Array.isArray(w) || w.length === 0) {
      throw new InputError(`TLU: weights: expected a non-empty list (one weight per input) or matrix [inputs×outputs], got ${describeValue(w)}`);
    }
    this.single = !Array.isArray(w[0]);
    this.weights = this.single ? toMatrix(w as number[], 'TLU: weights') : toMatrix(w as number[][], 'TLU: weights');
    const outputs = this.weights.cols;
    const b = options.bias as unknown;
    if (typeof b === 'number') {
      if (outputs !== 1) {
        throw new ShapeError(`TLU: bias: the weights ${shapeString(this.weights.rows, outputs)} have ${outputs} outputs, so expected ${outputs} biases, got one number`);
      }
      this.bias = Float64Array.of(b);
    } else if (Array.isArray(b)) {
      if (b.length !== outputs) {
        throw new ShapeError(`TLU: bias: expected ${outputs} values (one per output), got ${b.length}`);
      }
      this.bias = Float64Array.from(b as number[]);
    } else {
      throw new InputError(`TLU: bias: expected a number or a list of numbers, got ${describeValue(b)}`);
    }
    for (let j = 0; j < this.bias.length; j++) {
      if (!Number.isFinite(this.bias[j])) throw new InputError(`TLU: bias: expected finite numbers, but bias ${j} is ${this.bias[j]}`);
    }
  }

  /** Number of inputs (rows of W). */
  get inputs(): number {
    return this.weights.rows;
  }

  /** Number of outputs (columns of W). */
  get outputs(): number {
    return this.weights.cols;
  }

  /** The net input z = XW + b, one row per sample (X has one row per sample, e.g. `[[0, 1]]`). */
  net(X: MatrixLike): TLUOutput<W> {
    const Z = this.netMatrix(X, 'TLU.net');
    return this.shapeOutput(Z, (z) => z);
  }

  /** The output h = φ(XW + b), one row per sample. */
  predict(X: MatrixLike): TLUOutput<W> {
    const Z = this.netMatrix(X, 'TLU.predict');
    return this.shapeOutput(Z, thresholdFunctions[this.activation]);
  }

  /** A readable summary, e.g. `TLU step(x·[1, 1] − 1.5)`. */
  toString(): string {
    const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);
    if (this.outputs === 1) {
      const b = this.bias[0];
      const w = Array.from(this.weights.data, fmt).join(', ');
      return `TLU ${this.activation}(x·[${w}] ${b < 0 ? '−' : '+'} ${fmt(Math.abs(b))})`;
    }
    return `TLU layer ${this.activation}(XW + b): ${this.inputs} inputs, ${this.outputs} outputs`;
  }

  private netMatrix(X: MatrixLike, what: string): Matrix {
    const x = toMatrix(X, `${what}: X`);
    if (x.cols !== this.inputs) {
      throw new ShapeError(
        `${what}: X is ${shapeString(x.rows, x.cols)} but the TLU has ${this.inputs} inputs: expected one row of ${this.inputs} values per sample, e.g. [[${new Array(this.inputs).fill(0).join(', ')}]]`,
      );
    }
    const n = x.rows;
    const m = this.outputs;
    const Z = new Matrix(n, m);
    for (let s = 0; s < n; s++) {
      for (let j = 0; j < m; j++) {
        let z = this.bias[j];
        for (let i = 0; i < this.inputs; i++) z += x.data[s * this.inputs + i] * this.weights.data[i * m + j];
        Z.data[s * m + j] = z;
      }
    }
    return Z;
  }

  private shapeOutput(Z: Matrix, f: (z: number) => number): TLUOutput<W> {
    if (this.single) return Array.from(Z.data, f) as TLUOutput<W>;
    return Z.toArray().map((row) => row.map(f)) as TLUOutput<W>;
  }
}
