/**
 * Exercise 05 (notebook 05-activations) — activation functions and their derivatives.
 * Each derivative is written right beside its function, as dφ/dz at the same z.
 */

/** The logistic sigmoid σ(z) = 1 / (1 + e^(−z)); finite for any finite z. */
export function sigmoid(z: number): number {
  // For z < 0 write it as e^z / (1 + e^z) so that e^(−z) never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ'(z) = σ(z)(1 − σ(z)). */
export function sigmoidDerivative(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

/** The hyperbolic tangent tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), in (−1, 1). */
export function tanh(z: number): number {
  // 1 − 2/(e^(2z) + 1) stays finite: e^(2z) = ∞ gives 1, e^(2z) = 0 gives −1.
  return 1 - 2 / (Math.exp(2 * z) + 1);
}

/** tanh'(z) = 1 − tanh(z)². */
export function tanhDerivative(z: number): number {
  const t = tanh(z);
  return 1 - t * t;
}

/** ReLU(z) = max(0, z). */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** ReLU'(z) = 1 for z > 0, else 0 (at z = 0 we take 0). */
export function reluDerivative(z: number): number {
  return z > 0 ? 1 : 0;
}

/** Leaky ReLU as the course writes it: max(0.1z, z). */
export function leakyRelu(z: number): number {
  return Math.max(0.1 * z, z);
}

/** Leaky ReLU'(z) = 1 for z > 0, else 0.1. */
export function leakyReluDerivative(z: number): number {
  return z > 0 ? 1 : 0.1;
}

/** ELU(z) = z for z > 0, else α(e^z − 1). */
export function elu(z: number, alpha = 1): number {
  return z > 0 ? z : alpha * (Math.exp(z) - 1);
}

/** ELU'(z) = 1 for z > 0, else α·e^z. */
export function eluDerivative(z: number, alpha = 1): number {
  return z > 0 ? 1 : alpha * Math.exp(z);
}

/** Maxout over k linear pieces z = [z1, …, zk]: the largest piece. */
export function maxout(z: number[]): number {
  let best = z[0];
  for (let i = 1; i < z.length; i++) if (z[i] > best) best = z[i];
  return best;
}

/** ∂maxout/∂z_i: 1 for the (first) largest piece, 0 for the others — the gradient flows only through the winner. */
export function maxoutGradient(z: number[]): number[] {
  let arg = 0;
  for (let i = 1; i < z.length; i++) if (z[i] > z[arg]) arg = i;
  return z.map((_, i) => (i === arg ? 1 : 0));
}
