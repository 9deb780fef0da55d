/**
 * Exercise 02 (notebook 02-perceptron) — the perceptron rule.
 * A perceptron is a layer of TLUs: ŷ = φ(xW + b) with W of shape [inputs × outputs].
 * After each sample it moves every weight by w_ij ← w_ij + η(y_j − ŷ_j)x_i and every
 * bias by b_j ← b_j + η(y_j − ŷ_j).
 */

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
  const yHat: number[] = [];
  for (let j = 0; j < b.length; j++) {
    let z = b[j];
    for (let i = 0; i < x.length; i++) z += x[i] * w[i][j];
    yHat.push(z >= 0 ? 1 : 0);
  }
  return yHat;
}

/** One update of the perceptron rule on sample (x, y); returns new arrays, the inputs stay as they were. */
export function perceptronUpdate(w: number[][], b: number[], x: number[], y: number[], eta: number): PerceptronParams {
  const yHat = perceptronPredict(w, b, x);
  // The error term is (target − prediction): positive when the unit should have fired.
  const error = y.map((yj, j) => yj - yHat[j]);
  const newW = w.map((row, i) => row.map((wij, j) => wij + eta * error[j] * x[i]));
  const newB = b.map((bj, j) => bj + eta * error[j]);
  return { w: newW, b: newB };
}

/** One epoch: the rule applied to every sample in order; counts the samples predicted wrongly. */
export function perceptronEpoch(w: number[][], b: number[], X: number[][], Y: number[][], eta: number): EpochResult {
  let params: PerceptronParams = { w, b };
  let errors = 0;
  for (let s = 0; s < X.length; s++) {
    const yHat = perceptronPredict(params.w, params.b, X[s]);
    if (yHat.some((v, j) => v !== Y[s][j])) errors++;
    params = perceptronUpdate(params.w, params.b, X[s], Y[s], eta);
  }
  // When no sample was visited, hand back copies so that callers never share arrays.
  return { w: params.w.map((row) => row.slice()), b: params.b.slice(), errors };
}

/**
 * Trains from zero weights and biases, epoch after epoch, until an error-free epoch or maxEpochs epochs.
 * X is [samples × inputs]; Y is [samples × outputs] of 0/1 (one row per sample, even with one output).
 */
export function trainPerceptron(X: number[][], Y: number[][], eta: number, maxEpochs: number): TrainResult {
  const inputs = X[0].length;
  const outputs = Y[0].length;
  let w: number[][] = Array.from({ length: inputs }, () => new Array<number>(outputs).fill(0));
  let b: number[] = new Array<number>(outputs).fill(0);
  const errorsPerEpoch: number[] = [];
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    const result = perceptronEpoch(w, b, X, Y, eta);
    w = result.w;
    b = result.b;
    errorsPerEpoch.push(result.errors);
    if (result.errors === 0) return { w, b, errorsPerEpoch, converged: true };
  }
  return { w, b, errorsPerEpoch, converged: false };
}
