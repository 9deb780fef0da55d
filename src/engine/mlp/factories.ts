/**
 * Ready-made MLPs with the heads of Géron's Table 10-1: a classifier (one sigmoid output with
 * binary cross-entropy for two classes, softmax with cross-entropy for more) and a regressor
 * (output activation none/identity, relu, softplus, sigmoid or tanh; loss mse, mae or huber).
 */
import { MAX_CLASSES, MAX_UNITS } from '../errors';
import { ActivationName } from '../activations';
import { huber, losses } from '../losses';
import { OptionError, checkChoice, checkInteger, checkPositive, describeValue } from '../errors';
import { InitName } from './init';
import { MLP } from './mlp';
import { LayerSpec } from './options';
import { checkOptions, optionKeys } from '../options';

/** Options of {@link mlpClassifier}. */
export interface ClassifierOptions {
  /** Number of input features. */
  inputs: number;
  /** Number of classes (≥ 2): 2 gives one sigmoid output, more give a softmax output. */
  classes: number;
  /** Units of each hidden layer. @default [16] */
  hidden?: number[];
  /** Activation of the hidden layers. @default 'relu' */
  activation?: ActivationName;
  /** @default 'glorot' */
  init?: InitName;
  /** @default 0 */
  seed?: number | string;
}

/** Output activations a regressor may use (Géron Table 10-1; 'none' means identity). */
export const regressionOutputs = ['identity', 'none', 'relu', 'softplus', 'sigmoid', 'tanh'] as const;

/** Options of {@link mlpRegressor}. */
export interface RegressorOptions {
  /** Number of input features. */
  inputs: number;
  /** Number of outputs. @default 1 */
  outputs?: number;
  /** Units of each hidden layer. @default [16] */
  hidden?: number[];
  /** Activation of the hidden layers. @default 'relu' */
  activation?: ActivationName;
  /**
   * Output activation: 'none'/'identity' (any value), 'relu' or 'softplus' (positive outputs),
   * 'sigmoid' (in (0, 1)) or 'tanh' (in (−1, 1)). @default 'identity'
   */
  outputActivation?: (typeof regressionOutputs)[number];
  /** @default 'mse' */
  loss?: 'mse' | 'mae' | 'huber';
  /** δ of the Huber loss. @default 1 */
  huberDelta?: number;
  /** @default 'glorot' */
  init?: InitName;
  /** @default 0 */
  seed?: number | string;
}

function hiddenLayers(what: string, hidden: unknown, activation: ActivationName): LayerSpec[] {
  const h = hidden ?? [16];
  if (!Array.isArray(h)) throw new OptionError(`${what}: hidden: expected a list of layer sizes like [16, 8], got ${describeValue(h)}`);
  return h.map((u, i) => ({ units: checkInteger(`${what}: hidden[${i}]`, u, 1, MAX_UNITS), activation }));
}

/** The option names of mlpClassifier and mlpRegressor, listed once. */
const CLASSIFIER_KEYS = optionKeys<ClassifierOptions>()('inputs', 'classes', 'hidden', 'activation', 'init', 'seed');
const REGRESSOR_KEYS = optionKeys<RegressorOptions>()('inputs', 'outputs', 'hidden', 'activation', 'outputActivation', 'loss', 'huberDelta', 'init', 'seed');

/** An MLP classifier: hidden layers, then sigmoid + binary cross-entropy (2 classes) or softmax + cross-entropy. */
export function mlpClassifier(o: ClassifierOptions): MLP {
  if (typeof o !== 'object' || o === null) throw new OptionError(`mlpClassifier: expected options { inputs, classes, hidden? }, got ${describeValue(o)}`);
  checkOptions('mlpClassifier: options', o, CLASSIFIER_KEYS);
  const classes = checkInteger('mlpClassifier: classes', o.classes, 2, MAX_CLASSES);
  const layers = hiddenLayers('mlpClassifier', o.hidden, o.activation ?? 'relu');
  layers.push(classes === 2 ? { units: 1, activation: 'sigmoid' } : { units: classes, activation: 'softmax' });
  return new MLP({
    inputs: o.inputs,
    layers,
    loss: classes === 2 ? 'binaryCrossEntropy' : 'crossEntropy',
    task: 'classification',
    init: o.init,
    seed: o.seed,
  });
}

/** An MLP regressor with one of Table 10-1's output activations and losses. */
export function mlpRegressor(o: RegressorOptions): MLP {
  if (typeof o !== 'object' || o === null) throw new OptionError(`mlpRegressor: expected options { inputs, outputs?, hidden? }, got ${describeValue(o)}`);
  checkOptions('mlpRegressor: options', o, REGRESSOR_KEYS);
  const outputs = checkInteger('mlpRegressor: outputs', o.outputs ?? 1, 1, MAX_UNITS);
  const outAct = checkChoice('mlpRegressor: outputActivation', o.outputActivation ?? 'identity', regressionOutputs);
  const lossName = checkChoice('mlpRegressor: loss', o.loss ?? 'mse', ['mse', 'mae', 'huber'] as const);
  if (o.huberDelta !== undefined) {
    checkPositive('mlpRegressor: huberDelta', o.huberDelta);
    // δ of another loss would be ignored without a word.
    if (lossName !== 'huber') throw new OptionError(`mlpRegressor: huberDelta: expected only with loss: 'huber', got it with loss: '${lossName}'`);
  }
  const layers = hiddenLayers('mlpRegressor', o.hidden, o.activation ?? 'relu');
  layers.push({ units: outputs, activation: outAct === 'none' ? 'identity' : outAct });
  return new MLP({
    inputs: o.inputs,
    layers,
    loss: lossName === 'huber' ? huber(o.huberDelta ?? 1) : losses[lossName],
    task: 'regression',
    init: o.init,
    seed: o.seed,
  });
}
