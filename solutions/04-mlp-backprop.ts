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

/** σ(z) = 1/(1 + e^(−z)), written as e^z/(1 + e^z) for z < 0 so that e^(−z) never overflows. */
function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** A dense layer in matrix form: H = φ(XW + b), one row of H per row of X. */
export function denseLayer(X: number[][], W: number[][], b: number[], activation: LayerActivation): number[][] {
  if (activation !== 'identity' && activation !== 'sigmoid') throw new Error(`denseLayer: expected 'identity' or 'sigmoid', got ${JSON.stringify(activation)}`);
  return X.map((x) => {
    const z = b.slice();
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      const Wi = W[i];
      for (let j = 0; j < z.length; j++) z[j] += xi * Wi[j];
    }
    return activation === 'sigmoid' ? z.map(sigmoid) : z;
  });
}

/** A whole MLP: each layer's output is the next layer's input; returns the last layer's output. */
export function mlpForward(X: number[][], layers: DenseLayer[]): number[][] {
  let H = X;
  for (const layer of layers) H = denseLayer(H, layer.W, layer.b, layer.activation);
  return H === X ? X.map((row) => row.slice()) : H;
}

/** Aᵀ B for A [n × p], B [n × q]. */
function transposeTimes(A: number[][], B: number[][]): number[][] {
  const p = A[0].length;
  const q = B[0].length;
  const out = Array.from({ length: p }, () => new Array<number>(q).fill(0));
  A.forEach((a, r) => a.forEach((ai, i) => { for (let j = 0; j < q; j++) out[i][j] += ai * B[r][j]; }));
  return out;
}

function columnSums(A: number[][]): number[] {
  const out = new Array<number>(A[0].length).fill(0);
  for (const row of A) row.forEach((v, j) => { out[j] += v; });
  return out;
}

/** The MSE loss of the two-layer network on (X, Y) and its gradients, by backpropagation. */
export function backpropMse(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  const H = denseLayer(X, net.W1, net.b1, 'sigmoid');
  const Yhat = denseLayer(H, net.W2, net.b2, 'identity');
  const m = Y.length * Y[0].length;
  let loss = 0;
  const delta2 = Yhat.map((row, i) => row.map((yHat, k) => {
    const e = yHat - Y[i][k];
    loss += e * e;
    return (2 * e) / m;
  }));
  const dW2 = transposeTimes(H, delta2);
  const db2 = columnSums(delta2);
  // Send the error back through W2, then through the sigmoid's slope σ'(z) = σ(z)(1 − σ(z)) = h(1 − h).
  const delta1 = delta2.map((d, r) => H[r].map((h, j) => {
    let s = 0;
    for (let k = 0; k < d.length; k++) s += d[k] * net.W2[j][k];
    return s * h * (1 - h);
  }));
  return { loss: loss / m, dW1: transposeTimes(X, delta1), db1: columnSums(delta1), dW2, db2 };
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
  };
}

/** Mini-batch gradient descent on the MSE, starting from the given network. */
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
export function trainFromZeros(X: number[][], Y: number[][], hidden: number, eta: number, epochs: number): TwoLayerNet {
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const start: TwoLayerNet = {
    W1: zeros(X[0].length, hidden),
    b1: new Array<number>(hidden).fill(0),
    W2: zeros(hidden, Y[0].length),
    b2: new Array<number>(Y[0].length).fill(0),
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
