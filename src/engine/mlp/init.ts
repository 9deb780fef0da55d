/** Weight initialisers, all seeded. Biases start at 0. */
import { Rng } from '../rng';

/** The initialiser names. */
export const initNames = ['zeros', 'uniform', 'glorot', 'he'] as const;

/**
 * How weights start: `zeros` (to show that symmetry is never broken), `uniform` U(−0.5, 0.5)
 * (as TensorFlow Playground), `glorot` U(−r, r) with r = √(6 / (fan_in + fan_out)),
 * `he` N(0, 2 / fan_in) (for ReLU layers).
 */
export type InitName = (typeof initNames)[number];

/** Fills `w` (a layer's weights) by the initialiser `init`. */
export function initWeights(init: InitName, w: Float64Array, fanIn: number, fanOut: number, rng: Rng): void {
  switch (init) {
    case 'zeros':
      w.fill(0);
      return;
    case 'uniform':
      for (let k = 0; k < w.length; k++) w[k] = rng.uniform(-0.5, 0.5);
      return;
    case 'glorot': {
      const r = Math.sqrt(6 / (fanIn + fanOut));
      for (let k = 0; k < w.length; k++) w[k] = rng.uniform(-r, r);
      return;
    }
    case 'he': {
      const s = Math.sqrt(2 / fanIn);
      for (let k = 0; k < w.length; k++) w[k] = rng.normal(0, s);
      return;
    }
  }
}
