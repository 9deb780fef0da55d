// The usual mistakes in backpropagation through exercise 04's network (sigmoid hidden layer,
// identity output, MSE over the n·k entries), as the loss and gradients each one produces.
// The right gradients come from numerical differences (oracles.ts); these analytic variants
// exist only to name what went wrong.
import { Mistake, times } from './diagnose';

type Net = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };
type Grads = { loss: number; dW1: number[][]; db1: number[]; dW2: number[][]; db2: number[] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const affine = (A: number[][], W: number[][], b: number[]) => A.map((a) => b.map((bj, j) => a.reduce((s, ai, i) => s + ai * W[i][j], bj)));
const transposeTimes = (A: number[][], B: number[][]) => A[0].map((_, i) => B[0].map((__, j) => A.reduce((s, a, r) => s + a[i] * B[r][j], 0)));
const columnSums = (A: number[][]) => A[0].map((_, j) => A.reduce((s, row) => s + row[j], 0));

interface Variant { outputSigmoid?: boolean; slope?: 'right' | 'none' | 'of-activation'; dW2From?: 'H' | 'Z1' }

/** Backpropagation as written with one slip (or none). */
function backprop(net: Net, X: number[][], Y: number[][], v: Variant): Grads {
  const Z1 = affine(X, net.W1, net.b1);
  const H = Z1.map((row) => row.map(sigmoid));
  const Z2 = affine(H, net.W2, net.b2);
  const out = v.outputSigmoid ? Z2.map((row) => row.map(sigmoid)) : Z2;
  const m = Y.length * Y[0].length;
  let loss = 0;
  const delta2 = out.map((row, i) => row.map((o, k) => {
    const e = o - Y[i][k];
    loss += e * e;
    return ((2 * e) / m) * (v.outputSigmoid ? o * (1 - o) : 1);
  }));
  const slope = (h: number) => (v.slope === 'none' ? 1 : v.slope === 'of-activation' ? sigmoid(h) * (1 - sigmoid(h)) : h * (1 - h));
  const delta1 = delta2.map((d, r) => H[r].map((h, j) => d.reduce((s, dk, k) => s + dk * net.W2[j][k], 0) * slope(h)));
  return { loss: loss / m, dW1: transposeTimes(X, delta1), db1: columnSums(delta1), dW2: transposeTimes(v.dW2From === 'Z1' ? Z1 : H, delta2), db2: columnSums(delta2) };
}

/** For each part of backpropMse's result, the mistakes that change it and the value each gives. */
export function backpropMseMistakes(net: Net, X: number[][], Y: number[][]): Record<keyof Grads, Mistake[]> {
  const n = Y.length;
  const k = Y[0].length;
  const right = backprop(net, X, Y, {});
  const scaled = (c: number) => ({ loss: right.loss, dW1: times(right.dW1, c), db1: times(right.db1, c), dW2: times(right.dW2, c), db2: times(right.db2, c) }) as Grads;
  const slips: [string, Grads][] = [
    ['σ is applied to the output too: this network has no output activation, Ŷ = HW2 + b2 (the notebook\'s XOR network has a sigmoid output, this regression network does not).', backprop(net, X, Y, { outputSigmoid: true })],
    ['the sign is flipped: δ2 = ∂L/∂Ŷ = +2(Ŷ − Y)/(n·k), prediction minus target.', scaled(-1)],
    ['the factor 2 from differentiating the square is missing: δ2 = 2(Ŷ − Y)/(n·k).', scaled(0.5)],
    [`the 1/(n·k) of the mean is missing from δ2: the loss averages over n·k = ${n * k} entries, and so does its gradient.`, scaled(n * k)],
    [`δ2 is divided by the n = ${n} samples only: the MSE averages over every entry, n·k = ${n * k}.`, scaled(k)],
    ['σ\'(Z1) is missing: δ1 = (δ2·W2ᵀ) ⊙ σ\'(Z1), the chain rule through the hidden activation.', backprop(net, X, Y, { slope: 'none' })],
    ['σ\' is taken at the activations: σ\'(Z1) = σ(Z1)(1 − σ(Z1)) = H ⊙ (1 − H), not σ(H)(1 − σ(H)).', backprop(net, X, Y, { slope: 'of-activation' })],
    ['dW2 uses the pre-activations: dW2 = Hᵀδ2 with H = σ(Z1), the hidden activations that feed W2, not Z1.', backprop(net, X, Y, { dW2From: 'Z1' })],
  ];
  const keys = ['loss', 'dW1', 'db1', 'dW2', 'db2'] as const;
  return Object.fromEntries(keys.map((key) => [key, slips.map(([hint, g]) => ({ hint, value: g[key] }))])) as Record<keyof Grads, Mistake[]>;
}
