/**
 * The computing core of an MLP on preallocated Float64Arrays: a Workspace holds every buffer
 * (batch copies, z and a of every layer, deltas, gradients) for up to `capacity` rows, so the
 * training loop allocates nothing per batch. `forwardRows` and `backwardRows` are the two passes.
 */
import { Loss, losses } from '../losses';
import { activations, softmaxActivation } from '../activations';
import { Matrix } from '../matrix';
import { Layer } from './layer';

/** How the output layer meets the loss. */
export interface Head {
  /** The loss L(ŷ, y). */
  readonly loss: Loss;
  /**
   * Softmax + cross-entropy and sigmoid + binary cross-entropy are fused: dL/dz = (ŷ − y)/N,
   * and the loss is computed from z (log-sum-exp), which stays finite where log ŷ would not.
   */
  readonly fused: 'softmaxCrossEntropy' | 'sigmoidBinaryCrossEntropy' | null;
  /** Number of outputs (units of the last layer). */
  readonly outputs: number;
}

/** Works out whether the output activation and the loss are fused. */
export function makeHead(last: Layer, loss: Loss): Head {
  let fused: Head['fused'] = null;
  if (last.type === 'dense') {
    if (last.activation === softmaxActivation && loss === losses.crossEntropy) fused = 'softmaxCrossEntropy';
    if (last.activation === activations.sigmoid && loss === losses.binaryCrossEntropy) fused = 'sigmoidBinaryCrossEntropy';
  }
  return { loss, fused, outputs: last.units };
}

/** Every buffer one pass needs, for up to `capacity` rows. */
export class Workspace {
  /** Rows the buffers hold. */
  readonly capacity: number;
  /** The batch's inputs [capacity × inputs]. */
  readonly x: Float64Array;
  /** The batch's targets [capacity × outputs]. */
  readonly y: Float64Array;
  /** Pre-activations z of each layer [capacity × units·pieces]. */
  readonly z: Float64Array[];
  /** Activations a of each layer [capacity × units]. */
  readonly a: Float64Array[];
  /** Winning piece of each maxout unit (null for dense layers). */
  readonly arg: (Int32Array | null)[];
  /** dL/dz of each layer (backward only). */
  readonly dZ: Float64Array[] = [];
  /** dL/da of each layer (backward only). */
  readonly dA: Float64Array[] = [];
  /** dL/dW of each layer (backward only). */
  readonly gW: Float64Array[] = [];
  /** dL/db of each layer (backward only). */
  readonly gb: Float64Array[] = [];

  constructor(layers: readonly Layer[], capacity: number, withBackward: boolean) {
    this.capacity = capacity;
    this.x = new Float64Array(capacity * layers[0].inputs);
    this.y = new Float64Array(capacity * layers[layers.length - 1].units);
    this.z = layers.map((l) => new Float64Array(capacity * l.zCols));
    this.a = layers.map((l) => new Float64Array(capacity * l.units));
    this.arg = layers.map((l) => (l.type === 'maxout' ? new Int32Array(capacity * l.units) : null));
    if (withBackward) {
      for (const l of layers) {
        this.dZ.push(new Float64Array(capacity * l.zCols));
        this.dA.push(new Float64Array(capacity * l.units));
        this.gW.push(new Float64Array(l.W.data.length));
        this.gb.push(new Float64Array(l.b.data.length));
      }
    }
  }

  /** The gradient arrays in parameter order [dW0, db0, dW1, db1, …]. */
  gradientArrays(): Float64Array[] {
    const out: Float64Array[] = [];
    for (let l = 0; l < this.gW.length; l++) out.push(this.gW[l], this.gb[l]);
    return out;
  }
}

/** Forward pass of the first `rows` rows of `ws.x` through every layer. */
export function forwardRows(layers: readonly Layer[], ws: Workspace, rows: number): void {
  let x = ws.x;
  for (let l = 0; l < layers.length; l++) {
    layers[l].linear(rows, x, ws.z[l]);
    layers[l].activate(rows, ws.z[l], ws.a[l], ws.arg[l]);
    x = ws.a[l];
  }
}

