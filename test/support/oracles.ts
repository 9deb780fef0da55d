/**
 * Trusted reference computations that run in the TEST process (never in the sandbox).
 * Written independently of solutions/: plain loops, formulas as the course states them,
 * and numerical gradients instead of hand-derived ones wherever possible.
 */

/** A small seeded generator (mulberry32): numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A [rows × cols] matrix of uniform numbers in [lo, hi). */
export function randomMatrix(rand: () => number, rows: number, cols: number, lo = -1, hi = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => lo + (hi - lo) * rand()));
}

/** A vector of uniform numbers in [lo, hi). */
export function randomVector(rand: () => number, n: number, lo = -1, hi = 1): number[] {
  return Array.from({ length: n }, () => lo + (hi - lo) * rand());
}

/** A deep copy of plain nested arrays/objects (the pristine inputs the oracle uses). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------- TLU and perceptron

/** Heaviside with step(0) = 1. */
export function heaviside(z: number): number {
  return z >= 0 ? 1 : 0;
}

/** φ(x·w + b). */
export function tlu(x: number[], w: number[], b: number): number {
  return heaviside(x.reduce((s, xi, i) => s + xi * w[i], 0) + b);
}

/** Truth tables of the gates on inputs [[0,0],[0,1],[1,0],[1,1]]. */
export const GATE_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]];
export const GATES: Record<'and' | 'or' | 'nand' | 'xor', number[]> = {
  and: [0, 0, 0, 1],
  or: [0, 1, 1, 1],
  nand: [1, 1, 1, 0],
  xor: [0, 1, 1, 0],
};

/** ŷ_j = step(Σ_i x_i w_ij + b_j). */
export function perceptronOutput(w: number[][], b: number[], x: number[]): number[] {
  return b.map((bj, j) => heaviside(x.reduce((s, xi, i) => s + xi * w[i][j], 0) + bj));
}

/** The rule w_ij += η(y_j − ŷ_j)x_i, b_j += η(y_j − ŷ_j), on copies. */
export function perceptronRule(w: number[][], b: number[], x: number[], y: number[], eta: number): { w: number[][]; b: number[] } {
  const yHat = perceptronOutput(w, b, x);
  return {
    w: w.map((row, i) => row.map((wij, j) => wij + eta * (y[j] - yHat[j]) * x[i])),
    b: b.map((bj, j) => bj + eta * (y[j] - yHat[j])),
  };
}

/** One epoch in order; errors = samples whose prediction before the update was wrong in any output. */
export function perceptronEpochOracle(w: number[][], b: number[], X: number[][], Y: number[][], eta: number) {
  let p = { w, b };
  let errors = 0;
  X.forEach((x, s) => {
    const yHat = perceptronOutput(p.w, p.b, x);
    if (yHat.some((v, j) => v !== Y[s][j])) errors++;
    p = perceptronRule(p.w, p.b, x, Y[s], eta);
  });
  return { w: p.w, b: p.b, errors };
}

/** Training from zeros until an error-free epoch or maxEpochs. */
export function trainPerceptronOracle(X: number[][], Y: number[][], eta: number, maxEpochs: number) {
  let w = X[0].map(() => Y[0].map(() => 0));
  let b = Y[0].map(() => 0);
  const errorsPerEpoch: number[] = [];
  for (let e = 0; e < maxEpochs; e++) {
    const r = perceptronEpochOracle(w, b, X, Y, eta);
    w = r.w; b = r.b; errorsPerEpoch.push(r.errors);
    if (r.errors === 0) return { w, b, errorsPerEpoch, converged: true };
  }
  return { w, b, errorsPerEpoch, converged: false };
}

// ---------------------------------------------------------------- activations

/** Reference activations from the formulas (Math.tanh, Math.exp with the overflow-safe branch). */
export const act = {
  sigmoid: (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
  tanh: (z: number) => Math.tanh(z),
  relu: (z: number) => Math.max(0, z),
  leakyRelu: (z: number) => Math.max(0.1 * z, z),
  elu: (z: number, alpha = 1) => (z > 0 ? z : alpha * Math.expm1(z)),
  identity: (z: number) => z,
};

/** Central difference (f(z + h) − f(z − h)) / 2h: the derivative without knowing the formula. */
export function numericalDerivative(f: (z: number) => number, z: number, h = 1e-5): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

/** Softmax via log-sum-exp. */
export function softmaxOracle(z: number[]): number[] {
  const m = Math.max(...z);
  const logSum = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => Math.exp(v - logSum));
}

// ---------------------------------------------------------------- forward pass

