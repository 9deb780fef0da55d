/**
 * Exercise 7 — training: gradient descent, mini-batches, and why zero initialisation fails.
 * Uses the two-layer MLP and the gradients of exercise 6 (./backprop).
 */
import { backpropMse, Gradients, HiddenActivation, TwoLayerNet } from './backprop';

/** Options of the mini-batch loop. */
export interface MiniBatchOptions {
  /** Learning rate η. */
  eta: number;
  /** Number of passes over the data. */
  epochs: number;
  /** Samples per batch; the batches are taken in order (rows 0..B−1, B..2B−1, …), the last one may be smaller. */
  batchSize: number;
}

/** The network after training and the loss over the whole data set after each epoch. */
export interface TrainingRun {
  net: TwoLayerNet;
  /** losses[e] = MSE on all of (X, Y) after epoch e + 1. */
  losses: number[];
}

/** One gradient-descent step θ ← θ − η·∂L/∂θ on every parameter; returns a new network. */
export function gradientStep(net: TwoLayerNet, grads: Gradients, eta: number): TwoLayerNet {
  const stepMatrix = (W: number[][], dW: number[][]) => W.map((row, i) => row.map((w, j) => w - eta * dW[i][j]));
  const stepVector = (b: number[], db: number[]) => b.map((v, j) => v - eta * db[j]);
  return {
    W1: stepMatrix(net.W1, grads.dW1),
    b1: stepVector(net.b1, grads.db1),
    W2: stepMatrix(net.W2, grads.dW2),
    b2: stepVector(net.b2, grads.db2),
    hidden: net.hidden,
  };
}

/** Mini-batch gradient descent on the MSE (identity output), starting from the given network. */
export function trainMiniBatch(net: TwoLayerNet, X: number[][], Y: number[][], options: MiniBatchOptions): TrainingRun {
  const { eta, epochs, batchSize } = options;
  let current = net;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < X.length; start += batchSize) {
      const grads = backpropMse(current, X.slice(start, start + batchSize), Y.slice(start, start + batchSize));
      current = gradientStep(current, grads, eta);
    }
    losses.push(backpropMse(current, X, Y).loss);
  }
  return { net: current, losses };
}

/** Full-batch gradient descent on the MSE from all-zero weights and biases (hidden units, then outputs = Y's columns). */
export function trainFromZeros(X: number[][], Y: number[][], hidden: number, activation: HiddenActivation, eta: number, epochs: number): TwoLayerNet {
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const start: TwoLayerNet = {
    W1: zeros(X[0].length, hidden),
    b1: new Array<number>(hidden).fill(0),
    W2: zeros(hidden, Y[0].length),
    b2: new Array<number>(Y[0].length).fill(0),
    hidden: activation,
  };
  return trainMiniBatch(start, X, Y, { eta, epochs, batchSize: X.length }).net;
}

/**
 * Whether every hidden unit is a copy of the first one: the same incoming weights (column of W1),
 * bias (b1) and outgoing weights (row of W2), up to |difference| ≤ 1e-12. Then symmetry was never broken
 * and the layer acts like a single unit.
 */
export function hiddenUnitsIdentical(net: TwoLayerNet): boolean {
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12;
  for (let h = 1; h < net.b1.length; h++) {
    if (!same(net.b1[h], net.b1[0])) return false;
    if (!net.W1.every((row) => same(row[h], row[0]))) return false;
    if (!net.W2[h].every((w, k) => same(w, net.W2[0][k]))) return false;
  }
  return true;
}
