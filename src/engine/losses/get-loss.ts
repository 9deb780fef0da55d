/** Looking up a loss by name, checked at run time. */
import { Loss, LossName, lossNames } from './loss';
import { losses, huber } from './builtins';
import { OptionError, describeValue } from '../errors';
import { checkOptions } from '../options';

/** True when `x` looks like a {@link Loss} object (a name, `value` and `grad`). */
export function isLoss(x: unknown): x is Loss {
  const l = x as Loss;
  return typeof x === 'object' && x !== null && typeof l.name === 'string' && typeof l.value === 'function' && typeof l.grad === 'function';
}

/**
 * The loss called `name` (e.g. `'mse'`), or the Loss object itself when given one.
 * `params` rebuilds a configured one, e.g. `getLoss('huber', { delta: 2 })`.
 */
export function getLoss(nameOrLoss: unknown, params?: { readonly [key: string]: number }): Loss {
  const p = checkOptions('getLoss: params', params, ['delta']);
  if (isLoss(nameOrLoss)) return nameOrLoss;
  if (typeof nameOrLoss === 'string' && (lossNames as readonly string[]).includes(nameOrLoss)) {
    const name = nameOrLoss as LossName;
    // δ of another loss would be ignored without a word.
    if (p.delta !== undefined && name !== 'huber') throw new OptionError(`getLoss: params.delta: expected only with 'huber', got it with '${name}'`);
    if (name === 'huber' && params && params.delta !== undefined) return huber(params.delta);
    return losses[name];
  }
  throw new OptionError(
    `loss: expected one of ${lossNames.map((n) => `'${n}'`).join(', ')} or an object { name, value, grad }, got ${describeValue(nameOrLoss)}`,
  );
}
