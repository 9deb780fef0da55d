/**
 * Optimisers: how a gradient g changes the parameters θ. Each keeps its state in arrays
 * allocated once, the same shapes as the parameters.
 */

import { InputError, OptionError, checkChoice, describeValue } from '../errors';
import { checkNumber } from '../options';

/** The optimiser names. */
export const optimizerNames = ['sgd', 'momentum', 'adam'] as const;

/** `sgd`: θ ← θ − ηg. `momentum`: v ← μv − ηg, θ ← θ + v. `adam`: Kingma & Ba (2015). */
export type OptimizerName = (typeof optimizerNames)[number];

/** One optimiser bound to a list of parameter arrays. */
export interface Optimizer {
  /** Updates every parameter array from its gradient array (same order and lengths). */
  step(grads: Float64Array[], learningRate: number): void;
}

/** Creates the optimiser `name` for `params`. `momentum` is μ (also Adam's β1). */
export function createOptimizer(name: OptimizerName, params: Float64Array[], momentum = 0.9): Optimizer {
  checkChoice('createOptimizer: name', name, optimizerNames);
  if (!Array.isArray(params) || params.length === 0 || !params.every((p) => p instanceof Float64Array)) {
    throw new InputError(`createOptimizer: params: expected a non-empty list of Float64Arrays (the weights and biases), got ${describeValue(params)}`);
  }
  // μ < 1, or the velocity (Adam's first moment) grows without bound.
  if (checkNumber('createOptimizer: momentum', momentum) < 0 || momentum >= 1) throw new OptionError(`createOptimizer: momentum: expected 0 ≤ μ < 1, got ${momentum}`);
  if (name === 'sgd') {
    return {
      step(grads, lr) {
        for (let p = 0; p < params.length; p++) {
          const th = params[p];
          const g = grads[p];
          for (let k = 0; k < th.length; k++) th[k] -= lr * g[k];
        }
      },
    };
  }
  const v = params.map((p) => new Float64Array(p.length));
  if (name === 'momentum') {
    return {
      step(grads, lr) {
        for (let p = 0; p < params.length; p++) {
          const th = params[p];
          const g = grads[p];
          const vp = v[p];
          for (let k = 0; k < th.length; k++) {
            vp[k] = momentum * vp[k] - lr * g[k];
            th[k] += vp[k];
          }
        }
      },
    };
  }
  // adam: m ← β1 m + (1−β1) g; s ← β2 s + (1−β2) g²; θ ← θ − η m̂ / (√ŝ + ε) with bias corrections.
  const s = params.map((p) => new Float64Array(p.length));
  const beta1 = momentum;
  const beta2 = 0.999;
  const eps = 1e-8;
  let t = 0;
  return {
    step(grads, lr) {
      t++;
      const c1 = 1 / (1 - Math.pow(beta1, t));
      const c2 = 1 / (1 - Math.pow(beta2, t));
      for (let p = 0; p < params.length; p++) {
        const th = params[p];
        const g = grads[p];
        const m = v[p];
        const sp = s[p];
        for (let k = 0; k < th.length; k++) {
          const gk = g[k];
          m[k] = beta1 * m[k] + (1 - beta1) * gk;
          sp[k] = beta2 * sp[k] + (1 - beta2) * gk * gk;
          th[k] -= (lr * m[k] * c1) / (Math.sqrt(sp[k] * c2) + eps);
        }
      }
    },
  };
}
