/**
 * Live training display: a progress line (epoch, loss, time left) and, optionally, the
 * loss curve, each updated in place (one display id each, update_display_data) while
 * `fit` or `learningRateSweep` runs.
 *
 * Throttled by time, so that it costs training at most a few percent: the text at most
 * `1000 / interval` times a second (it costs microseconds), the curve (a PNG render costs
 * tens of milliseconds) at most every `curveInterval` ms and only while all the drawing
 * stays within `maxOverhead` (3%) of the time trained so far.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OptionError, describeValue } from '../../engine/errors';
import { learningRateConvergencePlot } from '../../engine/plots/convergence';
import { trainingHistoryPlot } from '../../engine/plots/history';
import type { EpochInfo } from '../../engine/mlp/options';
import { formatNumber } from '../../engine/plots/common';
import { DisplayBundle, plotBundle } from './show';
import { checkSpec } from './render';
import { DisplayWriter, currentDisplayWriter, newDisplayId } from './tslab';
import { checkOptions, optionKeys } from '../../engine/options';

/** The part of what `fit` passes to onEpoch that the progress display reads. */
export type EpochInfoLike = Pick<EpochInfo, 'epoch' | 'epochs' | 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy'>;

/** Options of {@link trainingProgress}. */
export interface TrainingProgressOptions {
  /** Runs that will be reported (learning rates of a sweep), for the total and the time left. @default 1 */
  runs?: number;
  /** Also draw the loss curve, redrawn every few seconds. @default true */
  curve?: boolean;
  /** Milliseconds between two updates of the progress line (≤ 4 a second by default). @default 250 */
  interval?: number;
  /** Milliseconds between two redraws of the curve at least. @default 2000 */
  curveInterval?: number;
  /** Largest share of the elapsed time spent drawing curves (a curve with PNG costs about 50–150 ms). @default 0.03 */
  maxOverhead?: number;
  /** Include PNGs in the curve's bundle (for viewers without vega-lite). @default true */
  png?: boolean;
  /** Clock in milliseconds (tests pass a fake one). @default Date.now */
  now?: () => number;
}

interface RunRecord {
  rate?: number;
  loss: number[];
  valLoss: number[];
  accuracy: number[];
  valAccuracy: number[];
  epochs: number;
}

/** The width of the bar in characters. */
const BAR = 24;

/** A text progress bar: `███████░░░░░░░░░` for a fraction in [0, 1]. */
export function progressBar(fraction: number, width = BAR): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** Seconds for people: 0.4 s, 12 s, 3 min 5 s. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/**
 * A live display for training. Pass `progress.onEpoch` to `fit`, or `progress.onSweepEpoch`
 * to `learningRateSweep`, then call `progress.finish(finalPlot?)`.
 *
 * @example
 * const progress = trainingProgress();
 * const history = model.fit(X, y, { epochs: 200, onEpoch: progress.onEpoch });
 * progress.finish(trainingHistoryPlot(history));
 */
/** The option names of trainingProgress, listed once. */
const PROGRESS_KEYS = optionKeys<TrainingProgressOptions>()('runs', 'curve', 'interval', 'curveInterval', 'maxOverhead', 'png', 'now');

export class TrainingProgress {
  /** For `fit(X, y, { onEpoch: progress.onEpoch })`. */
  readonly onEpoch: (info: EpochInfoLike) => void;
  /** For `learningRateSweep({ ..., onEpoch: progress.onSweepEpoch })`. */
  readonly onSweepEpoch: (learningRate: number, info: EpochInfoLike) => void;
  /** Messages sent so far (display_data and update_display_data). */
  messages = 0;
  /** Curves drawn so far. */
  curves = 0;

  private readonly options: Required<Omit<TrainingProgressOptions, 'now'>>;
  private readonly now: () => number;
  private readonly writer: DisplayWriter | undefined;
  private readonly textId = newDisplayId();
  private readonly curveId = newDisplayId();
  private textShown = false;
  private curveShown = false;
  private started = NaN;
  private lastText = -Infinity;
  private lastCurve = -Infinity;
  /** Milliseconds spent drawing curves so far. */
  private curveCost = 0;
  /** Expected cost of the next curve: a guess until one was drawn, then the last one's cost. */
  private nextCost = 150;
  private runs: RunRecord[] = [];
  private lastInfo: EpochInfoLike | undefined;
  private finished = false;
  private lastLine = '';

