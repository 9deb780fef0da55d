/**
 * Exercise 06 (notebook 06-classification) — the classification MLP.
 * Softmax turns a row of logits z into probabilities; the loss is the cross-entropy, summed over the
 * classes and averaged over the n samples. Targets are one-hot rows [samples × classes]; each
 * gradient has the shape of what it differentiates by (probabilities or logits).
 */
import { relu, reluDerivative, sigmoid, sigmoidDerivative, tanh, tanhDerivative } from './05-activations';
import { gradientStep, TwoLayerNet } from './04-mlp-backprop';

/** The hidden activations of notebook 05 that a classifier may use. */
export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu';

/** The two-layer MLP of exercise 04 with a choice of hidden activation; its output layer is a softmax. */
export interface ClassifierNet extends TwoLayerNet {
  /** The hidden layer's activation φ. */
  hidden: HiddenActivation;
}

/** The loss and its gradient with respect to every parameter (same shapes as the parameters). */
export interface ClassifierGradients {
  loss: number;
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/** softmax(z)_k = e^(z_k) / Σ_j e^(z_j), computed after subtracting max(z) so that it never overflows. */
export function softmax(z: number[]): number[] {
  let m = z[0];
  for (const v of z) if (v > m) m = v;
  const e = z.map((v) => Math.exp(v - m));
  let total = 0;
  for (const v of e) total += v;
  return e.map((v) => v / total);
}

/** Cross-entropy of predicted probabilities p against one-hot targets: −(1/n) Σ_i Σ_k y_ik log p_ik. */
export function crossEntropy(yTrue: number[][], probabilities: number[][]): number {
  let total = 0;
  yTrue.forEach((row, i) => row.forEach((y, k) => { if (y !== 0) total -= y * Math.log(probabilities[i][k]); }));
  return total / yTrue.length;
}

/** ∂CE/∂p = −y/(n·p). */
export function crossEntropyGradient(yTrue: number[][], probabilities: number[][]): number[][] {
  const n = yTrue.length;
  return yTrue.map((row, i) => row.map((y, k) => (y === 0 ? 0 : -y / (n * probabilities[i][k]))));
}

/** Cross-entropy straight from logits z (p = softmax(z)), stable: log p_k = z_k − m − log Σ_j e^(z_j − m), m = max(z). */
export function softmaxCrossEntropy(yTrue: number[][], logits: number[][]): number {
  let total = 0;
  yTrue.forEach((row, i) => {
    const z = logits[i];
    const m = Math.max(...z);
    let s = 0;
    for (const v of z) s += Math.exp(v - m);
    const logSum = m + Math.log(s);
    row.forEach((y, k) => { if (y !== 0) total -= y * (z[k] - logSum); });
  });
  return total / yTrue.length;
}

/** ∂CE/∂z = (softmax(z) − y)/n: the famous simple gradient of softmax and cross-entropy together. */
export function softmaxCrossEntropyGradient(yTrue: number[][], logits: number[][]): number[][] {
  const n = yTrue.length;
  return yTrue.map((row, i) => {
    const z = logits[i];
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, c) => a + c, 0);
    return row.map((y, k) => (e[k] / s - y) / n);
  });
}

const PHI = { sigmoid, tanh, relu };
const PHI_DERIVATIVE = { sigmoid: sigmoidDerivative, tanh: tanhDerivative, relu: reluDerivative };

/**
 * Backpropagation through the classifier: Z1 = XW1 + b1, H = φ(Z1), Z2 = HW2 + b2, P = softmax(Z2) row by row,
 * loss = softmaxCrossEntropy(Y, Z2). The reverse pass is that of exercise 04 with δ2 = (P − Y)/n.
 */
export function backpropSoftmaxCrossEntropy(net: ClassifierNet, X: number[][], Y: number[][]): ClassifierGradients {
  const phi = PHI[net.hidden];
  const phiDerivative = PHI_DERIVATIVE[net.hidden];
  const affine = (A: number[][], W: number[][], b: number[]) => A.map((a) => b.map((bj, j) => a.reduce((s, ai, i) => s + ai * W[i][j], bj)));
  const transposeTimes = (A: number[][], B: number[][]) => A[0].map((_, i) => B[0].map((__, j) => A.reduce((s, a, r) => s + a[i] * B[r][j], 0)));
  const columnSums = (A: number[][]) => A[0].map((_, j) => A.reduce((s, row) => s + row[j], 0));
  const Z1 = affine(X, net.W1, net.b1);
  const H = Z1.map((row) => row.map(phi));
  const Z2 = affine(H, net.W2, net.b2);
  const delta2 = softmaxCrossEntropyGradient(Y, Z2);
  const delta1 = delta2.map((d, r) => Z1[r].map((z, j) => d.reduce((s, dk, k) => s + dk * net.W2[j][k], 0) * phiDerivative(z)));
  return {
    loss: softmaxCrossEntropy(Y, Z2),
    dW1: transposeTimes(X, delta1), db1: columnSums(delta1),
    dW2: transposeTimes(H, delta2), db2: columnSums(delta2),
  };
}

/** A small seeded generator (mulberry32) so that training is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Column means and standard deviations of the training data (std 0 → 1, so a constant feature stays 0). */
function standardizer(X: number[][]): (x: number[]) => number[] {
  const d = X[0].length;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of X) x.forEach((v, j) => { mean[j] += v / X.length; });
  for (const x of X) x.forEach((v, j) => { std[j] += (v - mean[j]) ** 2 / X.length; });
  const s = std.map((v) => (v > 0 ? Math.sqrt(v) : 1));
  return (x) => x.map((v, j) => (v - mean[j]) / s[j]);
}

/**
 * Trains a classifier on (XTrain, yTrain), yTrain holding class indices 0..classes−1,
 * and returns the predicted class index of every row of XTest. The features come raw:
 * standardise them with the training set's mean and standard deviation. Graded: held-out
 * accuracy ≥ 0.9 on iris (3 classes), within a time limit of 20 s.
 */
export function trainClassifier(XTrain: number[][], yTrain: number[], classes: number, XTest: number[][]): number[] {
  const scale = standardizer(XTrain);
  const X = XTrain.map(scale);
  const Y = yTrain.map((c) => Array.from({ length: classes }, (_, k) => (k === c ? 1 : 0)));
  const rand = seeded(1);
  // Glorot-uniform weights, zero biases.
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => (2 * rand() - 1) * limit));
  };
  const hidden = 16;
  let net: ClassifierNet = { W1: glorot(X[0].length, hidden), b1: new Array<number>(hidden).fill(0), W2: glorot(hidden, classes), b2: new Array<number>(classes).fill(0), hidden: 'tanh' };
  for (let epoch = 0; epoch < 200; epoch++) net = { ...gradientStep(net, backpropSoftmaxCrossEntropy(net, X, Y), 0.5), hidden: net.hidden };
  // The largest logit is the most probable class: softmax keeps the order.
  return XTest.map(scale).map((x) => {
    const h = net.b1.map((b, j) => tanh(x.reduce((s, xi, i) => s + xi * net.W1[i][j], b)));
    const z = net.b2.map((b, k) => h.reduce((s, hj, j) => s + hj * net.W2[j][k], b));
    return z.indexOf(Math.max(...z));
  });
}
