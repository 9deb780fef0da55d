/**
 * The built-in losses. Each averages over the samples: for several outputs, the regression
 * losses and binary cross-entropy also average over the outputs (as Keras does), while
 * cross-entropy sums over the classes of a row: L = −(1/n) Σ_i Σ_k y_ik log ŷ_ik.
 */
import { Loss } from './loss';
import { Matrix, MatrixLike, toMatrix } from '../matrix';
import { ShapeError, checkPositive, shapeString } from '../errors';

const shapeStringOf = (m: Matrix): string => shapeString(m.rows, m.cols);

/** ŷ is clipped to [ε, 1 − ε] inside logarithms so that log 0 never gives −∞. */
export const LOG_EPSILON = 1e-12;

/** Builds a Loss from its per-array value and gradient; `perOutput` divides by n·outputs instead of n. */
function makeLoss(
  name: string,
  perOutput: boolean,
  valueArray: (p: Float64Array, t: Float64Array, len: number, n: number) => number,
  gradArray: (p: Float64Array, t: Float64Array, out: Float64Array, len: number, n: number) => void,
  params?: { [key: string]: number },
): Loss {
  // Plain arrays are accepted as everywhere a Matrix is; NaN, ∞ and ragged rows are refused.
  const check = (pred: MatrixLike, target: MatrixLike): [Matrix, Matrix] => {
    const yPred = toMatrix(pred, `${name}: yPred`);
    const yTrue = toMatrix(target, `${name}: yTrue`);
    if (yPred.rows !== yTrue.rows || yPred.cols !== yTrue.cols) {
      throw new ShapeError(`${name}: yPred ${shapeStringOf(yPred)} and yTrue ${shapeStringOf(yTrue)}: expected the same shape`);
    }
    return [yPred, yTrue];
  };
  // For per-output losses the array versions are given n·outputs as the divisor.
  const div = (m: Matrix) => (perOutput ? m.rows * m.cols : m.rows);
  return {
    name,
    ...(params ? { params } : {}),
    value(pred, target) {
      const [yPred, yTrue] = check(pred, target);
      return valueArray(yPred.data, yTrue.data, yPred.data.length, div(yPred));
    },
    grad(pred, target) {
      const [yPred, yTrue] = check(pred, target);
      const g = new Matrix(yPred.rows, yPred.cols);
      gradArray(yPred.data, yTrue.data, g.data, yPred.data.length, div(yPred));
      return g;
    },
    // Per-output losses average over all `len` elements (n samples × outputs).
    valueArray: perOutput ? (p, t, len) => valueArray(p, t, len, len) : valueArray,
    gradArray: perOutput ? (p, t, out, len) => gradArray(p, t, out, len, len) : gradArray,
  };
}

/** Mean squared error: mean of (ŷ − y)²; gradient 2(ŷ − y)/N. */
const mse = makeLoss(
  'mse',
  true,
  (p, t, len, n) => {
    let s = 0;
    for (let k = 0; k < len; k++) {
      const r = p[k] - t[k];
      s += r * r;
    }
    return s / n;
  },
  (p, t, out, len, n) => {
    const c = 2 / n;
    for (let k = 0; k < len; k++) out[k] = c * (p[k] - t[k]);
  },
);

/** Mean absolute error: mean of |ŷ − y|; gradient sign(ŷ − y)/N (0 where ŷ = y). */
const mae = makeLoss(
  'mae',
  true,
  (p, t, len, n) => {
    let s = 0;
    for (let k = 0; k < len; k++) s += Math.abs(p[k] - t[k]);
    return s / n;
  },
  (p, t, out, len, n) => {
    for (let k = 0; k < len; k++) {
      const r = p[k] - t[k];
      out[k] = (r > 0 ? 1 : r < 0 ? -1 : 0) / n;
    }
  },
);

/**
 * Huber loss: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (quadratic near 0, linear for outliers);
 * gradient r clipped to [−δ, δ]. @default delta = 1
 */
export function huber(delta = 1): Loss {
  checkPositive('huber: delta', delta);
  return makeLoss(
    'huber',
    true,
    (p, t, len, n) => {
      let s = 0;
      for (let k = 0; k < len; k++) {
        const a = Math.abs(p[k] - t[k]);
        s += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
      }
      return s / n;
    },
    (p, t, out, len, n) => {
      for (let k = 0; k < len; k++) {
        const r = p[k] - t[k];
        out[k] = (r > delta ? delta : r < -delta ? -delta : r) / n;
      }
    },
    { delta },
  );
}

const clip = (x: number) => (x < LOG_EPSILON ? LOG_EPSILON : x > 1 - LOG_EPSILON ? 1 - LOG_EPSILON : x);

/** Binary cross-entropy: −mean[y log ŷ + (1 − y) log(1 − ŷ)]; gradient (ŷ − y)/(ŷ(1 − ŷ))/N. */
const binaryCrossEntropy = makeLoss(
  'binaryCrossEntropy',
  true,
  (p, t, len, n) => {
    let s = 0;
    for (let k = 0; k < len; k++) {
      const q = clip(p[k]);
      s -= t[k] * Math.log(q) + (1 - t[k]) * Math.log(1 - q);
    }
    return s / n;
  },
  (p, t, out, len, n) => {
    for (let k = 0; k < len; k++) {
      const q = clip(p[k]);
      out[k] = (q - t[k]) / (q * (1 - q)) / n;
    }
  },
);

/** Cross-entropy over classes: −(1/n) Σ y log ŷ (y one-hot); gradient −y/ŷ/n. */
const crossEntropy = makeLoss(
  'crossEntropy',
  false,
  (p, t, len, n) => {
    let s = 0;
    for (let k = 0; k < len; k++) if (t[k] !== 0) s -= t[k] * Math.log(clip(p[k]));
    return s / n;
  },
  (p, t, out, len, n) => {
    for (let k = 0; k < len; k++) out[k] = -t[k] / clip(p[k]) / n;
  },
);

/** The built-in losses by name (Huber with δ = 1; use {@link huber} for another δ). */
export const losses = { mse, mae, huber: huber(1), binaryCrossEntropy, crossEntropy } as const;
