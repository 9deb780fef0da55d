/**
 * Exercise 5 — loss functions and their gradients.
 * yTrue and yPred are [samples × outputs]. Regression losses average over every entry
 * (n·k of them); cross-entropies sum over the classes and average over the n samples.
 * Each gradient is ∂L/∂yPred (or ∂L/∂logits), with the same shape as yPred.
 */

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
