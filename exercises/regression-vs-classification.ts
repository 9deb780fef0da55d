/**
 * Exercise 9 — regression versus classification.
 * The output layer and the loss follow from what the targets are (Géron, Table 10-1);
 * the rest of the network can stay the same.
 */
// You may import your own exercises here, e.g. `import { backpropMse } from './backprop';`.
import { NotImplemented } from './not-implemented';

/** What the targets of a task are. */
export type TaskDescription =
  | 'binary classification'
  | 'multilabel binary classification'
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
 * Trains a classifier on (XTrain, yTrain), yTrain holding class indices 0..classes−1,
 * and returns the predicted class index of every row of XTest. The features come raw:
 * standardise them with the training set's mean and standard deviation. Graded: held-out
 * accuracy ≥ 0.9 on iris (3 classes), within a time limit of 20 s.
 */
export function trainClassifier(XTrain: number[][], yTrain: number[], classes: number, XTest: number[][]): number[] {
  throw new NotImplemented('trainClassifier', 'notebooks/06-classification.ipynb, section "A classification MLP"');
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
