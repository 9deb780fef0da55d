/**
 * Exercise 05 (notebook 05-activations) — activation functions and their derivatives.
 * Each derivative is written right beside its function, as dφ/dz at the same z.
 */
import { NotImplemented } from './not-implemented';

/** The logistic sigmoid σ(z) = 1 / (1 + e^(−z)); finite for any finite z. */
export function sigmoid(z: number): number {
  throw new NotImplemented('sigmoid', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** σ'(z) = σ(z)(1 − σ(z)). */
export function sigmoidDerivative(z: number): number {
  throw new NotImplemented('sigmoidDerivative', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** The hyperbolic tangent tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), in (−1, 1). */
export function tanh(z: number): number {
  throw new NotImplemented('tanh', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** tanh'(z) = 1 − tanh(z)². */
export function tanhDerivative(z: number): number {
  throw new NotImplemented('tanhDerivative', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** ReLU(z) = max(0, z). */
export function relu(z: number): number {
  throw new NotImplemented('relu', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** ReLU'(z) = 1 for z > 0, else 0 (at z = 0 we take 0). */
export function reluDerivative(z: number): number {
  throw new NotImplemented('reluDerivative', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** Leaky ReLU as the course writes it: max(0.1z, z). */
export function leakyRelu(z: number): number {
  throw new NotImplemented('leakyRelu', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** Leaky ReLU'(z) = 1 for z > 0, else 0.1. */
export function leakyReluDerivative(z: number): number {
  throw new NotImplemented('leakyReluDerivative', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** ELU(z) = z for z > 0, else α(e^z − 1). */
export function elu(z: number, alpha = 1): number {
  throw new NotImplemented('elu', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** ELU'(z) = 1 for z > 0, else α·e^z. */
export function eluDerivative(z: number, alpha = 1): number {
  throw new NotImplemented('eluDerivative', 'notebooks/05-activations.ipynb, section "Activation functions and their derivatives"');
}

/** Maxout over k linear pieces z = [z1, …, zk]: the largest piece. */
export function maxout(z: number[]): number {
  throw new NotImplemented('maxout', 'notebooks/05-activations.ipynb, section "Maxout"');
}

/** ∂maxout/∂z_i: 1 for the (first) largest piece, 0 for the others — the gradient flows only through the winner. */
export function maxoutGradient(z: number[]): number[] {
  throw new NotImplemented('maxoutGradient', 'notebooks/05-activations.ipynb, section "Maxout"');
}
