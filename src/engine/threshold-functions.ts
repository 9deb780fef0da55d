/**
 * The thresholds of the TLU and the perceptron, unchecked, for their loops over every sample.
 * The public `thresholds` (tlu.ts) wraps them with a check of z. Not re-exported by index.ts.
 */

/** step(z) = 1 for z ≥ 0, else 0 (Heaviside with step(0) = 1); sign(z) = sgn z ∈ {−1, 0, +1}. */
export const thresholdFunctions = {
  step: (z: number): number => (z >= 0 ? 1 : 0),
  sign: (z: number): number => (z > 0 ? 1 : z < 0 ? -1 : 0),
} as const;
