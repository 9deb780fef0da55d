/** The options of `MLP#fit`, checked once at the boundary and completed with their defaults. */
import { MAX_EPOCHS, OptionError, checkChoice, checkInteger, checkPositive, describeValue } from '../errors';
import { Matrix } from '../matrix';
import { checkBoolean, checkOptions, optionKeys } from '../options';
import { optimizerNames } from './optimizers';
import type { ResolvedFit } from './fit';
import type { FitOptions } from './options';

/** The option names of fit, listed once. */
const FIT_KEYS = optionKeys<FitOptions>()('epochs', 'batchSize', 'learningRate', 'optimizer', 'momentum', 'shuffle', 'seed', 'validationData', 'onEpoch');

/** Rows per step when fit is given no batchSize. */
export const DEFAULT_BATCH_SIZE = 32;

/**
 * `options` checked, with defaults: 100 epochs, batches of 32, η = 0.01, plain SGD (momentum 0.9
 * when asked for), shuffled each epoch. `checkValidation` checks validationData's X and y
 * against the model.
 */
export function resolveFitOptions(options: FitOptions, checkValidation: (X: unknown, y: unknown) => { X: Matrix; Y: Matrix }): ResolvedFit {
  checkOptions('fit: options', options, FIT_KEYS);
  if (options.shuffle !== undefined) checkBoolean('fit: shuffle', options.shuffle);
  const epochs = checkInteger('fit: epochs', options.epochs ?? 100, 1, MAX_EPOCHS);
  const batchSize = checkInteger('fit: batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE, 1);
  const learningRate = checkPositive('fit: learningRate', options.learningRate ?? 0.01);
  const optimizer = checkChoice('fit: optimizer', options.optimizer ?? 'sgd', optimizerNames);
  const momentum = options.momentum ?? 0.9;
  if (typeof momentum !== 'number' || !(momentum >= 0 && momentum < 1)) {
    throw new OptionError(`fit: momentum: expected a number in [0, 1), got ${describeValue(momentum)}`);
  }
  if (options.onEpoch !== undefined && typeof options.onEpoch !== 'function') {
    throw new OptionError(`fit: onEpoch: expected a function (info) => void | boolean, got ${describeValue(options.onEpoch)}`);
  }
  const seed = options.seed;
  const seedOk =
    seed === undefined || typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'object' && seed !== null && typeof seed.shuffle === 'function');
  if (!seedOk) throw new OptionError(`fit: seed: expected a finite number, a string or an Rng, got ${describeValue(seed)}`);
  let validation: ResolvedFit['validation'];
  if (options.validationData !== undefined) {
    const v = options.validationData;
    if (typeof v !== 'object' || v === null) throw new OptionError(`fit: validationData: expected { X, y }, got ${describeValue(v)}`);
    validation = checkValidation(v.X, v.y);
  }
  return { epochs, batchSize, learningRate, optimizer, momentum, shuffle: options.shuffle ?? true, seed, validation, onEpoch: options.onEpoch };
}