/** The loss of the first `rows` rows (after `forwardRows`), averaged over those rows. */
export function batchLoss(layers: readonly Layer[], head: Head, ws: Workspace, rows: number): number {
  const L = layers.length - 1;
  const m = head.outputs;
  const z = ws.z[L];
  const a = ws.a[L];
  const y = ws.y;
  const len = rows * m;
  if (head.fused === 'softmaxCrossEntropy') {
    // −Σ_k y_k log ŷ_k with log ŷ_k = z_k − logΣ_j e^{z_j} (log-sum-exp, shifted by the row max)
    let s = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      let mx = -Infinity;
      for (let j = 0; j < m; j++) if (z[o + j] > mx) mx = z[o + j];
      let se = 0;
      for (let j = 0; j < m; j++) se += Math.exp(z[o + j] - mx);
      const lse = mx + Math.log(se);
      for (let j = 0; j < m; j++) if (y[o + j] !== 0) s += y[o + j] * (lse - z[o + j]);
    }
    return s / rows;
  }
  if (head.fused === 'sigmoidBinaryCrossEntropy') {
    // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − zy + log(1 + e^−|z|)
    let s = 0;
    for (let k = 0; k < len; k++) {
      const zk = z[k];
      s += (zk > 0 ? zk : 0) - zk * y[k] + Math.log1p(Math.exp(-Math.abs(zk)));
    }
    return s / len;
  }
  const loss = head.loss;
  if (loss.valueArray) return loss.valueArray(a, y, len, rows);
  return loss.value(new Matrix(rows, m, a.slice(0, len)), new Matrix(rows, m, y.slice(0, len)));
}

/** Backward pass (after `forwardRows`): fills ws.dZ, ws.dA, ws.gW and ws.gb for the first `rows` rows. */
export function backwardRows(layers: readonly Layer[], head: Head, ws: Workspace, rows: number): void {
  const L = layers.length - 1;
  const m = head.outputs;
  const len = rows * m;
  const a = ws.a[L];
  const y = ws.y;
  const dZL = ws.dZ[L];
  if (head.fused) {
    // dL/dz = (ŷ − y)/N, N = samples for cross-entropy, samples × outputs for binary cross-entropy
    const inv = head.fused === 'softmaxCrossEntropy' ? 1 / rows : 1 / len;
    for (let k = 0; k < len; k++) dZL[k] = (a[k] - y[k]) * inv;
  } else {
    const dAL = ws.dA[L];
    const loss = head.loss;
    if (loss.gradArray) loss.gradArray(a, y, dAL, len, rows);
    else dAL.set(loss.grad(new Matrix(rows, m, a.slice(0, len)), new Matrix(rows, m, y.slice(0, len))).data);
    layers[L].deactivate(rows, ws.z[L], a, ws.arg[L], dAL, dZL);
  }
  // Go through the layers backwards: δ of a layer gives its gradients and the δ of the layer below.
  for (let l = L; l >= 0; l--) {
    if (l < L) layers[l].deactivate(rows, ws.z[l], ws.a[l], ws.arg[l], ws.dA[l], ws.dZ[l]);
    const input = l === 0 ? ws.x : ws.a[l - 1];
    layers[l].gradients(rows, input, ws.dZ[l], ws.gW[l], ws.gb[l], l > 0 ? ws.dA[l - 1] : null);
  }
}

/** How many of the first `rows` rows are classified right (argmax, or ŷ ≥ 0.5 for one output). */
export function countCorrect(a: Float64Array, y: Float64Array, rows: number, m: number): number {
  let hits = 0;
  if (m === 1) {
    for (let i = 0; i < rows; i++) if (a[i] >= 0.5 === y[i] >= 0.5) hits++;
    return hits;
  }
  for (let i = 0; i < rows; i++) {
    const o = i * m;
    let pa = 0;
    let py = 0;
    for (let j = 1; j < m; j++) {
      if (a[o + j] > a[o + pa]) pa = j;
      if (y[o + j] > y[o + py]) py = j;
    }
    if (pa === py) hits++;
  }
  return hits;
}

/** Copies rows `idx[from … from+rows−1]` of X and Y into the workspace's batch buffers. */
export function gatherRows(X: Matrix, Y: Matrix, idx: Int32Array, from: number, rows: number, ws: Workspace): void {
  const d = X.cols;
  const m = Y.cols;
  const xs = X.data;
  const ys = Y.data;
  for (let r = 0; r < rows; r++) {
    const i = idx[from + r];
    for (let j = 0; j < d; j++) ws.x[r * d + j] = xs[i * d + j];
    for (let j = 0; j < m; j++) ws.y[r * m + j] = ys[i * m + j];
  }
}
