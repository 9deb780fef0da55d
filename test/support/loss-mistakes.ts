// The usual mistakes in the course's losses and their gradients, as the values they produce on a
// test's inputs (see diagnose.ts). yTrue, yPred: [n samples × k outputs]; regression losses are
// means over the n·k entries, cross-entropies sums over the classes and means over the n samples.
import { Mistake, hasNonFinite, times } from './diagnose';
import { lossOracle, softmaxOracle } from './oracles';

const errors = (t: number[][], p: number[][]) => t.map((row, i) => row.map((y, j) => p[i][j] - y));
const meanOf = (M: number[][]) => M.flat().reduce((s, v) => s + v, 0) / M.flat().length;
const sizes = (t: number[][]) => ({ n: t.length, k: t[0].length });

/** How a mean over every entry goes wrong: summed, or divided by the samples only. */
function averaging(value: number | number[][], t: number[][], what: string): Mistake[] {
  const { n, k } = sizes(t);
  return [
    { hint: `${what} is summed, not averaged: divide by the number of entries n·k = ${n * k}.`, value: times(value, n * k) },
    { hint: `${what} is divided by the n = ${n} samples only: average over every entry, n samples × k outputs = ${n * k}.`, value: times(value, k) },
  ];
}

export function mseMistakes(t: number[][], p: number[][]): Mistake[] {
  const mse = lossOracle.mse(t, p);
  return [
    { hint: 'the square is missing: this is the mean of |ŷ − y| (the MAE), not of (ŷ − y)².', value: lossOracle.mae(t, p) },
    { hint: 'the square is missing: this is the mean of (ŷ − y) itself, where positive and negative errors cancel.', value: meanOf(errors(t, p)) },
    { hint: 'this is the root of the MSE (the RMSE): the MSE is the mean of (ŷ − y)², without a square root.', value: Math.sqrt(mse) },
    { hint: 'the squares are halved (e²/2 is Huber\'s quadratic part): the MSE is the mean of (ŷ − y)².', value: mse / 2 },
    ...averaging(mse, t, 'the sum of the squared errors'),
  ];
}

export function mseGradientMistakes(t: number[][], p: number[][]): Mistake[] {
  const { n, k } = sizes(t);
  const g = errors(t, p).map((row) => row.map((e) => (2 * e) / (n * k)));
  return [
    { hint: 'the sign is flipped: ∂/∂ŷ of (ŷ − y)² is +2(ŷ − y), positive when the prediction is too high.', value: times(g, -1) },
    { hint: 'the factor 2 from differentiating the square is missing: 2(ŷ − y)/(n·k).', value: times(g, 0.5) },
    ...averaging(g, t, 'the gradient of the mean'),
  ];
}

export function maeMistakes(t: number[][], p: number[][]): Mistake[] {
  return [
    { hint: 'the absolute value is missing: positive and negative errors cancel in the mean of (ŷ − y).', value: meanOf(errors(t, p)) },
    { hint: 'this is the MSE: the MAE averages |ŷ − y|, not (ŷ − y)².', value: lossOracle.mse(t, p) },
    ...averaging(lossOracle.mae(t, p), t, 'the sum of the absolute errors'),
  ];
}

export function maeGradientMistakes(t: number[][], p: number[][]): Mistake[] {
  const { n, k } = sizes(t);
  const e = errors(t, p);
  const g = e.map((row) => row.map((v) => Math.sign(v) / (n * k)));
  return [
    { hint: 'the sign is flipped: the slope of |ŷ − y| with respect to ŷ is sign(ŷ − y).', value: times(g, -1) },
    { hint: 'this grows with the error: the slope of |e| is sign(e) = ±1 whatever the size of e, so the gradient is sign(ŷ − y)/(n·k).', value: e.map((row) => row.map((v) => v / (n * k))) },
    ...averaging(g, t, 'the gradient of the mean'),
  ];
}

