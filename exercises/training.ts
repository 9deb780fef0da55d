/**
 * Exercise 7 — training: gradient descent, mini-batches, and why zero initialisation fails.
 * Uses the two-layer MLP and the gradients of exercise 6 (./backprop).
 */
import { NotImplemented } from './not-implemented';
import type { Gradients, HiddenActivation, TwoLayerNet } from './backprop';

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
  throw new NotImplemented('gradientStep', 'notebooks/04-mlp-backprop.ipynb, section "The gradient-descent step"');
}

/** Mini-batch gradient descent on the MSE (identity output), starting from the given network. */
export function trainMiniBatch(net: TwoLayerNet, X: number[][], Y: number[][], options: MiniBatchOptions): TrainingRun {
  throw new NotImplemented('trainMiniBatch', 'notebooks/04-mlp-backprop.ipynb, section "Repeat: training"');
}

/** Full-batch gradient descent on the MSE from all-zero weights and biases (hidden units, then outputs = Y's columns). */
export function trainFromZeros(X: number[][], Y: number[][], hidden: number, activation: HiddenActivation, eta: number, epochs: number): TwoLayerNet {
  throw new NotImplemented('trainFromZeros', 'notebooks/04-mlp-backprop.ipynb, section "Breaking symmetry: zero initialisation fails"');
}

/**
 * Whether every hidden unit is a copy of the first one: the same incoming weights (column of W1),
 * bias (b1) and outgoing weights (row of W2), up to |difference| ≤ 1e-12. Then symmetry was never broken
 * and the layer acts like a single unit.
 */
export function hiddenUnitsIdentical(net: TwoLayerNet): boolean {
  throw new NotImplemented('hiddenUnitsIdentical', 'notebooks/04-mlp-backprop.ipynb, section "Breaking symmetry: zero initialisation fails"');
}
