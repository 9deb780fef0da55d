/**
 * Exercise 01 (notebook 01-neurons) — the threshold logic unit (TLU).
 * A TLU computes the weighted sum z = x·w + b of its inputs and passes it through
 * the Heaviside step: h = φ(z), φ(z) = 1 if z ≥ 0, else 0.
 */

/** A logic gate that a single TLU can compute. */
export type Gate = 'and' | 'or' | 'nand';

/** Weights and bias of one TLU with two inputs. */
export interface TluWeights {
  /** One weight per input: [w1, w2]. */
  w: number[];
  /** The bias b, added to the weighted sum. */
  b: number;
}

/** The Heaviside step: 1 when z ≥ 0 (so step(0) = 1), else 0. */
export function step(z: number): number {
  return z >= 0 ? 1 : 0;
}

/** The TLU's output h = φ(x·w + b) for one input vector x. */
export function tluOutput(x: number[], w: number[], b: number): number {
  let z = b;
  for (let i = 0; i < x.length; i++) z += x[i] * w[i];
  return step(z);
}

/** Weights and bias, chosen by hand, with which a TLU computes the gate on inputs 0/1. */
export function handWeights(gate: Gate): TluWeights {
  switch (gate) {
    // AND fires only when both inputs are 1: 1 + 1 − 1.5 ≥ 0, but 1 − 1.5 < 0.
    case 'and': return { w: [1, 1], b: -1.5 };
    // OR fires when at least one input is 1: 1 − 0.5 ≥ 0, but 0 − 0.5 < 0.
    case 'or': return { w: [1, 1], b: -0.5 };
    // NAND is AND with every sign flipped: −2 + 1.5 < 0, but −1 + 1.5 ≥ 0.
    case 'nand': return { w: [-1, -1], b: 1.5 };
    default: throw new Error(`handWeights: expected 'and', 'or' or 'nand', got ${JSON.stringify(gate)}`);
  }
}
