/**
 * Exercise 08 (notebook 08-learning-rate) — the learning rate.
 * The problem: linear regression ŷ = x·w + b trained by full-batch gradient descent on the MSE
 * (1/n) Σ (ŷ − y)², from w = 0, b = 0, for a fixed number of epochs.
 */
import { NotImplemented } from './not-implemented';

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

/**
 * Three learning rates for the problem, judged by running them (full-batch gradient descent
 * from zeros for problem.epochs epochs) and reading the losses with classifyRun's rules:
 * tooSlow must give 'too slow', converges 'converged', diverges 'diverged'.
 * Gradient descent on a quadratic converges for η < 2/λmax and diverges above it,
 * λmax being the largest curvature of the loss; far below it progress is tiny.
 */
export function chooseLearningRates(problem: LearningRateProblem): LearningRateChoice {
  throw new NotImplemented('chooseLearningRates', 'notebooks/08-learning-rate.ipynb, sections "Question 2: a rate too slow to be useful" and "Question 3: a rate so high that training diverges"');
}

/**
 * Reads a loss history, checking in this order:
 * 1. 'diverged' if any loss is NaN or ±∞, or the last loss is larger than the first;
 * 2. 'converged' if the last loss is at most target;
 * 3. 'oscillating' if the loss went up from one epoch to the next in at least a quarter of the steps;
 * 4. 'too slow' otherwise.
 */
export function classifyRun(losses: number[], target: number): Verdict {
  throw new NotImplemented('classifyRun', 'notebooks/08-learning-rate.ipynb, section "The learning rate"');
}
