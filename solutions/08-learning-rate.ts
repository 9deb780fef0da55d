/**
 * Exercise 08 (notebook 08-learning-rate) — the learning rate.
 * The problem: linear regression ŷ = x·w + b trained by full-batch gradient descent on the MSE
 * (1/n) Σ (ŷ − y)², from w = 0, b = 0, for a fixed number of epochs.
 */

/** A training problem and its budget. */
export interface LearningRateProblem {
  /** Inputs [samples × features]. */
  X: number[][];
  /** Targets, one per sample. */
  y: number[];
  /** Epochs (full-batch steps) the budget allows. */
  epochs: number;
  /** A run has converged when its loss is at most this. */
  target: number;
}

/** Three learning rates with three different fates. */
export interface LearningRateChoice {
  /** Loss still falling smoothly but above the target when the budget ends. */
  tooSlow: number;
  /** Loss at or below the target within the budget. */
  converges: number;
  /** Loss blows up (grows past its start, or becomes ∞ or NaN). */
  diverges: number;
}

/** How a run ended, read from its loss history. */
export type Verdict = 'converged' | 'too slow' | 'oscillating' | 'diverged';

/** The largest eigenvalue of the loss's Hessian (2/n)·[X 1]ᵀ[X 1], by power iteration. */
function largestCurvature(X: number[][]): number {
  const A = X.map((x) => [...x, 1]);
  const d = A[0].length;
  let v = new Array<number>(d).fill(1);
  let lambda = 0;
  for (let it = 0; it < 200; it++) {
    const Av = A.map((a) => a.reduce((s, ai, i) => s + ai * v[i], 0));
    const next = new Array<number>(d).fill(0);
    A.forEach((a, r) => a.forEach((ai, i) => { next[i] += (2 / A.length) * ai * Av[r]; }));
    lambda = Math.sqrt(next.reduce((s, x) => s + x * x, 0));
    v = next.map((x) => x / lambda);
  }
  return lambda;
}

/**
 * Three learning rates for the problem, judged by running them (full-batch gradient descent
 * from zeros for problem.epochs epochs) and reading the losses with classifyRun's rules:
 * tooSlow must give 'too slow', converges 'converged', diverges 'diverged'.
 * Gradient descent on a quadratic converges for η < 2/λmax and diverges above it,
 * λmax being the largest curvature of the loss; far below it progress is tiny.
 */
export function chooseLearningRates(problem: LearningRateProblem): LearningRateChoice {
  const lambda = largestCurvature(problem.X);
  return { tooSlow: 1e-4 / lambda, converges: 1 / lambda, diverges: 3 / lambda };
}

/**
 * Reads a loss history, checking in this order:
 * 1. 'diverged' if any loss is NaN or ±∞, or the last loss is larger than the first;
 * 2. 'converged' if the last loss is at most target;
 * 3. 'oscillating' if the loss went up from one epoch to the next in at least a quarter of the steps;
 * 4. 'too slow' otherwise.
 */
export function classifyRun(losses: number[], target: number): Verdict {
  if (losses.some((l) => !Number.isFinite(l)) || losses[losses.length - 1] > losses[0]) return 'diverged';
  if (losses[losses.length - 1] <= target) return 'converged';
  let ups = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i] > losses[i - 1]) ups++;
  if (losses.length > 1 && ups >= (losses.length - 1) / 4) return 'oscillating';
  return 'too slow';
}
