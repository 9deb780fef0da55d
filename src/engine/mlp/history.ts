/** What `fit` returns: the loss per epoch and how training ended. */
import { inspectSymbol } from '../inspect';
import { checkPositive } from '../errors';

/** How a training run ended. */
export type FitStatus = 'completed' | 'stopped' | 'diverged';

/** The record of one `fit`: per-epoch curves, time, and how it ended, printable in a notebook. */
export class History {
  /**
   * Training loss per epoch (mean over the epoch's mini-batches, each measured before its update).
   * When a run diverged, its last value is the NaN/∞ (or huge) loss that stopped it.
   */
  loss: number[] = [];
  /** Validation loss per epoch (only with `validationData`). */
  valLoss?: number[];
  /** Training accuracy per epoch (classifiers only; not recorded for an epoch that diverged). */
  accuracy?: number[];
  /** Validation accuracy per epoch (classifiers with `validationData`). */
  valAccuracy?: number[];
  /** Number of epochs actually run (including the one that diverged). */
  epochs = 0;
  /** Wall-clock seconds of the whole fit. */
  seconds = 0;
  /** The learning rate η used. */
  learningRate: number;
  /** 'completed' (all epochs), 'stopped' (onEpoch returned false) or 'diverged'. */
  status: FitStatus = 'completed';
  /** One sentence saying how training ended. */
  message = '';

  constructor(learningRate: number) {
    this.learningRate = checkPositive('History: learningRate', learningRate);
  }

  /** The last training loss (NaN before the first epoch). */
  get finalLoss(): number {
    return this.loss.length ? this.loss[this.loss.length - 1] : NaN;
  }

  /** Prints as toString() in a notebook. */
  [inspectSymbol](): string {
    return this.toString();
  }

  /** E.g. `History: 100 epochs in 0.12 s, loss 0.693 → 0.0123 (completed)`. */
  toString(): string {
    const f = (x: number | undefined) => (x === undefined ? '–' : Number.isFinite(x) ? x.toPrecision(4) : String(x));
    const lines = [
      `History: ${this.epochs} epoch${this.epochs === 1 ? '' : 's'} in ${this.seconds.toFixed(2)} s, η = ${this.learningRate}, loss ${f(this.loss[0])} → ${f(this.finalLoss)} (${this.status})`,
    ];
    if (this.valLoss?.length) lines.push(`  validation loss ${f(this.valLoss[this.valLoss.length - 1])}`);
    if (this.accuracy?.length) lines.push(`  accuracy ${f(this.accuracy[this.accuracy.length - 1])}`);
    if (this.valAccuracy?.length) lines.push(`  validation accuracy ${f(this.valAccuracy[this.valAccuracy.length - 1])}`);
    if (this.message) lines.push(`  ${this.message}`);
    return lines.join('\n');
  }
}
