/** The option objects of the MLP, with their documented defaults. */
import type { Activation, ActivationName } from '../activations';
import type { Loss, LossName } from '../losses';
import type { MatrixLike, Matrix } from '../matrix';
import type { Rng } from '../rng';
import type { InitName } from './init';
import type { OptimizerName } from './optimizers';
import type { Targets } from './targets';
import type { MLP } from './mlp';

/** A dense layer: a = φ(xW + b). */
export interface DenseSpec {
  /** 'dense' (the default). */
  type?: 'dense';
  /** Positive integer: the number of units (outputs) of the layer. */
  units: number;
  /**
   * The activation φ. @default 'relu' for hidden layers; for the output layer 'softmax' with
   * crossEntropy, 'sigmoid' with binaryCrossEntropy, else 'identity'.
   */
  activation?: ActivationName | Activation;
}

/** A maxout layer: each unit outputs the max of `pieces` linear functions of the input. */
export interface MaxoutSpec {
  type: 'maxout';
  /** Positive integer: the number of units (outputs) of the layer. */
  units: number;
  /** Number of linear pieces k per unit. @default 2 */
  pieces?: number;
}

/** One layer of {@link MLPOptions.layers}. */
export type LayerSpec = DenseSpec | MaxoutSpec;

/** The task decides what `predict` and `score` mean. */
export type Task = 'classification' | 'regression';

/** How to build an {@link MLP}. */
export interface MLPOptions {
  /** Number of input features. */
  inputs: number;
  /** The layers, from the first hidden layer to the output layer. */
  layers: LayerSpec[];
  /** @default 'crossEntropy' after a softmax output, 'binaryCrossEntropy' after a sigmoid output, else 'mse' */
  loss?: LossName | Loss;
  /** @default 'classification' for crossEntropy / binaryCrossEntropy, else 'regression' */
  task?: Task;
  /** How the weights start (biases start at 0). @default 'glorot' */
  init?: InitName;
  /** Seed of the initial weights. @default 0 */
  seed?: number | string;
}

/** What one epoch reports to `onEpoch`. */
export interface EpochInfo {
  /** 1-based epoch number. */
  epoch: number;
  /** Epochs asked for. */
  epochs: number;
  /** Training loss of this epoch. */
  loss: number;
  /** Validation loss (with validationData). */
  valLoss?: number;
  /** Training accuracy (classifiers). */
  accuracy?: number;
  /** Validation accuracy (classifiers with validationData). */
  valAccuracy?: number;
  /** Seconds since fit started. */
  seconds: number;
  /** The model being trained (its weights are those after this epoch). */
  model: MLP;
}

/** How to train. */
export interface FitOptions {
  /** Passes over the training data; a positive integer. @default 100 */
  epochs?: number;
  /** Samples per gradient step; ≥ the number of samples means full batch. @default 32 */
  batchSize?: number;
  /** Step size η > 0. @default 0.01 */
  learningRate?: number;
  /** @default 'sgd' */
  optimizer?: OptimizerName;
  /** μ of momentum (and β1 of Adam), in [0, 1). @default 0.9 */
  momentum?: number;
  /** Reshuffle the samples before every epoch. @default true */
  shuffle?: boolean;
  /** Seed (or Rng) of the shuffling. @default 0 */
  seed?: number | string | Rng;
  /** Data to report a validation loss (and accuracy) on after every epoch. */
  validationData?: { X: MatrixLike; y: Targets };
  /** Called after every epoch; return false to stop training. */
  onEpoch?: (info: EpochInfo) => void | boolean;
}

/** What `forward` returns: every layer's z and a. */
export interface ForwardResult {
  /** The network's output ŷ (= the last layer's a). */
  output: Matrix;
  /** Per layer: z = xW + b (for maxout, all pieces side by side) and a = φ(z). */
  layers: { z: Matrix; a: Matrix }[];
}

/** What `backward` returns: the loss and every layer's gradients (nothing is updated). */
export interface BackwardResult {
  /** The loss of the batch. */
  loss: number;
  /** Per layer: dL/dW (same shape as W) and dL/db (same shape as b). */
  gradients: { dW: Matrix; db: Matrix }[];
}
