/**
 * Exercise 07 (notebook 07-regression) — the regression MLP.
 * yTrue and yPred are [samples × outputs]; the regression losses average over every entry
 * (n·k of them), and each gradient ∂L/∂yPred has the shape of yPred. The output layer and the
 * loss follow from what the targets are (Géron, Table 10-1); the rest of the network stays the same.
 */
import { backpropMse, gradientStep, TwoLayerNet } from './04-mlp-backprop';

function entries(yTrue: number[][]): number {
  return yTrue.length * (yTrue[0] ? yTrue[0].length : 0);
}

/** Mean squared error: (1/nk) Σ (ŷ − y)². */
export function mse(yTrue: number[][], yPred: number[][]): number {
  let total = 0;
  yTrue.forEach((row, i) => row.forEach((y, j) => { const e = yPred[i][j] - y; total += e * e; }));
  return total / entries(yTrue);
}

/** ∂MSE/∂ŷ = 2(ŷ − y)/(nk). */
export function mseGradient(yTrue: number[][], yPred: number[][]): number[][] {
  const m = entries(yTrue);
  return yTrue.map((row, i) => row.map((y, j) => (2 * (yPred[i][j] - y)) / m));
}

/** Mean absolute error: (1/nk) Σ |ŷ − y|. */
export function mae(yTrue: number[][], yPred: number[][]): number {
  let total = 0;
  yTrue.forEach((row, i) => row.forEach((y, j) => { total += Math.abs(yPred[i][j] - y); }));
  return total / entries(yTrue);
}

/** ∂MAE/∂ŷ = sign(ŷ − y)/(nk), 0 where ŷ = y. */
export function maeGradient(yTrue: number[][], yPred: number[][]): number[][] {
  const m = entries(yTrue);
  return yTrue.map((row, i) => row.map((y, j) => Math.sign(yPred[i][j] - y) / m));
}

/** Huber loss: (1/nk) Σ ℓ(e), e = ŷ − y, ℓ(e) = e²/2 if |e| ≤ δ, else δ(|e| − δ/2). */
export function huber(yTrue: number[][], yPred: number[][], delta = 1): number {
  let total = 0;
  yTrue.forEach((row, i) => row.forEach((y, j) => {
    const a = Math.abs(yPred[i][j] - y);
    total += a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
  }));
  return total / entries(yTrue);
}

/** ∂Huber/∂ŷ = e/(nk) where |e| ≤ δ, else δ·sign(e)/(nk): quadratic near 0, linear (outlier-proof) far away. */
export function huberGradient(yTrue: number[][], yPred: number[][], delta = 1): number[][] {
  const m = entries(yTrue);
  return yTrue.map((row, i) => row.map((y, j) => {
    const e = yPred[i][j] - y;
    return (Math.abs(e) <= delta ? e : delta * Math.sign(e)) / m;
  }));
}

/** What the targets of a task are. */
export type TaskDescription =
  | 'binary classification'
  | 'multiclass classification'
  | 'regression'
  | 'positive regression'
  | 'regression with outliers'
  | 'bounded regression in [0, 1]'
  | 'bounded regression in [-1, 1]';

/** Output activations ('none' = identity). */
export type OutputActivation = 'none' | 'relu' | 'softplus' | 'sigmoid' | 'tanh' | 'softmax';

/** Losses. */
export type OutputLoss = 'mse' | 'mae' | 'huber' | 'binaryCrossEntropy' | 'crossEntropy';

/** The output layer's activation and the loss to train with. */
export interface OutputChoice {
  activation: OutputActivation;
  loss: OutputLoss;
}

/** Output activation and loss for a task, as in Géron's Table 10-1. */
export function chooseOutput(task: TaskDescription): OutputChoice {
  switch (task) {
    // One probability per output: sigmoid, and the log-loss of a Bernoulli.
    case 'binary classification': return { activation: 'sigmoid', loss: 'binaryCrossEntropy' };
    // Exclusive classes: probabilities that sum to 1.
    case 'multiclass classification': return { activation: 'softmax', loss: 'crossEntropy' };
    case 'regression': return { activation: 'none', loss: 'mse' };
    case 'positive regression': return { activation: 'softplus', loss: 'mse' };
    // MSE squares an outlier's error; Huber grows only linearly far from 0.
    case 'regression with outliers': return { activation: 'none', loss: 'huber' };
    case 'bounded regression in [0, 1]': return { activation: 'sigmoid', loss: 'mse' };
    case 'bounded regression in [-1, 1]': return { activation: 'tanh', loss: 'mse' };
    default: throw new Error(`chooseOutput: unknown task ${JSON.stringify(task)}`);
  }
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

/** Column means and standard deviations of the training data (std 0 → 1). */
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
 * Trains a regressor on (XTrain, yTrain) and returns a prediction for every row of XTest.
 * Features and target come raw (the diabetes target is in the hundreds): standardise both
 * with the training set's statistics and undo the target's scaling on the predictions.
 * Graded: held-out R² ≥ 0.35 on the diabetes data, within a time limit of 20 s.
 */
export function trainRegressor(XTrain: number[][], yTrain: number[], XTest: number[][]): number[] {
  const scale = standardizer(XTrain);
  const X = XTrain.map(scale);
  const mean = yTrain.reduce((a, c) => a + c, 0) / yTrain.length;
  const std = Math.sqrt(yTrain.reduce((a, c) => a + (c - mean) ** 2, 0) / yTrain.length) || 1;
  const Y = yTrain.map((v) => [(v - mean) / std]);
  const rand = seeded(1);
  // Glorot-uniform weights, zero biases.
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Array.from({ length: fanIn }, () => Array.from({ length: fanOut }, () => (2 * rand() - 1) * limit));
  };
  const hidden = 8;
  let net: TwoLayerNet = { W1: glorot(X[0].length, hidden), b1: new Array<number>(hidden).fill(0), W2: glorot(hidden, 1), b2: [0] };
  for (let epoch = 0; epoch < 300; epoch++) net = gradientStep(net, backpropMse(net, X, Y), 0.1);
  // The network's own forward pass (sigmoid hidden layer, identity output), then the target's scale undone.
  const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
  return XTest.map(scale).map((x) => {
    const h = net.b1.map((b, j) => sigmoid(x.reduce((s, xi, i) => s + xi * net.W1[i][j], b)));
    return h.reduce((s, hj, j) => s + hj * net.W2[j][0], net.b2[0]) * std + mean;
  });
}