export type OracleActivation = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';

/** φ(XW + b), row by row. */
export function denseOracle(X: number[][], W: number[][], b: number[], activation: OracleActivation): number[][] {
  return X.map((x) => {
    const z = b.map((bj, j) => x.reduce((s, xi, i) => s + xi * W[i][j], bj));
    return activation === 'softmax' ? softmaxOracle(z) : z.map(act[activation]);
  });
}

// ---------------------------------------------------------------- losses

function meanOver(yTrue: number[][], yPred: number[][], f: (e: number) => number): number {
  let s = 0;
  let m = 0;
  yTrue.forEach((row, i) => row.forEach((y, j) => { s += f(yPred[i][j] - y); m++; }));
  return s / m;
}

export const lossOracle = {
  mse: (t: number[][], p: number[][]) => meanOver(t, p, (e) => e * e),
  mae: (t: number[][], p: number[][]) => meanOver(t, p, Math.abs),
  huber: (t: number[][], p: number[][], d = 1) => meanOver(t, p, (e) => (Math.abs(e) <= d ? 0.5 * e * e : d * (Math.abs(e) - 0.5 * d))),
  crossEntropy: (t: number[][], p: number[][]) =>
    -t.reduce((s, row, i) => s + row.reduce((r, y, k) => r + (y === 0 ? 0 : y * Math.log(p[i][k])), 0), 0) / t.length,
  softmaxCrossEntropy: (t: number[][], z: number[][]) =>
    -t.reduce((s, row, i) => {
      const m = Math.max(...z[i]);
      const logSum = m + Math.log(z[i].reduce((a, v) => a + Math.exp(v - m), 0));
      return s + row.reduce((r, y, k) => r + (y === 0 ? 0 : y * (z[i][k] - logSum)), 0);
    }, 0) / t.length,
};

/** ∂L/∂P by central differences, one entry at a time. */
export function numericalGradient(loss: (P: number[][]) => number, P: number[][], h = 1e-6): number[][] {
  return P.map((row, i) => row.map((_, j) => {
    const plus = clone(P); plus[i][j] += h;
    const minus = clone(P); minus[i][j] -= h;
    return (loss(plus) - loss(minus)) / (2 * h);
  }));
}

// ---------------------------------------------------------------- two-layer networks

export interface OracleNet {
  W1: number[][]; b1: number[]; W2: number[][]; b2: number[];
  hidden: 'sigmoid' | 'tanh' | 'relu';
}

/** Loss of a two-layer MLP: 'mse' (identity output, mean over n·k entries) or 'softmaxCrossEntropy' (mean over n). */
export function netLoss(net: OracleNet, X: number[][], Y: number[][], loss: 'mse' | 'softmaxCrossEntropy'): number {
  const H = denseOracle(X, net.W1, net.b1, net.hidden);
  const Z = denseOracle(H, net.W2, net.b2, 'identity');
  return loss === 'mse' ? lossOracle.mse(Y, Z) : lossOracle.softmaxCrossEntropy(Y, Z);
}

/** The hidden activations of a two-layer MLP. */
export function hiddenOf(net: OracleNet, X: number[][]): number[][] {
  return denseOracle(X, net.W1, net.b1, net.hidden);
}

/** Numerical gradients of netLoss with respect to every parameter. */
export function netNumericalGradients(net: OracleNet, X: number[][], Y: number[][], loss: 'mse' | 'softmaxCrossEntropy') {
  const f = (n: OracleNet) => netLoss(n, X, Y, loss);
  const gradMatrix = (key: 'W1' | 'W2') => numericalGradient((P) => f({ ...net, [key]: P }), net[key]);
  const gradVector = (key: 'b1' | 'b2') => numericalGradient((P) => f({ ...net, [key]: P[0] }), [net[key]])[0];
  return { loss: f(net), dW1: gradMatrix('W1'), db1: gradVector('b1'), dW2: gradMatrix('W2'), db2: gradVector('b2') };
}

/** A random two-layer network with weights in [−scale, scale). */
export function randomNet(rand: () => number, inputs: number, hidden: number, outputs: number, act: OracleNet['hidden'], scale = 1): OracleNet {
  return {
    W1: randomMatrix(rand, inputs, hidden, -scale, scale), b1: randomVector(rand, hidden, -scale, scale),
    W2: randomMatrix(rand, hidden, outputs, -scale, scale), b2: randomVector(rand, outputs, -scale, scale),
    hidden: act,
  };
}

/** One-hot rows for class indices. */
export function oneHot(labels: number[], classes: number): number[][] {
  return labels.map((c) => Array.from({ length: classes }, (_, k) => (k === c ? 1 : 0)));
}

