/** Looking up an activation by name, checked at run time (notebooks pass whatever a student types). */
import { Activation, ActivationName, activationNames } from './activation';
import { activations, leakyRelu, elu } from './builtins';
import { softmaxActivation } from './softmax';
import { OptionError, describeValue } from '../errors';
import { checkOptions } from '../options';

/** The settings an activation takes, and whose they are. */
const PARAM_OWNERS: Readonly<Record<string, ActivationName>> = { slope: 'leakyRelu', alpha: 'elu' };

/** True when `x` looks like an {@link Activation} object (a name, `f` and `df`). */
export function isActivation(x: unknown): x is Activation {
  const a = x as Activation;
  return typeof x === 'object' && x !== null && typeof a.name === 'string' && typeof a.f === 'function' && typeof a.df === 'function';
}

/**
 * The activation called `name` (e.g. `'relu'`), or the Activation object itself when given one.
 * `params` rebuilds a configured one, e.g. `getActivation('leakyRelu', { slope: 0.2 })`.
 * Throws an OptionError listing the valid names otherwise.
 */
export function getActivation(nameOrActivation: unknown, params?: { readonly [key: string]: number }): Activation {
  const p = checkOptions('getActivation: params', params, Object.keys(PARAM_OWNERS));
  if (isActivation(nameOrActivation)) return nameOrActivation;
  if (typeof nameOrActivation === 'string' && (activationNames as readonly string[]).includes(nameOrActivation)) {
    const name = nameOrActivation as ActivationName;
    for (const key of Object.keys(p)) {
      // A setting of another activation would be ignored without a word.
      if (PARAM_OWNERS[key] !== name) throw new OptionError(`getActivation: params.${key}: expected only with '${PARAM_OWNERS[key]}', got it with '${name}'`);
    }
    if (name === 'softmax') return softmaxActivation;
    if (name === 'leakyRelu' && params && params.slope !== undefined) return leakyRelu(params.slope);
    if (name === 'elu' && params && params.alpha !== undefined) return elu(params.alpha);
    return activations[name];
  }
  throw new OptionError(
    `activation: expected one of ${activationNames.map((n) => `'${n}'`).join(', ')} or an object { name, f, df }, got ${describeValue(nameOrActivation)}`,
  );
}
