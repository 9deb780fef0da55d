/**
 * Exercise 6 — backpropagation through a two-layer MLP.
 * Forward:  Z1 = XW1 + b1,  H = φ(Z1),  Z2 = HW2 + b2,  Ŷ = output(Z2).
 * Reverse:  δ2 = ∂L/∂Z2,  dW2 = Hᵀδ2,  db2 = Σ_rows δ2,
 *           δ1 = (δ2 W2ᵀ) ⊙ φ'(Z1),  dW1 = Xᵀδ1,  db1 = Σ_rows δ1.
 */

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

function phi(z: number, hidden: HiddenActivation): number {
  if (hidden === 'sigmoid') return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  if (hidden === 'tanh') return Math.tanh(z);
  return z > 0 ? z : 0;
}

/** φ'(z), written from the activation value a = φ(z) where that is simpler. */
function phiDerivative(z: number, a: number, hidden: HiddenActivation): number {
  if (hidden === 'sigmoid') return a * (1 - a);
  if (hidden === 'tanh') return 1 - a * a;
  return z > 0 ? 1 : 0;
}

function affine(X: number[][], W: number[][], b: number[]): number[][] {
  return X.map((x) => {
    const z = b.slice();
    x.forEach((xi, i) => { for (let j = 0; j < z.length; j++) z[j] += xi * W[i][j]; });
    return z;
  });
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

/** Runs the network forward and back, given how to turn Z2 into (loss, δ2). */
function backprop(net: TwoLayerNet, X: number[][], outputDelta: (Z2: number[][]) => { loss: number; delta: number[][] }): Gradients {
  const Z1 = affine(X, net.W1, net.b1);
  const H = Z1.map((row) => row.map((z) => phi(z, net.hidden)));
  const Z2 = affine(H, net.W2, net.b2);
  const { loss, delta: delta2 } = outputDelta(Z2);
  const dW2 = transposeTimes(H, delta2);
  const db2 = columnSums(delta2);
  // Send the error back through W2, then through the hidden activation's slope.
  const delta1 = delta2.map((d, r) => net.W1[0].map((_, h) => {
    let s = 0;
    for (let k = 0; k < d.length; k++) s += d[k] * net.W2[h][k];
    return s * phiDerivative(Z1[r][h], H[r][h], net.hidden);
  }));
  const dW1 = transposeTimes(X, delta1);
  const db1 = columnSums(delta1);
  return { loss, dW1, db1, dW2, db2 };
}

/** Gradients for a regression MLP: identity output, loss MSE = (1/nk) Σ (ŷ − y)². */
export function backpropMse(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  return backprop(net, X, (Z2) => {
    const m = Y.length * Y[0].length;
    let loss = 0;
    const delta = Z2.map((row, i) => row.map((yHat, k) => {
      const e = yHat - Y[i][k];
      loss += e * e;
      return (2 * e) / m;
    }));
    return { loss: loss / m, delta };
  });
}

/** Gradients for a classification MLP: softmax output, loss cross-entropy −(1/n) Σ y log ŷ; δ2 = (ŷ − y)/n. */
export function backpropSoftmaxCrossEntropy(net: TwoLayerNet, X: number[][], Y: number[][]): Gradients {
  return backprop(net, X, (Z2) => {
    const n = Y.length;
    let loss = 0;
    const delta = Z2.map((z, i) => {
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const s = e.reduce((a, c) => a + c, 0);
      const logSum = m + Math.log(s);
      Y[i].forEach((y, k) => { if (y !== 0) loss -= y * (z[k] - logSum); });
      return e.map((v, k) => (v / s - Y[i][k]) / n);
    });
    return { loss: loss / n, delta };
  });
}
