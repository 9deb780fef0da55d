/** Weight initialisers, all seeded. Biases start at 0. */
import { Rng, isRng } from '../rng';
import { InputError, MAX_UNITS, OptionError, checkChoice, checkInteger, describeValue } from '../errors';

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
  checkChoice('initWeights: init', init, initNames);
  if (!(w instanceof Float64Array)) throw new InputError(`initWeights: w: expected the Float64Array of a layer's weights, got ${describeValue(w)}`);
  checkInteger('initWeights: fanIn', fanIn, 1, MAX_UNITS);
  checkInteger('initWeights: fanOut', fanOut, 1, MAX_UNITS);
  if (!isRng(rng)) throw new OptionError(`initWeights: rng: expected an Rng (seededRng(…)), got ${describeValue(rng)}`);
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
