/**
 * Learning-rate problems for exercise 8: linear regression data whose curvature differs
 * between problems, so that no fixed set of rates answers them all.
 */
import { leastSquaresLoss, mulberry32 } from './oracles';

export interface LrProblem { X: number[][]; y: number[]; epochs: number; target: number }

/** n samples, features uniform in [−scale_j, scale_j], y linear plus a little noise; target 1% above the best loss. */
export function lrProblem(seed: number, scales: number[], epochs: number, n = 40): LrProblem {
  const rand = mulberry32(seed);
  const coef = scales.map(() => 2 * rand() - 1);
  const X = Array.from({ length: n }, () => scales.map((s) => s * (2 * rand() - 1)));
  const y = X.map((x) => x.reduce((s, v, j) => s + v * coef[j], 0.5) + 0.1 * (2 * rand() - 1));
  const best = leastSquaresLoss(X, y);
  const start = y.reduce((s, v) => s + v * v, 0) / n; // the loss of w = 0, b = 0
  return { X, y, epochs, target: best + 0.01 * (start - best) };
}
