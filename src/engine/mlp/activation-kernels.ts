/**
 * Activations applied to whole Float64Arrays in tight loops (the training loop's hot path).
 * Built-ins get a specialised loop; any other Activation falls back to its `f`/`df` per element.
 */
import { Activation, activations, softmaxRowsInPlace } from '../activations';

/** In-place array versions of one activation. */
export interface ActivationKernel {
  /** a = φ(z) for a [rows×cols] block. */
  forward(z: Float64Array, a: Float64Array, rows: number, cols: number): void;
  /** dZ = dA ⊙ φ′(z) (for softmax, the Jacobian-vector product of each row). `a` holds φ(z). */
  backward(z: Float64Array, a: Float64Array, dA: Float64Array, dZ: Float64Array, rows: number, cols: number): void;
}

const generic = (act: Activation): ActivationKernel => ({
  forward(z, a, rows, cols) {
    const f = act.f;
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = f(z[k]);
  },
  backward(z, a, dA, dZ, rows, cols) {
    const df = act.df;
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = dA[k] * df(z[k]);
  },
});

const identityKernel: ActivationKernel = {
  forward(z, a, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = z[k];
  },
  backward(z, a, dA, dZ, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = dA[k];
  },
};

const reluKernel: ActivationKernel = {
  forward(z, a, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = z[k] > 0 ? z[k] : 0;
  },
  backward(z, a, dA, dZ, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = z[k] > 0 ? dA[k] : 0;
  },
};

const leakyKernel = (slope: number): ActivationKernel => ({
  forward(z, a, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = z[k] > 0 ? z[k] : slope * z[k];
  },
  backward(z, a, dA, dZ, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = z[k] > 0 ? dA[k] : slope * dA[k];
  },
});

const eluKernel = (alpha: number): ActivationKernel => ({
  forward(z, a, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = z[k] > 0 ? z[k] : alpha * Math.expm1(z[k]);
  },
  backward(z, a, dA, dZ, rows, cols) {
    // for z ≤ 0: φ′ = αe^z = φ(z) + α
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = z[k] > 0 ? dA[k] : dA[k] * (a[k] + alpha);
  },
});

const sigmoidKernel: ActivationKernel = {
  forward(z, a, rows, cols) {
    // sigmoidValue inlined (the same formula, so the same numbers): one branch per sign, no overflow
    for (let k = 0, len = rows * cols; k < len; k++) {
      const zk = z[k];
      if (zk >= 0) a[k] = 1 / (1 + Math.exp(-zk));
      else {
        const e = Math.exp(zk);
        a[k] = e / (1 + e);
      }
    }
  },
  backward(z, a, dA, dZ, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = dA[k] * a[k] * (1 - a[k]);
  },
};

const tanhKernel: ActivationKernel = {
  forward(z, a, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) a[k] = Math.tanh(z[k]);
  },
  backward(z, a, dA, dZ, rows, cols) {
    for (let k = 0, len = rows * cols; k < len; k++) dZ[k] = dA[k] * (1 - a[k] * a[k]);
  },
};

const softmaxKernel: ActivationKernel = {
  forward(z, a, rows, cols) {
    softmaxRowsInPlace(z, a, rows, cols);
  },
  backward(z, a, dA, dZ, rows, cols) {
    // dz_j = ŷ_j (da_j − Σ_k ŷ_k da_k): the softmax Jacobian applied to da, row by row.
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) s += a[o + j] * dA[o + j];
      for (let j = 0; j < cols; j++) dZ[o + j] = a[o + j] * (dA[o + j] - s);
    }
  },
};

/** The fastest kernel for `act`. */
export function activationKernel(act: Activation): ActivationKernel {
  if (act.rowwise && act.name === 'softmax') return softmaxKernel;
  if (act === activations.identity) return identityKernel;
  if (act === activations.relu) return reluKernel;
  if (act === activations.sigmoid) return sigmoidKernel;
  if (act === activations.tanh) return tanhKernel;
  if (act.name === 'leakyRelu' && typeof act.params?.slope === 'number') return leakyKernel(act.params.slope);
  if (act.name === 'elu' && typeof act.params?.alpha === 'number') return eluKernel(act.params.alpha);
  return generic(act);
}
