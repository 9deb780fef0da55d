/**
 * Exercise 02 (notebook 02-perceptron) — the perceptron rule.
 * A perceptron is a layer of TLUs: ŷ = φ(xW + b) with W of shape [inputs × outputs].
 * After each sample it moves every weight by w_ij ← w_ij + η(y_j − ŷ_j)x_i and every
 * bias by b_j ← b_j + η(y_j − ŷ_j).
 */
import { NotImplemented } from './not-implemented';

/** Weights [inputs × outputs] and biases [outputs] of a perceptron. */
export interface PerceptronParams {
  /** w[i][j] connects input i to output j. */
  w: number[][];
  /** b[j] is the bias of output j. */
  b: number[];
}

/** The outcome of one epoch: the parameters after it and how many samples it got wrong. */
export interface EpochResult extends PerceptronParams {
  /** Samples whose prediction (before their update) differed from the target in any output. */
  errors: number;
}

/** The outcome of training until an error-free epoch or the budget. */
export interface TrainResult extends PerceptronParams {
  /** errors of each epoch run, in order; the last is 0 when training converged. */
  errorsPerEpoch: number[];
  /** true when an epoch made no error. */
  converged: boolean;
}

/** The perceptron's prediction ŷ_j = step(Σ_i x_i w_ij + b_j), with step(0) = 1. */
export function perceptronPredict(w: number[][], b: number[], x: number[]): number[] {
  throw new NotImplemented('perceptronPredict', 'notebooks/02-perceptron.ipynb, section "The perceptron rule"');
}

/** One update of the perceptron rule on sample (x, y); returns new arrays, the inputs stay as they were. */
export function perceptronUpdate(w: number[][], b: number[], x: number[], y: number[], eta: number): PerceptronParams {
  throw new NotImplemented('perceptronUpdate', 'notebooks/02-perceptron.ipynb, section "The perceptron rule"');
}

/** One epoch: the rule applied to every sample in order; counts the samples predicted wrongly. */
export function perceptronEpoch(w: number[][], b: number[], X: number[][], Y: number[][], eta: number): EpochResult {
  throw new NotImplemented('perceptronEpoch', 'notebooks/02-perceptron.ipynb, section "Iterative updating"');
}

/**
 * Trains from zero weights and biases, epoch after epoch, until an error-free epoch or maxEpochs epochs.
 * X is [samples × inputs]; Y is [samples × outputs] of 0/1 (one row per sample, even with one output).
 */
export function trainPerceptron(X: number[][], Y: number[][], eta: number, maxEpochs: number): TrainResult {
  throw new NotImplemented('trainPerceptron', 'notebooks/02-perceptron.ipynb, section "Iterative updating"');
}
