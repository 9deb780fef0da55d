/**
 * Exercise 5 — loss functions and their gradients.
 * yTrue and yPred are [samples × outputs]. Regression losses average over every entry
 * (n·k of them); cross-entropies sum over the classes and average over the n samples.
 * Each gradient is ∂L/∂yPred (or ∂L/∂logits), with the same shape as yPred.
 */
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
