/**
 * Exercise 06 (notebook 06-classification) — the classification MLP.
 * Softmax turns a row of logits z into probabilities; the loss is the cross-entropy, summed over the
 * classes and averaged over the n samples. Targets are one-hot rows [samples × classes]; each
 * gradient has the shape of what it differentiates by (probabilities or logits).
 */
// Reuse your own exercises here, e.g. `import { gradientStep, TwoLayerNet } from './04-mlp-backprop';` and `import { tanhDerivative } from './05-activations';`.
import { NotImplemented } from './not-implemented';
import type { TwoLayerNet } from './04-mlp-backprop';

/** The hidden activations of notebook 05 that a classifier may use. */
export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu';

/** The two-layer MLP of exercise 04 with a choice of hidden activation; its output layer is a softmax. */
export interface ClassifierNet extends TwoLayerNet {
  /** The hidden layer's activation φ. */
  hidden: HiddenActivation;
}

/** The loss and its gradient with respect to every parameter (same shapes as the parameters). */
export interface ClassifierGradients {
  loss: number;
  dW1: number[][];
  db1: number[];
  dW2: number[][];
  db2: number[];
}

/** softmax(z)_k = e^(z_k) / Σ_j e^(z_j), computed after subtracting max(z) so that it never overflows. */
export function softmax(z: number[]): number[] {
  throw new NotImplemented('softmax', 'notebooks/06-classification.ipynb, section "Softmax"');
}

/** Cross-entropy of predicted probabilities p against one-hot targets: −(1/n) Σ_i Σ_k y_ik log p_ik. */
export function crossEntropy(yTrue: number[][], probabilities: number[][]): number {
  throw new NotImplemented('crossEntropy', 'notebooks/06-classification.ipynb, section "Cross-entropy"');
}

/** ∂CE/∂p = −y/(n·p). */
export function crossEntropyGradient(yTrue: number[][], probabilities: number[][]): number[][] {
  throw new NotImplemented('crossEntropyGradient', 'notebooks/06-classification.ipynb, section "Cross-entropy"');
}

/** Cross-entropy straight from logits z (p = softmax(z)), stable: log p_k = z_k − m − log Σ_j e^(z_j − m), m = max(z). */
export function softmaxCrossEntropy(yTrue: number[][], logits: number[][]): number {
  throw new NotImplemented('softmaxCrossEntropy', 'notebooks/06-classification.ipynb, section "Cross-entropy"');
}

/** ∂CE/∂z = (softmax(z) − y)/n: the famous simple gradient of softmax and cross-entropy together. */
export function softmaxCrossEntropyGradient(yTrue: number[][], logits: number[][]): number[][] {
  throw new NotImplemented('softmaxCrossEntropyGradient', 'notebooks/06-classification.ipynb, section "Cross-entropy"');
}

/**
 * Backpropagation through the classifier: Z1 = XW1 + b1, H = φ(Z1), Z2 = HW2 + b2, P = softmax(Z2) row by row,
 * loss = softmaxCrossEntropy(Y, Z2). The reverse pass is that of exercise 04 with δ2 = (P − Y)/n.
 */
export function backpropSoftmaxCrossEntropy(net: ClassifierNet, X: number[][], Y: number[][]): ClassifierGradients {
  throw new NotImplemented('backpropSoftmaxCrossEntropy', 'notebooks/06-classification.ipynb, section "Cross-entropy"');
}

/**
 * Trains a classifier on (XTrain, yTrain), yTrain holding class indices 0..classes−1,
 * and returns the predicted class index of every row of XTest. The features come raw:
 * standardise them with the training set's mean and standard deviation. Graded: held-out
 * accuracy ≥ 0.9 on iris (3 classes), within a time limit of 20 s.
 */
export function trainClassifier(XTrain: number[][], yTrain: number[], classes: number, XTest: number[][]): number[] {
  throw new NotImplemented('trainClassifier', 'notebooks/06-classification.ipynb, section "Standardising the inputs"');
}