export function huberMistakes(t: number[][], p: number[][], delta: number): Mistake[] {
  const mean = (f: (a: number) => number) => meanOf(errors(t, p).map((row) => row.map((e) => f(Math.abs(e)))));
  return [
    { hint: 'the quadratic part lacks its ½: inside |e| ≤ δ it is e²/2, so that it meets the linear part smoothly.', value: mean((a) => (a <= delta ? a * a : delta * (a - delta / 2))) },
    { hint: 'the linear part lacks its −δ/2: beyond |e| > δ it is δ(|e| − δ/2), which meets e²/2 at |e| = δ.', value: mean((a) => (a <= delta ? a * a / 2 : delta * a)) },
    { hint: `δ is ignored: use the delta argument (here ${delta}), not 1.`, value: lossOracle.huber(t, p, 1) },
    ...averaging(lossOracle.huber(t, p, delta), t, 'the sum of the Huber terms'),
  ];
}

export function huberGradientMistakes(t: number[][], p: number[][], delta: number): Mistake[] {
  const { n, k } = sizes(t);
  const g = errors(t, p).map((row) => row.map((e) => (Math.abs(e) <= delta ? e : delta * Math.sign(e)) / (n * k)));
  return [
    { hint: 'the gradient is not capped: beyond |e| > δ it is δ·sign(e), not e; that cap is why Huber resists outliers.', value: errors(t, p).map((row) => row.map((e) => e / (n * k))) },
    { hint: 'the sign is flipped: the gradient follows (ŷ − y).', value: times(g, -1) },
    ...averaging(g, t, 'the gradient of the mean'),
  ];
}

export function crossEntropyMistakes(Y: number[][], P: number[][]): Mistake[] {
  const ce = lossOracle.crossEntropy(Y, P);
  const { k } = sizes(Y);
  return [
    { hint: 'NaN or ∞: 0·log 0 is NaN in floating point. Only the true class counts, so skip the terms with y = 0 (they are 0), and never take the log of their probabilities.', value: hasNonFinite },
    { hint: 'the minus sign is missing: log p ≤ 0, so −log p is the (positive) loss.', value: -ce },
    { hint: `this is averaged over the n·k entries: the cross-entropy sums over the k = ${k} classes and averages over the n samples only.`, value: ce / k },
    { hint: `this is the sum over the samples: divide by the n = ${Y.length} samples.`, value: ce * Y.length },
    { hint: 'this uses log₁₀: the cross-entropy uses the natural log, Math.log.', value: ce / Math.LN10 },
  ];
}

export function crossEntropyGradientMistakes(Y: number[][], P: number[][]): Mistake[] {
  const n = Y.length;
  const g = Y.map((row, i) => row.map((y, k) => (y === 0 ? 0 : -y / (n * P[i][k]))));
  return [
    { hint: 'NaN or ∞: −y/p is 0/0 where y = 0 and p = 0; such entries of the gradient are 0 (their term of the loss is 0).', value: hasNonFinite },
    { hint: 'the sign is flipped: ∂(−y·log p)/∂p = −y/p.', value: times(g, -1) },
    { hint: `the 1/n of the mean over the n = ${n} samples is missing.`, value: times(g, n) },
  ];
}

export function softmaxCrossEntropyGradientMistakes(Y: number[][], Z: number[][]): Mistake[] {
  const n = Y.length;
  const g = Z.map((z, i) => softmaxOracle(z).map((s, k) => (s - Y[i][k]) / n));
  return [
    { hint: 'NaN or ∞: softmax overflowed; subtract each row\'s largest logit before exponentiating.', value: hasNonFinite },
    { hint: 'the sign is flipped: it is (softmax(z) − y)/n, prediction minus target.', value: times(g, -1) },
    { hint: `the 1/n of the mean over the n = ${n} samples is missing.`, value: times(g, n) },
    { hint: 'the softmax is missing: the gradient is (softmax(z) − y)/n, with probabilities, not the raw logits z.', value: Z.map((z, i) => z.map((v, k) => (v - Y[i][k]) / n)) },
  ];
}
