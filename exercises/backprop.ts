/**
 * Exercise 6 — backpropagation through a two-layer MLP.
 * Forward:  Z1 = XW1 + b1,  H = φ(Z1),  Z2 = HW2 + b2,  Ŷ = output(Z2).
 * Reverse:  δ2 = ∂L/∂Z2,  dW2 = Hᵀδ2,  db2 = Σ_rows δ2,
 *           δ1 = (δ2 W2ᵀ) ⊙ φ'(Z1),  dW1 = Xᵀδ1,  db1 = Σ_rows δ1.
 */
import { NotImplemented } from './not-implemented';

/** The hidden activations a two-layer MLP may use. */
export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu';

/** A two-layer MLP: inputs → hidden (φ) → outputs. */
export interface TwoLayerNet {
  /** Input-to-hidden weights [inputs × hidden]. */
  W1: number[][];
  /** Hidden biases [hidden]. */
  b1: number[];
  /** Hidden-to-output weights [hidden × outputs]. */
  W2: number[][];
  /** Output biases [outputs]. */
  b2: number[];
  /** The hidden layer's activation φ. */
  hidden: HiddenActivation;
}

/** The loss at the current parameters and its gradient with respect to each of them (same shapes). */
export interface Gradients {
  loss: number;
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/** Gradients for a regression MLP: identity output, loss MSE = (1/nk) Σ (ŷ − y)². */
export function backpropMse(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  throw new NotImplemented('backpropMse', 'notebooks/04-mlp-backprop.ipynb, section "The reverse pass"');
}

/** Gradients for a classification MLP: softmax output, loss cross-entropy −(1/n) Σ y log ŷ; δ2 = (ŷ − y)/n. */
export function backpropSoftmaxCrossEntropy(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  throw new NotImplemented('backpropSoftmaxCrossEntropy', 'notebooks/04-mlp-backprop.ipynb, section "The reverse pass"');
}
