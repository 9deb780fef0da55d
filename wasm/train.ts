// AssemblyScript source of annlab's resident training step: one step of a dense network — the
// forward pass with its loss, the backward pass with its update — run on buffers that live in
// this module's memory (weights, biases, z, a, the deltas and the batch). The JavaScript side
// (src/engine/mlp/resident.ts) lays the buffers out, copies each batch in, makes two calls a batch
// and reads the weights back when an epoch ends. The kernels are in wasm/train-kernels.ts.
//
// Layout: a layer with u units keeps its z, a and deltas as [rowsP × uP], rowsP and uP rounded
// up to 4 (the 4×4 block of `gemm`); columns u … uP−1 are kept at 0 (the weights' padded columns
// are 0 and the kernels write 0 there), so the padding never feeds a real number.

import { gemm, transpose } from './gemm';
import {
  addBias, activate, deactivate, softmaxCrossEntropy, sigmoidBinaryCrossEntropy, meanSquaredError,
  sgdBias, biasGradient, momentumStep,
} from './train-kernels';

export { gemm, transpose };
export * from './train-kernels';

/** First byte after this module's static data: the JavaScript side lays its buffers out from here. */
export function heapBase(): usize {
  return __heap_base;
}

// The whole step in one call (a call from JavaScript into WebAssembly costs more than the small
// kernels above): the layers are described by a table of 16 f64 fields each, written by
// src/engine/mlp/resident.ts — the field numbers below. Byte offsets are stored as f64 too.
const F_KIND = 0; // activation code (−1: softmax of the fused head)
const F_P = 1; // the activation's parameter
const F_N = 2; // inputs
const F_NP = 3; // inputs rounded up to 4
const F_U = 4; // units
const F_UP = 5; // units rounded up to 4
const F_W = 6;
const F_B = 7;
const F_GB = 8;
const F_Z = 9;
const F_A = 10;
const F_DZ = 11;
const F_DA = 12;
const F_VW = 13;
const F_VB = 14;
const F_GW = 15;

// The heads (how the output layer meets the loss).
const SOFTMAX_CROSS_ENTROPY = 0;
const SIGMOID_BINARY_CROSS_ENTROPY = 1;
const MEAN_SQUARED_ERROR = 2;

// @ts-ignore: decorator
@inline function field(table: usize, l: i32, f: i32): f64 {
  return load<f64>(table + ((<usize>(l * 16 + f)) << 3));
}
// @ts-ignore: decorator
@inline function ptr(table: usize, l: i32, f: i32): usize {
  return <usize>field(table, l, f);
}
// @ts-ignore: decorator
@inline function int(table: usize, l: i32, f: i32): i32 {
  return <i32>field(table, l, f);
}

/**
 * forwardRows and batchLoss(…, true) in one call: every layer's z = xW + b and a = φ(z), then the
 * head's mean loss (returned) and its delta (dZ of the last layer, or dA for MSE).
 * X is the batch [rows × d], Y its targets [rows × m].
 */
export function forwardLoss(layers: i32, table: usize, head: i32, rows: i32, X: usize, d: i32, Y: usize): f64 {
  const rP = (rows + 3) & ~3;
  let x = X;
  let xs = d;
  for (let l = 0; l < layers; l++) {
    const uP = int(table, l, F_UP);
    const z = ptr(table, l, F_Z);
    const a = ptr(table, l, F_A);
    const kind = int(table, l, F_KIND);
    gemm(rP, uP, int(table, l, F_N), x, xs, 1, ptr(table, l, F_W), z, 0);
    addBias(rows, uP, z, ptr(table, l, F_B));
    if (kind >= 0) activate(kind, field(table, l, F_P), rows, int(table, l, F_U), uP, z, a);
    x = a;
    xs = uP;
  }
  const o = layers - 1;
  const m = int(table, o, F_U);
  const uP = int(table, o, F_UP);
  const z = ptr(table, o, F_Z);
  const a = ptr(table, o, F_A);
  if (head == SOFTMAX_CROSS_ENTROPY) return softmaxCrossEntropy(rows, m, uP, z, a, Y, ptr(table, o, F_DZ));
  if (head == SIGMOID_BINARY_CROSS_ENTROPY) return sigmoidBinaryCrossEntropy(rows, m, uP, z, a, Y, ptr(table, o, F_DZ));
  return meanSquaredError(rows, m, uP, a, Y, ptr(table, o, F_DA));
}

/**
 * backwardRows with the update inside it, after `forwardLoss`: for each layer from the top, its
 * δ (through φ′), dX = δ·Wᵀ with the old W (through Wᵀ in `wt`), then plain SGD as
 * Layer.sgdStep does it (b ← b − η·Σδ, W ← W + xᵀ·(−ηδ)), or with `momentum` ≠ 0 the gradients
 * gW = xᵀδ, gb = Σδ and v ← μv − ηg, θ ← θ + v on W and b (`mu` is μ).
 */
export function backwardStep(layers: i32, table: usize, head: i32, rows: i32, X: usize, d: i32, wt: usize, rate: f64, momentum: i32, mu: f64): void {
  const rP = (rows + 3) & ~3;
  for (let l = layers - 1; l >= 0; l--) {
    const kind = int(table, l, F_KIND);
    const n = int(table, l, F_N);
    const nP = int(table, l, F_NP);
    const u = int(table, l, F_U);
    const uP = int(table, l, F_UP);
    const W = ptr(table, l, F_W);
    const dZ = ptr(table, l, F_DZ);
    if (l < layers - 1 || head == MEAN_SQUARED_ERROR) {
      deactivate(kind, field(table, l, F_P), rows * uP, ptr(table, l, F_Z), ptr(table, l, F_A), ptr(table, l, F_DA), dZ);
    }
    const x: usize = l == 0 ? X : ptr(table, l - 1, F_A);
    const xs: i32 = l == 0 ? d : int(table, l - 1, F_UP);
    if (l > 0) {
      transpose(n, uP, W, wt, nP); // Wᵀ [uP × nP]; its padded columns stay 0
      gemm(rP, nP, u, dZ, uP, 1, wt, ptr(table, l - 1, F_DA), 0);
    }
    const gb = ptr(table, l, F_GB);
    const b = ptr(table, l, F_B);
    if (momentum == 0) {
      sgdBias(rows, uP, dZ, gb, b, rate);
      gemm(nP, uP, rows, x, 1, xs, dZ, W, 1);
    } else {
      const gW = ptr(table, l, F_GW);
      gemm(nP, uP, rows, x, 1, xs, dZ, gW, 0);
      biasGradient(rows, uP, dZ, gb);
      momentumStep(nP * uP, W, gW, ptr(table, l, F_VW), mu, rate);
      momentumStep(uP, b, gb, ptr(table, l, F_VB), mu, rate);
    }
  }
}
