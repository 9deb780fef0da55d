/**
 * Learning-rate convergence: loss against epoch, one line per learning rate. A run that
 * diverged is drawn up to where it blew up and marked with ✕ there; its huge or infinite
 * losses never set the y scale (the scale is taken from the runs that did not diverge).
 */
import { InputError, describeValue } from '../errors';
import { PlotOptions, PlotSpec, checkFlag, checkSize, finiteExtent, formatNumber, integerAxis, topLevel } from './common';
import { checkCurve } from './history';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** The parts of a training history this plot reads (an engine `History` fits). */
export interface LossHistoryLike {
  loss: ReadonlyArray<number>;
  valLoss?: ReadonlyArray<number>;
  learningRate?: number;
  status?: string;
  message?: string;
}

/** One run of a sweep (an engine `SweepRun` fits). */
export interface SweepRunLike {
  learningRate: number;
  history: LossHistoryLike;
  verdict?: string;
  convergedAt?: number;
  label?: string;
}

/** A learning-rate sweep (an engine `SweepResult` fits). */
export interface SweepResultLike {
  runs: ReadonlyArray<SweepRunLike>;
  target?: number;
}

/** Options of {@link learningRateConvergencePlot}. */
export interface ConvergencePlotOptions extends PlotOptions {
  /** Logarithmic loss axis: shows slow and fast runs side by side. @default true */
  logY?: boolean;
  /** Draw the sweep's target loss as a dashed line. @default true when the sweep has a target */
  showTarget?: boolean;
}

/** A run as this plot sees it. */
interface Run {
  label: string;
  rate?: number;
  loss: number[];
  diverged: boolean;
  /** Epoch (1-based) at which the run blew up; the ✕ goes there. */
  blewUpAt?: number;
}

/** Row of the line layer. */
interface LossRow {
  run: string;
  epoch: number;
  loss: number;
}

/** Legend label: the sweep's own label, else `η = 0.1: converged at epoch 42` built here. */
function runLabel(run: SweepRunLike | { history: LossHistoryLike; learningRate?: number }, i: number): string {
  const r = run as SweepRunLike;
  if (typeof r.label === 'string' && r.label.length > 0) return r.label;
  const rate = r.learningRate ?? run.history.learningRate;
  const name = rate === undefined ? `run ${i + 1}` : `η = ${formatNumber(rate)}`;
  const verdict = r.verdict ?? run.history.status;
  if (!verdict) return name;
  if (verdict === 'converged' && r.convergedAt !== undefined) return `${name}: converged at epoch ${r.convergedAt}`;
  return `${name}: ${verdict}`;
}

/** A run diverged when the engine says so, or when its loss became NaN/∞. */
function toRun(input: SweepRunLike | LossHistoryLike, i: number): Run {
  const isRun = typeof (input as SweepRunLike).history === 'object' && (input as SweepRunLike).history !== null;
  const history = isRun ? (input as SweepRunLike).history : (input as LossHistoryLike);
  if (!history || !Array.isArray(history.loss) && !(history.loss as unknown instanceof Float64Array)) {
    throw new InputError(`learningRateConvergencePlot: run ${i + 1}: expected a history with a loss array, got ${describeValue(history)}`);
  }
  checkCurve(`learningRateConvergencePlot: run ${i + 1}: loss`, history.loss);
  const loss = Array.from(history.loss);
  const rate = isRun ? (input as SweepRunLike).learningRate : history.learningRate;
  let label = runLabel(isRun ? (input as SweepRunLike) : { history, learningRate: rate }, i);
  const firstBad = loss.findIndex((v) => !Number.isFinite(v));
  const diverged = (isRun && (input as SweepRunLike).verdict === 'diverged') || history.status === 'diverged' || firstBad >= 0;
  // A history without a verdict whose loss became NaN/∞ still says so in the legend.
  if (diverged && !label.includes(':')) label += ': diverged';
  if (!diverged) return { label, rate, loss, diverged };
  // Where it blew up: the first NaN/∞ loss, else the last epoch recorded (the engine stops right after it).
  if (firstBad >= 0) return { label, rate, loss: loss.slice(0, firstBad), diverged, blewUpAt: firstBad + 1 };
  return { label, rate, loss, diverged, blewUpAt: Math.max(1, loss.length) };
}

