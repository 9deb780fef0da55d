/**
 * Exercise 04 (notebook 04-mlp-backprop) — the MLP: forward pass, backpropagation, training.
 * A dense layer computes H = φ(XW + b): X is [samples × inputs], W is [inputs × units], b has one
 * entry per unit and is added to every row. The two-layer MLP of this exercise has a sigmoid hidden
 * layer and an identity output, trained on the MSE:
 * Forward:  Z1 = XW1 + b1,  H = σ(Z1),  Ŷ = Z2 = HW2 + b2,  L = (1/mk) Σ (ŷ − y)² over m samples and k outputs.
 * Reverse:  δ2 = ∂L/∂Z2 = 2(Ŷ − Y)/(mk),  dW2 = Hᵀδ2,  db2 = Σ_rows δ2,
 *           δ1 = (δ2 W2ᵀ) ⊙ σ'(Z1),  dW1 = Xᵀδ1,  db1 = Σ_rows δ1.
 * Step:     θ ← θ − η·∂L/∂θ for every weight and bias.
 */
import { NotImplemented } from './not-implemented';

/** The activations a dense layer may use in this notebook ('identity' = no activation). */
export type LayerActivation = 'identity' | 'sigmoid';

/** One dense layer's parameters. */
export interface DenseLayer {
  /** Weights [inputs × units]. */
  W: number[][];
  /** Biases, one per unit. */
  b: number[];
  /** The activation φ applied to XW + b. */
  activation: LayerActivation;
}

/** A two-layer MLP: inputs → hidden (sigmoid) → outputs (identity). */
export interface TwoLayerNet {
  /** Input-to-hidden weights [inputs × hidden]. */
  W1: number[][];
  /** Hidden biases [hidden]. */
  b1: number[];
  /** Hidden-to-output weights [hidden × outputs]. */
  W2: number[][];
  /** Output biases [outputs]. */
  b2: number[];
}

/** The loss at the current parameters and its gradient with respect to each of them (same shapes). */
export interface Gradients {
  loss: number;
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

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

/** A dense layer in matrix form: H = φ(XW + b), one row of H per row of X. */
export function denseLayer(X: number[][], W: number[][], b: number[], activation: LayerActivation): number[][] {
  throw new NotImplemented('denseLayer', 'notebooks/04-mlp-backprop.ipynb, section "The forward pass"');
}

/** A whole MLP: each layer's output is the next layer's input; returns the last layer's output. */
export function mlpForward(X: number[][], layers: DenseLayer[]): number[][] {
  throw new NotImplemented('mlpForward', 'notebooks/04-mlp-backprop.ipynb, section "The forward pass"');
}

/** The MSE loss of the two-layer network on (X, Y) and its gradients, by backpropagation. */
export function backpropMse(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  throw new NotImplemented('backpropMse', 'notebooks/04-mlp-backprop.ipynb, section "The reverse pass"');
}

/** One gradient-descent step θ ← θ − η·∂L/∂θ on every parameter; returns a new network. */
export function gradientStep(net: TwoLayerNet, grads: Gradients, eta: number): TwoLayerNet {
  throw new NotImplemented('gradientStep', 'notebooks/04-mlp-backprop.ipynb, section "The gradient-descent step"');
}

/** Mini-batch gradient descent on the MSE, starting from the given network. */
export function trainMiniBatch(net: TwoLayerNet, X: number[][], Y: number[][], options: MiniBatchOptions): TrainingRun {
  throw new NotImplemented('trainMiniBatch', 'notebooks/04-mlp-backprop.ipynb, section "Repeat: training"');
}

/** Full-batch gradient descent on the MSE from all-zero weights and biases (hidden units, then outputs = Y's columns). */
export function trainFromZeros(X: number[][], Y: number[][], hidden: number, eta: number, epochs: number): TwoLayerNet {
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