// ---------------------------------------------------------------- learning rate

/** Full-batch gradient descent on linear regression from zeros; returns the MSE after each epoch. */
export function linearRegressionLosses(X: number[][], y: number[], eta: number, epochs: number): number[] {
  const d = X[0].length;
  const n = X.length;
  let w = new Array<number>(d).fill(0);
  let b = 0;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const err = X.map((x, i) => x.reduce((s, xi, j) => s + xi * w[j], b) - y[i]);
    const gw = w.map((_, j) => (2 / n) * X.reduce((s, x, i) => s + x[j] * err[i], 0));
    const gb = (2 / n) * err.reduce((s, v) => s + v, 0);
    w = w.map((wj, j) => wj - eta * gw[j]);
    b -= eta * gb;
    const loss = X.reduce((s, x, i) => s + (x.reduce((a, xi, j) => a + xi * w[j], b) - y[i]) ** 2, 0) / n;
    losses.push(loss);
    if (!Number.isFinite(loss)) break;
  }
  return losses;
}

/** The lowest MSE a linear model reaches on (X, y): normal equations solved by Gaussian elimination. */
export function leastSquaresLoss(X: number[][], y: number[]): number {
  const A = X.map((x) => [...x, 1]);
  const d = A[0].length;
  const M = Array.from({ length: d }, (_, i) => [
    ...Array.from({ length: d }, (_, j) => A.reduce((s, a) => s + a[i] * a[j], 0)),
    A.reduce((s, a, r) => s + a[i] * y[r], 0),
  ]);
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
    }
  }
  const coef = M.map((row, i) => row[d] / row[i]);
  return A.reduce((s, a, r) => s + (a.reduce((t, ai, i) => t + ai * coef[i], 0) - y[r]) ** 2, 0) / A.length;
}

/** The verdict rules of exercise 8, in their order. */
export function verdictOracle(losses: number[], target: number): 'converged' | 'too slow' | 'oscillating' | 'diverged' {
  const last = losses[losses.length - 1];
  if (losses.some((l) => !Number.isFinite(l)) || last > losses[0]) return 'diverged';
  if (last <= target) return 'converged';
  let ups = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i] > losses[i - 1]) ups++;
  return losses.length > 1 && ups >= (losses.length - 1) / 4 ? 'oscillating' : 'too slow';
}

// ---------------------------------------------------------------- metrics

export function accuracy(yTrue: number[], yPred: number[]): number {
  return yTrue.filter((y, i) => y === yPred[i]).length / yTrue.length;
}

export function r2(yTrue: number[], yPred: number[]): number {
  const mean = yTrue.reduce((s, v) => s + v, 0) / yTrue.length;
  const ssRes = yTrue.reduce((s, v, i) => s + (v - yPred[i]) ** 2, 0);
  const ssTot = yTrue.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - ssRes / ssTot;
}

// ---------------------------------------------------------------- training

/** θ − η·g for every parameter of a two-layer network. */
export function stepOracle(net: OracleNet, g: { dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] }, eta: number): OracleNet {
  const m = (W: number[][], D: number[][]) => W.map((r, i) => r.map((w, j) => w - eta * D[i][j]));
  const v = (b: number[], d: number[]) => b.map((x, j) => x - eta * d[j]);
  return { W1: m(net.W1, g.dW1), b1: v(net.b1, g.db1), W2: m(net.W2, g.dW2), b2: v(net.b2, g.db2), hidden: net.hidden };
}

/** Mini-batch gradient descent on the MSE with numerical gradients, batches in order; the full-data loss after each epoch. */
export function trainOracle(net: OracleNet, X: number[][], Y: number[][], eta: number, epochs: number, batchSize: number) {
  let current = net;
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let s = 0; s < X.length; s += batchSize) {
      current = stepOracle(current, netNumericalGradients(current, X.slice(s, s + batchSize), Y.slice(s, s + batchSize), 'mse'), eta);
    }
    losses.push(netLoss(current, X, Y, 'mse'));
  }
  return { net: current, losses };
}

/** Whether all hidden units of a network are copies of the first (incoming weights, bias, outgoing weights). */
export function unitsIdentical(net: OracleNet, tolerance = 1e-12): boolean {
  const same = (a: number, b: number) => Math.abs(a - b) <= tolerance;
  return net.b1.every((b, h) => same(b, net.b1[0]) && net.W1.every((r) => same(r[h], r[0])) && net.W2[h].every((w, k) => same(w, net.W2[0][k])));
}
