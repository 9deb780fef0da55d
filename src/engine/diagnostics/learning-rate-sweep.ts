/**
 * A learning-rate sweep: trains the same seeded model on the same data once per learning rate
 * and labels each run. A diverging run stops at once and keeps its history; nothing throws.
 */
import { MAX_EPOCHS } from '../errors';
import { MatrixLike } from '../matrix';
import { InputError, OptionError, checkChoice, checkInteger, checkPositive, describeValue } from '../errors';
import { EpochInfo, History, MLP, OptimizerName, Targets, optimizerNames } from '../mlp';
import { toVector } from '../matrix';
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

/** A sweep's options after checks: how to make a fresh model, and what every run shares. */
export interface SweepPlan {
  /** A fresh copy of the starting model (the same weights for every rate). */
  fresh(): MLP;
  learningRates: number[];
  /** What every run shares besides the rate. */
  shared: SweepShared;
}

/** The options every run of a sweep shares (plain data: a worker thread can receive them). */
export interface SweepShared {
  epochs: number;
  batchSize?: number;
  optimizer?: OptimizerName;
  seed: number | string;
  /** Loss below which a run has converged. */
  target: number;
}

/** The option names of learningRateSweep, listed once. */
const SWEEP_KEYS = optionKeys<SweepOptions>()('model', 'X', 'y', 'learningRates', 'epochs', 'batchSize', 'optimizer', 'seed', 'target', 'onEpoch');

/** The option names of SweepShared, listed once. */
const SHARED_KEYS = optionKeys<SweepShared>()('epochs', 'batchSize', 'optimizer', 'seed', 'target');

/**
 * Checks the options every run of a sweep shares (what planSweep returns as `shared`, or what
 * a worker receives): known names only, epochs and target given, the rest as fit takes them.
 */
export function checkShared(what: string, s: SweepShared): SweepShared {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw new OptionError(`${what}: expected the sweep's shared options { epochs, target, batchSize?, optimizer?, seed } (planSweep(…).shared), got ${describeValue(s)}`);
  }
  checkOptions(what, s, SHARED_KEYS);
  checkInteger(`${what}: epochs`, s.epochs, 1, MAX_EPOCHS);
  checkPositive(`${what}: target`, s.target);
  if (s.batchSize !== undefined) checkInteger(`${what}: batchSize`, s.batchSize, 1);
  if (s.optimizer !== undefined) checkChoice(`${what}: optimizer`, s.optimizer, optimizerNames);
  // Plain data only (it crosses threads): a number or a string, not an Rng.
  if (typeof s.seed !== 'string' && !(typeof s.seed === 'number' && Number.isFinite(s.seed))) {
    throw new OptionError(`${what}: seed: expected a finite number or a string, got ${describeValue(s.seed)}`);
  }
  return s;
}

/** Checks a trained model of a sweep (an MLP). */
function checkModel(what: string, model: unknown): MLP {
  if (!(model instanceof MLP)) throw new InputError(`${what}: expected an MLP, got ${describeValue(model)}`);
  return model;
}

/** Checks the options of a sweep (the same for the sequential and the parallel one, which adds
 *  its own `extraKeys`) and works out the target. */
