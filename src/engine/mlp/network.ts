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
  /**
   * The inputs the passes read: `x`, or a view straight into the data when the batch is a run of
   * consecutive rows (no shuffling), which saves the copy.
   */
  batchX: Float64Array;
  /** The targets the passes read: `y`, or a view into the data (see batchX). */
  batchY: Float64Array;
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
    this.batchX = this.x;
    this.batchY = this.y;
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

/** Forward pass of the first `rows` rows of `ws.batchX` through every layer. */
export function forwardRows(layers: readonly Layer[], ws: Workspace, rows: number): void {
  let x = ws.batchX;
  for (let l = 0; l < layers.length; l++) {
    layers[l].linear(rows, x, ws.z[l]);
    layers[l].activate(rows, ws.z[l], ws.a[l], ws.arg[l]);
    x = ws.a[l];
  }
}

/**
 * The loss of the first `rows` rows (after `forwardRows`), averaged over those rows. With
 * `delta`, a fused head also writes dL/dz = (ŷ − y)/N into ws.dZ of the last layer in the same
 * pass (then call `backwardRows` with `deltaReady`).
 */
export function batchLoss(layers: readonly Layer[], head: Head, ws: Workspace, rows: number, delta = false): number {
  const L = layers.length - 1;
  const m = head.outputs;
  const z = ws.z[L];
  const a = ws.a[L];
  const y = ws.batchY;
  const len = rows * m;
  if (head.fused === 'softmaxCrossEntropy') {
    // −Σ_k y_k log ŷ_k from the softmax output already computed; where some ŷ_k with y_k ≠ 0 is
    // below 1e-300 (log ŷ would lose accuracy or be −∞) that row falls back to
    // log ŷ_k = z_k − logΣ_j e^{z_j} (log-sum-exp, shifted by the row max), which stays finite.
    const dZ = ws.dZ[L];
    const inv = 1 / rows;
    let s = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * m;
      let t = 0;
      let tiny = false;
      for (let j = o; j < o + m; j++) {
        const yj = y[j];
        const aj = a[j];
        if (delta) dZ[j] = (aj - yj) * inv;
        if (yj !== 0) {
          if (aj > 1e-300) t -= yj * Math.log(aj);
          else tiny = true;
        }
      }
      if (tiny) {
        let mx = -Infinity;
        for (let j = o; j < o + m; j++) if (z[j] > mx) mx = z[j];
        let se = 0;
        for (let j = o; j < o + m; j++) se += Math.exp(z[j] - mx);
        const lse = mx + Math.log(se);
        t = 0;
        for (let j = o; j < o + m; j++) if (y[j] !== 0) t += y[j] * (lse - z[j]);
      }
      s += t;
    }
    return s * inv;
  }
  if (head.fused === 'sigmoidBinaryCrossEntropy') {
    // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − zy + log(1 + e^−|z|)
    const dZ = ws.dZ[L];
    const inv = 1 / len;
    let s = 0;
    for (let k = 0; k < len; k++) {
      const zk = z[k];
      if (delta) dZ[k] = (a[k] - y[k]) * inv;
      s += (zk > 0 ? zk : 0) - zk * y[k] + Math.log1p(Math.exp(-Math.abs(zk)));
    }
    return s * inv;
  }
  const loss = head.loss;
  if (loss.valueArray) return loss.valueArray(a, y, len, rows);
  return loss.value(new Matrix(rows, m, a.slice(0, len)), new Matrix(rows, m, y.slice(0, len)));
}

/**
 * Backward pass (after `forwardRows`): fills ws.dZ, ws.dA, ws.gW and ws.gb for the first `rows`
 * rows. `deltaReady`: `batchLoss(…, true)` already wrote the fused head's dL/dz. `sgdRate` > 0:
 * plain SGD, θ ← θ − η·g, done inside the pass by each layer's `sgdStep` (then ws.gW may not be
 * filled and ws.dZ may end up scaled by −η).
 */
export function backwardRows(layers: readonly Layer[], head: Head, ws: Workspace, rows: number, deltaReady = false, sgdRate = 0): void {
  const L = layers.length - 1;
  const m = head.outputs;
  const len = rows * m;
  const a = ws.a[L];
  const y = ws.batchY;
  const dZL = ws.dZ[L];
  if (head.fused) {
    if (!deltaReady) {
      // dL/dz = (ŷ − y)/N, N = samples for cross-entropy, samples × outputs for binary cross-entropy
      const inv = head.fused === 'softmaxCrossEntropy' ? 1 / rows : 1 / len;
      for (let k = 0; k < len; k++) dZL[k] = (a[k] - y[k]) * inv;
    }
  } else {
    const dAL = ws.dA[L];
    const loss = head.loss;
    if (loss.gradArray) loss.gradArray(a, y, dAL, len, rows);
    else dAL.set(loss.grad(new Matrix(rows, m, a.slice(0, len)), new Matrix(rows, m, y.slice(0, len))).data);
    layers[L].deactivate(rows, ws.z[L], a, ws.arg[L], dAL, dZL);
  }
  // Go through the layers backwards: δ of a layer gives its gradients and the δ of the layer below.
  for (let l = L; l >= 0; l--) {
    const layer = layers[l];
    if (l < L) layer.deactivate(rows, ws.z[l], ws.a[l], ws.arg[l], ws.dA[l], ws.dZ[l]);
    const input = l === 0 ? ws.batchX : ws.a[l - 1];
    const dX = l > 0 ? ws.dA[l - 1] : null;
    if (sgdRate > 0) layer.sgdStep(rows, input, ws.dZ[l], ws.gW[l], ws.gb[l], dX, sgdRate);
    else layer.gradients(rows, input, ws.dZ[l], ws.gW[l], ws.gb[l], dX);
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

/**
 * Points the workspace at rows `idx[from … from+rows−1]` of X and Y: views into the data when
 * `consecutive` (idx is 0, 1, 2, … — no shuffling), else one `.set` per row into the batch buffers.
 */
export function gatherRows(X: Matrix, Y: Matrix, idx: Int32Array, from: number, rows: number, ws: Workspace, consecutive = false): void {
  const d = X.cols;
  const m = Y.cols;
  const xs = X.data;
  const ys = Y.data;
  if (consecutive) {
    const whole = rows === X.rows; // full batch: the data itself, no view to allocate
    ws.batchX = whole ? xs : xs.subarray(from * d, (from + rows) * d);
    ws.batchY = whole ? ys : ys.subarray(from * m, (from + rows) * m);
    return;
  }
  const bx = ws.x;
  const by = ws.y;
  for (let r = 0; r < rows; r++) {
    const i = idx[from + r];
    bx.set(xs.subarray(i * d, i * d + d), r * d);
    if (m === 1) by[r] = ys[i];
    else by.set(ys.subarray(i * m, i * m + m), r * m);
  }
  ws.batchX = bx;
  ws.batchY = by;
}
