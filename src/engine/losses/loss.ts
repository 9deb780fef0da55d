/**
 * What a loss is: its value (mean over samples) and its gradient dL/dŷ with respect to the
 * predictions, side by side. Built-in losses also have allocation-free array versions that
 * the training loop calls on its preallocated buffers.
 */
import { Matrix, MatrixLike } from '../matrix';

/** The names of the built-in losses. */
export const lossNames = ['mse', 'mae', 'huber', 'binaryCrossEntropy', 'crossEntropy'] as const;

/** One of the built-in loss names. */
export type LossName = (typeof lossNames)[number];

/** A loss function L(ŷ, y) with its gradient. */
export interface Loss {
  /** The name shown in summaries and saved by `toJSON`, e.g. `'mse'`. */
  readonly name: string;
  /** The settings of a configurable loss, e.g. `{ delta: 1 }` for Huber. */
  readonly params?: { readonly [key: string]: number };
  /** L, averaged over the samples (rows). `yPred` and `yTrue` have the same shape [n×outputs] (a Matrix or number[][]). */
  value(yPred: MatrixLike, yTrue: MatrixLike): number;
  /** dL/dŷ, same shape as `yPred`. */
  grad(yPred: MatrixLike, yTrue: MatrixLike): Matrix;
  /**
   * Fast path: the loss over the first `len` elements of `pred`/`target` holding `n` samples,
   * averaged as `value` does (over samples, and over outputs for per-output losses). No allocation.
   */
  valueArray?(pred: Float64Array, target: Float64Array, len: number, n: number): number;
  /** Fast path: dL/dŷ for the first `len` elements into `out`, the loss averaged over `n` samples. */
  gradArray?(pred: Float64Array, target: Float64Array, out: Float64Array, len: number, n: number): void;
}
