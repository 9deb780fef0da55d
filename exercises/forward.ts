/**
 * Exercise 4 — the forward pass in matrix form.
 * A dense layer computes H = φ(XW + b): X is [samples × inputs], W is [inputs × units],
 * b has one entry per unit and is added to every row.
 */
import { NotImplemented } from './not-implemented';

/** The activations a dense layer may use ('identity' = no activation; 'softmax' acts on each row). */
export type LayerActivation = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';

/** One dense layer's parameters. */
export interface DenseLayer {
  /** Weights [inputs × units]. */
  W: number[][];
  /** Biases, one per unit. */
  b: number[];
  /** The activation φ applied to XW + b. */
  activation: LayerActivation;
}

/** A dense layer in matrix form: H = φ(XW + b), one row of H per row of X. */
export function denseLayer(X: number[][], W: number[][], b: number[], activation: LayerActivation): number[][] {
  throw new NotImplemented('denseLayer', 'notebooks/04-mlp-backprop.ipynb, section "The forward pass"');
}

/** A whole MLP: each layer's output is the next layer's input; returns the last layer's output. */
export function mlpForward(X: number[][], layers: DenseLayer[]): number[][] {
  throw new NotImplemented('mlpForward', 'notebooks/04-mlp-backprop.ipynb, section "The forward pass"');
}
