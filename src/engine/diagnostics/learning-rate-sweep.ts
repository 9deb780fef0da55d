/**
 * A learning-rate sweep: trains the same seeded model on the same data once per learning rate
 * and labels each run. A diverging run stops at once and keeps its history; nothing throws.
 */
import { MAX_EPOCHS } from '../errors';
import { MatrixLike } from '../matrix';
import { OptionError, checkInteger, checkPositive, describeValue } from '../errors';
import { EpochInfo, History, MLP, OptimizerName, Targets } from '../mlp';
import { Verdict, classifyRun } from './classify-run';
import { printsAsText } from '../inspect';
import { checkOptions, optionKeys } from '../options';

/** Options of {@link learningRateSweep}. */
export interface SweepOptions {
  /** The model to start from (cloned for every rate), or a factory called with `seed` for every rate. */
  model: MLP | ((seed: number | string | undefined) => MLP);
  X: MatrixLike;
  y: Targets;
  /** The learning rates η to try. */
  learningRates: number[];
  /** Epochs per run. */
  epochs: number;
  /** @default 32 */
  batchSize?: number;
  /** @default 'sgd' */
  optimizer?: OptimizerName;
  /** Seed of the shuffling (the same for every run) and passed to a model factory. @default 0 */
  seed?: number | string;
  /** Loss below which a run has converged. @default 0.1 × the loss of the untrained model */
  target?: number;
  /** Called after every epoch of every run. */
  onEpoch?: (learningRate: number, info: EpochInfo) => void;
}

/** One run of a sweep. */
export interface SweepRun {
  learningRate: number;
  history: History;
  verdict: Verdict;
  /** 1-based epoch from which the loss stayed below the target (converged runs). */
  convergedAt?: number;
  /** E.g. 'η = 0.1: converged at epoch 42'. */
  label: string;
  /** The trained model of this run. */
  model: MLP;
}

/** What {@link learningRateSweep} returns. */
export interface SweepResult {
  runs: SweepRun[];
  target: number;
  epochs: number;
  /** One label per line. */
  toString(): string;
}

/** Trains one copy of the model per learning rate and labels each run converged / too slow / oscillating / diverged. */
/** The option names of learningRateSweep, listed once. */
const SWEEP_KEYS = optionKeys<SweepOptions>()('model', 'X', 'y', 'learningRates', 'epochs', 'batchSize', 'optimizer', 'seed', 'target', 'onEpoch');

export function learningRateSweep(o: SweepOptions): SweepResult {
  if (typeof o !== 'object' || o === null) throw new OptionError(`learningRateSweep: expected options { model, X, y, learningRates, epochs }, got ${describeValue(o)}`);
  if (typeof o !== 'object' || o === null) throw new OptionError(`learningRateSweep: expected options { model, X, y, learningRates, epochs }, got ${describeValue(o)}`);
  checkOptions('learningRateSweep: options', o, SWEEP_KEYS);
  if (o.onEpoch !== undefined && typeof o.onEpoch !== 'function') throw new OptionError(`learningRateSweep: onEpoch: expected a function (learningRate, info) => void, got ${describeValue(o.onEpoch)}`);
  const isFactory = typeof o.model === 'function';
  if (!isFactory && !(o.model instanceof MLP)) {
    throw new OptionError(`learningRateSweep: model: expected an MLP or a function (seed) => MLP, got ${describeValue(o.model)}`);
  }
  if (!Array.isArray(o.learningRates) || o.learningRates.length === 0) {
    throw new OptionError(`learningRateSweep: learningRates: expected a non-empty list of numbers > 0, got ${describeValue(o.learningRates)}`);
  }
  o.learningRates.forEach((r, i) => checkPositive(`learningRateSweep: learningRates[${i}]`, r));
  const epochs = checkInteger('learningRateSweep: epochs', o.epochs, 1, MAX_EPOCHS);
  const seed = o.seed ?? 0;
  const fresh = (): MLP => {
    const m = isFactory ? (o.model as (s: number | string | undefined) => MLP)(seed) : (o.model as MLP).clone();
    if (!(m instanceof MLP)) throw new OptionError(`learningRateSweep: model: the factory returned ${describeValue(m)}, expected an MLP`);
    return m;
  };
  let target = o.target;
  if (target === undefined) target = 0.1 * fresh().evaluate(o.X, o.y).loss;
  else checkPositive('learningRateSweep: target', target);
  const runs = o.learningRates.map((learningRate): SweepRun => {
    const model = fresh();
    const history = model.fit(o.X, o.y, {
      epochs,
      batchSize: o.batchSize,
      learningRate,
      optimizer: o.optimizer,
      seed,
      onEpoch: o.onEpoch ? (info) => o.onEpoch!(learningRate, info) : undefined,
    });
    const c = history.status === 'diverged' ? { verdict: 'diverged' as const } : classifyRun(history.loss, target as number);
    const last = history.finalLoss;
    const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));
    const label =
      c.verdict === 'converged'
        ? `η = ${learningRate}: converged at epoch ${c.convergedAt}`
        : history.status === 'diverged'
          ? `η = ${learningRate}: diverged at epoch ${history.epochs} (loss ${fmt(last)})`
          : c.verdict === 'diverged'
            ? `η = ${learningRate}: diverged (loss ${fmt(history.loss[0])} → ${fmt(last)} in ${history.epochs} epochs)`
          : `η = ${learningRate}: ${c.verdict} (loss ${fmt(last)} after ${history.epochs} epochs)`;
    return { learningRate, history, ...c, label, model };
  });
  return printsAsText({
    runs,
    target,
    epochs,
    toString() {
      return [`learning-rate sweep, ${epochs} epochs, target loss ${(target as number).toPrecision(3)}:`, ...runs.map((r) => `  ${r.label}`)].join('\n');
    },
  });
}
