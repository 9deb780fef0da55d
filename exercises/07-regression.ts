/**
 * Exercise 07 (notebook 07-regression) — the regression MLP.
 * yTrue and yPred are [samples × outputs]; the regression losses average over every entry
 * (n·k of them), and each gradient ∂L/∂yPred has the shape of yPred. The output layer and the
 * loss follow from what the targets are (Géron, Table 10-1); the rest of the network stays the same.
 */
// Reuse your own exercises here, e.g. `import { backpropMse, gradientStep } from './04-mlp-backprop';`.
import { NotImplemented } from './not-implemented';

/** Mean squared error: (1/nk) Σ (ŷ − y)². */
export function mse(yTrue: number[][], yPred: number[][]): number {
  throw new NotImplemented('mse', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
}

/** ∂MSE/∂ŷ = 2(ŷ − y)/(nk). */
export function mseGradient(yTrue: number[][], yPred: number[][]): number[][] {
  throw new NotImplemented('mseGradient', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
}

/** Mean absolute error: (1/nk) Σ |ŷ − y|. */
export function mae(yTrue: number[][], yPred: number[][]): number {
  throw new NotImplemented('mae', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
}

/** ∂MAE/∂ŷ = sign(ŷ − y)/(nk), 0 where ŷ = y. */
export function maeGradient(yTrue: number[][], yPred: number[][]): number[][] {
  throw new NotImplemented('maeGradient', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
}

/** Huber loss: (1/nk) Σ ℓ(e), e = ŷ − y, ℓ(e) = e²/2 if |e| ≤ δ, else δ(|e| − δ/2). */
export function huber(yTrue: number[][], yPred: number[][], delta = 1): number {
  throw new NotImplemented('huber', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
}

/** ∂Huber/∂ŷ = e/(nk) where |e| ≤ δ, else δ·sign(e)/(nk): quadratic near 0, linear (outlier-proof) far away. */
export function huberGradient(yTrue: number[][], yPred: number[][], delta = 1): number[][] {
  throw new NotImplemented('huberGradient', 'notebooks/07-regression.ipynb, section "MSE, MAE and Huber: outliers"');
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
  throw new NotImplemented('chooseOutput', 'notebooks/07-regression.ipynb, section "Table 10-1: a typical regression MLP"');
}

/**
 * Trains a regressor on (XTrain, yTrain) and returns a prediction for every row of XTest.
 * Features and target come raw (the diabetes target is in the hundreds): standardise both
 * with the training set's statistics and undo the target's scaling on the predictions.
 * Graded: held-out R² ≥ 0.35 on the diabetes data, within a time limit of 20 s.
 */
export function trainRegressor(XTrain: number[][], yTrain: number[], XTest: number[][]): number[] {
  throw new NotImplemented('trainRegressor', 'notebooks/07-regression.ipynb, section "The diabetes data"');
}