  constructor(options: TrainingProgressOptions = {}) {
    const positive = (what: string, v: unknown, d: number) => {
      if (v === undefined) return d;
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
        throw new OptionError(`trainingProgress: ${what}: expected a number ≥ 0, got ${describeValue(v)}`);
      }
      return v;
    };
    checkOptions('trainingProgress: options', options, PROGRESS_KEYS);
    for (const key of ['curve', 'png'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new OptionError(`trainingProgress: ${key}: expected true or false, got ${describeValue(options[key])}`);
    }
    if (options.now !== undefined && typeof options.now !== 'function') throw new OptionError(`trainingProgress: now: expected a clock function () => ms, got ${describeValue(options.now)}`);
    if (options.runs !== undefined && !(Number.isInteger(options.runs) && (options.runs as number) >= 1 && (options.runs as number) <= 1e6)) {
      throw new OptionError(`trainingProgress: runs: expected an integer from 1 to 1000000, got ${describeValue(options.runs)}`);
    }
    this.options = {
      runs: Math.max(1, Math.round(positive('runs', options.runs, 1))),
      curve: options.curve ?? true,
      interval: positive('interval', options.interval, 250),
      curveInterval: positive('curveInterval', options.curveInterval, 2000),
      maxOverhead: positive('maxOverhead', options.maxOverhead, 0.03),
      png: options.png ?? true,
    };
    this.now = options.now ?? Date.now;
    // Training starts right after the display is made (time before the first epoch counts).
    this.started = this.now();
    // Captured now: tslab's writer belongs to the cell that is running.
    this.writer = currentDisplayWriter();
    this.onEpoch = (info) => this.record(undefined, info);
    this.onSweepEpoch = (rate, info) => this.record(rate, info);
  }

  /** True when messages go to a notebook (inside a tslab kernel). */
  get live(): boolean {
    return this.writer !== undefined;
  }

  /** The current progress line (also what the notebook shows as text). */
  toString(): string {
    return this.lastLine;
  }

  private record(rate: number | undefined, info: EpochInfoLike): void {
    const t = this.now();
    if (Number.isNaN(this.started)) this.started = t;
    let run = this.runs[this.runs.length - 1];
    // A new run: the first call, another learning rate, or the epochs starting again.
    if (!run || (rate !== undefined && run.rate !== rate) || info.epoch <= run.loss.length) {
      run = { rate, loss: [], valLoss: [], accuracy: [], valAccuracy: [], epochs: info.epochs };
      this.runs.push(run);
    }
    run.epochs = info.epochs;
    run.loss.push(info.loss);
    if (info.valLoss !== undefined) run.valLoss.push(info.valLoss);
    if (info.accuracy !== undefined) run.accuracy.push(info.accuracy);
    if (info.valAccuracy !== undefined) run.valAccuracy.push(info.valAccuracy);
    this.lastInfo = info;
    this.lastLine = this.line(t);
    if (!this.writer) return;
    const lastEpoch = info.epoch >= info.epochs && this.runs.length >= this.options.runs;
    if (!this.textShown || t - this.lastText >= this.options.interval || lastEpoch) {
      this.sendText(this.lastLine);
      this.lastText = t;
    }
    if (this.options.curve && run.loss.length >= 2) {
      const elapsed = t - this.started;
      // A budget: all the drawing so far plus the next curve must fit in maxOverhead of the time
      // trained so far. Short trainings thus draw only the final plot.
      const withinBudget = this.curveCost + this.nextCost <= this.options.maxOverhead * elapsed;
      if (withinBudget && t - this.lastCurve >= this.options.curveInterval && elapsed >= this.options.curveInterval) this.drawCurve();
    }
  }

  /** Epochs done over all runs, and the total expected. */
  private counts(): { done: number; total: number } {
    const done = this.runs.reduce((s, r) => s + r.loss.length, 0);
    const perRun = this.runs[this.runs.length - 1]?.epochs ?? 0;
    // Finished runs count with the epochs they ran (a diverged run stops early).
    const finishedRuns = this.runs.slice(0, -1).reduce((s, r) => s + r.loss.length, 0);
    const remainingRuns = Math.max(0, this.options.runs - this.runs.length);
    const total = finishedRuns + perRun + remainingRuns * perRun;
    return { done, total: Math.max(total, done) };
  }

