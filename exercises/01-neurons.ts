/**
 * Exercise 01 (notebook 01-neurons) — the threshold logic unit (TLU).
 * A TLU computes the weighted sum z = x·w + b of its inputs and passes it through
 * the Heaviside step: h = φ(z), φ(z) = 1 if z ≥ 0, else 0.
 */
import { NotImplemented } from './not-implemented';

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
  throw new NotImplemented('step', 'notebooks/01-neurons.ipynb, section "The threshold logic unit"');
}

/** The TLU's output h = φ(x·w + b) for one input vector x. */
export function tluOutput(x: number[], w: number[], b: number): number {
  throw new NotImplemented('tluOutput', 'notebooks/01-neurons.ipynb, section "The threshold logic unit"');
}

/** Weights and bias, chosen by hand, with which a TLU computes the gate on inputs 0/1. */
export function handWeights(gate: Gate): TluWeights {
  throw new NotImplemented('handWeights', 'notebooks/01-neurons.ipynb, section "AND and OR by hand"');
}
