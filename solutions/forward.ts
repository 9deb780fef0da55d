/**
 * Exercise 4 — the forward pass in matrix form.
 * A dense layer computes H = φ(XW + b): X is [samples × inputs], W is [inputs × units],
 * b has one entry per unit and is added to every row.
 */

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

function applyActivation(z: number[], activation: LayerActivation): number[] {
  switch (activation) {
    case 'identity': return z.slice();
    case 'sigmoid': return z.map((v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
    case 'tanh': return z.map((v) => Math.tanh(v));
    case 'relu': return z.map((v) => (v > 0 ? v : 0));
    case 'softmax': {
      // Subtract the row's maximum first: e^(z − m) ≤ 1 never overflows.
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const total = e.reduce((a, c) => a + c, 0);
      return e.map((v) => v / total);
    }
    default: throw new Error(`unknown activation ${JSON.stringify(activation)}`);
  }
}

/** A dense layer in matrix form: H = φ(XW + b), one row of H per row of X. */
export function denseLayer(X: number[][], W: number[][], b: number[], activation: LayerActivation): number[][] {
  return X.map((x) => {
    const z = b.slice();
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const Wi = W[i];
      for (let j = 0; j < z.length; j++) z[j] += xi * Wi[j];
    }
    return applyActivation(z, activation);
  });
}

/** A whole MLP: each layer's output is the next layer's input; returns the last layer's output. */
export function mlpForward(X: number[][], layers: DenseLayer[]): number[][] {
  let H = X;
  for (const layer of layers) H = denseLayer(H, layer.W, layer.b, layer.activation);
  return H === X ? X.map((row) => row.slice()) : H;
}