  private line(t: number): string {
    const info = this.lastInfo;
    if (!info) return 'training: not started';
    const { done, total } = this.counts();
    const seconds = (t - this.started) / 1000;
    const left = done > 0 ? (seconds / done) * (total - done) : NaN;
    const run = this.runs[this.runs.length - 1];
    const parts: string[] = [];
    if (this.options.runs > 1 || run.rate !== undefined) {
      parts.push(`${run.rate !== undefined ? `η = ${formatNumber(run.rate)} ` : ''}(run ${this.runs.length}/${Math.max(this.options.runs, this.runs.length)})`);
    }
    parts.push(`epoch ${String(info.epoch).padStart(String(info.epochs).length)}/${info.epochs}`);
    parts.push(`${progressBar(total > 0 ? done / total : 0)} ${String(Math.round((100 * done) / Math.max(1, total))).padStart(3)}%`);
    parts.push(`loss ${formatNumber(info.loss)}`);
    if (info.valLoss !== undefined) parts.push(`val loss ${formatNumber(info.valLoss)}`);
    if (info.accuracy !== undefined) parts.push(`acc ${formatNumber(info.accuracy)}`);
    if (info.valAccuracy !== undefined) parts.push(`val acc ${formatNumber(info.valAccuracy)}`);
    parts.push(done >= total ? `${formatSeconds(seconds)}` : `${formatSeconds(seconds)}, about ${formatSeconds(left)} left`);
    return parts.join('  ');
  }

  private send(id: string, shown: boolean, bundle: DisplayBundle | { data: { 'text/plain': string }; metadata: Record<string, unknown> }): void {
    if (!this.writer) return;
    this.writer({ data: bundle.data, metadata: bundle.metadata, transient: { display_id: id } }, shown);
    this.messages++;
  }

  private sendText(text: string): void {
    this.send(this.textId, this.textShown, { data: { 'text/plain': text }, metadata: {} });
    this.textShown = true;
  }

  /** The curve so far: the history of one run, or the runs of a sweep. */
  curveSpec(): TopLevelSpec {
    if (this.runs.length > 1 || this.runs[0]?.rate !== undefined) {
      return learningRateConvergencePlot(
        this.runs.map((r, i) => ({ learningRate: r.rate ?? NaN, history: { loss: r.loss }, label: r.rate !== undefined ? `η = ${formatNumber(r.rate)}` : `run ${i + 1}` })),
        { title: 'Loss per epoch (training…)' },
      );
    }
    const r = this.runs[0] ?? { loss: [], valLoss: [], accuracy: [], valAccuracy: [] };
    return trainingHistoryPlot(
      { loss: r.loss, valLoss: r.valLoss.length ? r.valLoss : undefined, accuracy: r.accuracy.length ? r.accuracy : undefined, valAccuracy: r.valAccuracy.length ? r.valAccuracy : undefined },
      { title: 'Training history (training…)' },
    );
  }

  private drawCurve(spec?: TopLevelSpec): void {
    const t0 = this.now();
    const bundle = plotBundle(spec ?? this.curveSpec(), { png: this.options.png });
    const t1 = this.now();
    this.curveCost += t1 - t0;
    this.nextCost = t1 - t0;
    this.lastCurve = t1;
    this.curves++;
    this.send(this.curveId, this.curveShown, bundle);
    this.curveShown = true;
  }

  /**
   * Ends the display: the final progress line, and the final plot in place of the curve
   * (`finalPlot`, else the last curve redrawn when curves are on).
   */
  finish(finalPlot?: TopLevelSpec): void {
    if (finalPlot !== undefined) checkSpec(finalPlot, 'TrainingProgress.finish: finalPlot');
    if (this.finished) return;
    this.finished = true;
    const t = this.now();
    const { done } = this.counts();
    const seconds = Number.isNaN(this.started) ? 0 : (t - this.started) / 1000;
    const info = this.lastInfo;
    this.lastLine = info
      ? `done: ${done} epoch${done === 1 ? '' : 's'}${this.runs.length > 1 ? ` in ${this.runs.length} runs` : ''} in ${formatSeconds(seconds)}, last loss ${formatNumber(info.loss)}`
      : 'done: no epoch ran';
    if (!this.writer) return;
    this.sendText(this.lastLine);
    if (finalPlot) this.drawCurve(finalPlot);
    else if (this.options.curve && this.runs.some((r) => r.loss.length > 0)) this.drawCurve();
  }
}

/** A live training display for notebooks; see {@link TrainingProgress}. Outside a kernel it only keeps count. */
export function trainingProgress(options: TrainingProgressOptions = {}): TrainingProgress {
  return new TrainingProgress(options);
}