/**
 * The part of a diverged run's curve inside the plot: its points up to the first one above
 * the top of the y scale, then the point where the line crosses the top (the ✕ goes there).
 * Points outside the view are not drawn at all (they would also crash the PNG renderer).
 */
function cutAtTop(loss: number[], top: number, logY: boolean): { kept: number[]; exit?: { epoch: number } } {
  const k = loss.findIndex((v) => !(v <= top));
  if (k < 0) return { kept: loss };
  if (k === 0) return { kept: [], exit: { epoch: 1 } };
  const a = loss[k - 1];
  const b = loss[k];
  // Interpolate in the scale's own space (log for a log axis) between epochs k and k+1.
  const f = (v: number) => (logY ? Math.log(v) : v);
  const t = Number.isFinite(b) && f(b) > f(a) ? (f(top) - f(a)) / (f(b) - f(a)) : 0;
  return { kept: loss.slice(0, k), exit: { epoch: k + Math.min(1, Math.max(0, t)) } };
}

/** The option names of learningRateConvergencePlot, listed once. */
const LEARNINGRATECONVERGENCEPLOT_KEYS = optionKeys<ConvergencePlotOptions>()(...PLOT_KEY_NAMES, 'logY', 'showTarget');

/**
 * Loss per epoch for several learning rates, from `learningRateSweep(...)` or from histories.
 * Each run's legend label gives its verdict (converged at epoch k, too slow, oscillating, diverged).
 *
 * @example show(learningRateConvergencePlot(learningRateSweep({ model, X, y, learningRates: [0.001, 0.1, 10], epochs: 50 })))
 */