export function planSweep(o: SweepOptions, caller = 'learningRateSweep', extraKeys: readonly string[] = []): SweepPlan {
  if (typeof caller !== 'string') throw new OptionError(`planSweep: caller: expected the name of the calling function (a string), got ${describeValue(caller)}`);
  if (!Array.isArray(extraKeys) || extraKeys.some((k) => typeof k !== 'string')) {
    throw new OptionError(`${caller}: extraKeys: expected a list of option names (strings), got ${describeValue(extraKeys)}`);
  }
  if (typeof o !== 'object' || o === null) throw new OptionError(`${caller}: expected options { model, X, y, learningRates, epochs }, got ${describeValue(o)}`);
  checkOptions(`${caller}: options`, o, [...SWEEP_KEYS, ...extraKeys]);
  if (o.onEpoch !== undefined && typeof o.onEpoch !== 'function') throw new OptionError(`${caller}: onEpoch: expected a function (learningRate, info) => void, got ${describeValue(o.onEpoch)}`);
  const isFactory = typeof o.model === 'function';
  if (!isFactory && !(o.model instanceof MLP)) {
    throw new OptionError(`${caller}: model: expected an MLP or a function (seed) => MLP, got ${describeValue(o.model)}`);
  }
  if (!Array.isArray(o.learningRates) || o.learningRates.length === 0) {
    throw new OptionError(`${caller}: learningRates: expected a non-empty list of numbers > 0, got ${describeValue(o.learningRates)}`);
  }
  o.learningRates.forEach((r, i) => checkPositive(`${caller}: learningRates[${i}]`, r));
  const epochs = checkInteger(`${caller}: epochs`, o.epochs, 1, MAX_EPOCHS);
  const seed = o.seed ?? 0;
  const fresh = (): MLP => {
    const m = isFactory ? (o.model as (s: number | string | undefined) => MLP)(seed) : (o.model as MLP).clone();
    if (!(m instanceof MLP)) throw new OptionError(`${caller}: model: the factory returned ${describeValue(m)}, expected an MLP`);
    return m;
  };
  let target = o.target;
  if (target === undefined) target = 0.1 * fresh().evaluate(o.X, o.y).loss;
  else checkPositive(`${caller}: target`, target);
  const shared: SweepShared = { epochs, target, seed };
  // (only the options given: an absent one stays absent, as fit's default)
  if (o.batchSize !== undefined) shared.batchSize = o.batchSize;
  if (o.optimizer !== undefined) shared.optimizer = o.optimizer;
  return { fresh, learningRates: o.learningRates.slice(), shared: checkShared(`${caller}: options`, shared) };
}

/**
 * One run of a sweep: trains `model` (a fresh copy, changed in place) at one rate and labels the
 * run. The sequential sweep and every worker of the parallel one call this same function.
 */
export function sweepRun(model: MLP, X: MatrixLike, y: Targets, learningRate: number, s: SweepShared, onEpoch?: (info: EpochInfo) => void): SweepRun {
  checkModel('sweepRun: model', model);
  checkShared('sweepRun: shared', s);
  const history = model.fit(X, y, { epochs: s.epochs, batchSize: s.batchSize, learningRate, optimizer: s.optimizer, seed: s.seed, onEpoch });
  return labelRun(learningRate, history, s.target, model);
}

/** Labels a finished run: converged (and when), too slow, oscillating or diverged. */
export function labelRun(learningRate: number, history: History, target: number, model: MLP): SweepRun {
  checkPositive('labelRun: learningRate', learningRate);
  if (!(history instanceof History)) throw new InputError(`labelRun: history: expected a History (what fit returns), got ${describeValue(history)}`);
  // A diverged run's loss ends in NaN or ∞ (its verdict says so): only non-numbers are refused.
  toVector(history.loss, 'labelRun: history.loss', { allowNonFinite: true });
  checkPositive('labelRun: target', target);
  checkModel('labelRun: model', model);
  const c = history.status === 'diverged' ? { verdict: 'diverged' as const } : classifyRun(history.loss, target);
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
}

/** The result of a sweep from its runs, in the order of the rates. */
export function sweepResult(runs: SweepRun[], s: SweepShared): SweepResult {
  if (!Array.isArray(runs) || runs.length === 0) throw new InputError(`sweepResult: runs: expected a non-empty list of runs (from sweepRun or labelRun), got ${describeValue(runs)}`);
  runs.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || typeof r.label !== 'string' || !(r.history instanceof History)) {
      throw new InputError(`sweepResult: runs[${i}]: expected a run { learningRate, history, verdict, label, model } (from sweepRun or labelRun), got ${describeValue(r)}`);
    }
  });
  checkShared('sweepResult: shared', s);
  const { target, epochs } = s;
  return printsAsText({
    runs,
    target,
    epochs,
    toString() {
      return [`learning-rate sweep, ${epochs} epochs, target loss ${target.toPrecision(3)}:`, ...runs.map((r) => `  ${r.label}`)].join('\n');
    },
  });
}

/** Trains one copy of the model per learning rate and labels each run converged / too slow / oscillating / diverged. */
export function learningRateSweep(o: SweepOptions): SweepResult {
  const plan = planSweep(o);
  const runs = plan.learningRates.map((learningRate): SweepRun =>
    sweepRun(plan.fresh(), o.X, o.y, learningRate, plan.shared, o.onEpoch ? (info) => o.onEpoch!(learningRate, info) : undefined),
  );
  return sweepResult(runs, plan.shared);
}