export function learningRateConvergencePlot(
  sweep: SweepResultLike | ReadonlyArray<SweepRunLike | LossHistoryLike>,
  options: ConvergencePlotOptions = {},
): PlotSpec {
  options = checkPlotOptions('learningRateConvergencePlot', options, LEARNINGRATECONVERGENCEPLOT_KEYS);
  const inputs = Array.isArray(sweep) ? (sweep as ReadonlyArray<SweepRunLike | LossHistoryLike>) : (sweep as SweepResultLike)?.runs;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new InputError(`learningRateConvergencePlot: expected a sweep result (with runs) or a non-empty list of histories, got ${describeValue(sweep)}`);
  }
  const target = Array.isArray(sweep) ? undefined : (sweep as SweepResultLike).target;
  const logY = checkFlag('learningRateConvergencePlot: logY', options.logY, true);
  const showTarget = checkFlag('learningRateConvergencePlot: showTarget', options.showTarget, true);
  const width = checkSize('learningRateConvergencePlot: width', options.width, 420);
  const height = checkSize('learningRateConvergencePlot: height', options.height, 260);
  const runs = inputs.map(toRun);
  const labels = runs.map((r) => r.label);
  if (new Set(labels).size !== labels.length) runs.forEach((r, i) => (r.label = `${i + 1}. ${r.label}`));

  // The y scale comes from the runs that did not diverge, so one explosion cannot flatten the rest.
  const calm = runs.filter((r) => !r.diverged);
  const source = calm.length > 0 ? calm : runs;
  const values = source.flatMap((r) => r.loss).filter((v) => Number.isFinite(v) && (!logY || v > 0));
  if (target !== undefined && Number.isFinite(target) && (!logY || target > 0)) values.push(target);
  const extent = finiteExtent(values) ?? [logY ? 1e-3 : 0, 1];
  const domain: [number, number] = logY
    ? [extent[0] / 1.5, extent[1] * 1.5]
    : [Math.min(0, extent[0]), extent[1] + 0.08 * (extent[1] - Math.min(0, extent[0]) || 1)];
  const maxEpoch = Math.max(2, ...runs.map((r) => Math.max(r.loss.length, r.blewUpAt ?? 0)));

  // Diverged runs end where their line leaves the top of the plot (or at their last point inside it): ✕ there.
  const rows: LossRow[] = [];
  const markers: { run: string; epoch: number; loss: number; blewUpAt: number }[] = [];
  for (const r of runs) {
    const { kept, exit } = r.diverged ? cutAtTop(r.loss, domain[1], logY) : { kept: r.loss, exit: undefined };
    kept.forEach((loss, k) => {
      // log scale: a loss of exactly 0 has no place on the axis; such points are left out.
      if (Number.isFinite(loss) && (!logY || loss > 0)) rows.push({ run: r.label, epoch: k + 1, loss: Math.max(loss, logY ? domain[0] : -Infinity) });
    });
    if (!r.diverged) continue;
    // No exit: the ✕ sits on the last point drawn (or at the top of epoch 1 when nothing is drawn).
    const at = exit ?? { epoch: Math.max(1, kept.length) };
    const y = exit || kept.length === 0 ? domain[1] : kept[kept.length - 1];
    if (exit) rows.push({ run: r.label, epoch: at.epoch, loss: y });
    // The ✕ (about 16 px across) stays inside the frame: a run that blew up in epoch 1 would
    // otherwise sit half outside, on the corner of the axes.
    const inset = 9;
    const markerEpoch = Math.max(at.epoch, 1 + (inset * (maxEpoch - 1)) / width);
    const markerLoss = Math.min(y, logY ? domain[1] * (domain[0] / domain[1]) ** (inset / height) : domain[1] - (inset * (domain[1] - domain[0])) / height);
    markers.push({ run: r.label, epoch: markerEpoch, loss: markerLoss, blewUpAt: r.blewUpAt as number });
  }

  const color = { field: 'run', type: 'nominal', title: 'learning rate η', sort: runs.map((r) => r.label) };
  const x = { field: 'epoch', type: 'quantitative', title: 'epoch', scale: { domain: [1, maxEpoch], nice: false }, axis: integerAxis(1, maxEpoch) };
  const y = {
    field: 'loss',
    type: 'quantitative',
    title: logY ? 'loss (log scale)' : 'loss',
    scale: { type: logY ? 'log' : 'linear', domain, nice: false },
  };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: rows },
      mark: { type: 'line', clip: true, strokeWidth: 2, interpolate: 'linear', point: false },
      encoding: {
        x,
        y,
        color,
        tooltip: [{ field: 'run', title: 'run' }, { field: 'epoch' }, { field: 'loss', format: '.4g' }],
      },
    },
  ];
  if (markers.length > 0) {
    layers.push({
      data: { values: markers },
      mark: { type: 'point', shape: 'cross', size: 220, filled: true, strokeWidth: 1, clip: false, angle: 45 },
      encoding: {
        x,
        y: { field: 'loss', type: 'quantitative', scale: y.scale },
        color,
        tooltip: [{ field: 'run', title: 'run' }, { field: 'blewUpAt', title: 'blew up at epoch' }],
      },
    });
  }
  const drawTarget = target !== undefined && Number.isFinite(target) && showTarget && (!logY || target > 0);
  if (drawTarget) {
    layers.push({
      data: { values: [{ target }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#777' },
      encoding: { y: { field: 'target', type: 'quantitative', scale: y.scale } },
    });
  }
  const diverged = runs.filter((r) => r.diverged).length;
  const description =
    options.description ??
    `Loss against epoch for ${runs.length} learning rate${runs.length === 1 ? '' : 's'}: ` +
      runs.map((r) => r.label).join('; ') +
      (diverged > 0 ? `. ${diverged} diverged run${diverged === 1 ? ' is' : 's are'} drawn until the loss leaves the plot, marked with ✕ there.` : '.');
  // What the marks without a legend entry mean: the dashed target and the ✕, which sits a little
  // inside the frame, so it names its run and the epoch it stands for.
  const where = runs
    .filter((r) => r.diverged)
    .map((r) => `${r.rate !== undefined ? `η = ${formatNumber(r.rate)}` : r.label.split(':')[0]} in epoch ${r.blewUpAt}`);
  const subtitle = [
    ...(drawTarget ? [`dashed: the target loss ${formatNumber(target as number)}; a run has converged once its loss stays below it`] : []),
    ...(diverged > 0 ? [`✕: where a diverged run blew up (${where.join(', ')})`] : []),
  ];
  return topLevel(
    { width, height, layer: layers },
    options.title ?? 'Loss per epoch for each learning rate',
    description,
    subtitle.length > 0 ? subtitle : undefined,
  );
}
