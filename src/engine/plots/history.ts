/**
 * Training history: training and validation loss per epoch, and accuracy when the
 * history has it (a classifier's).
 */
import { InputError, describeValue } from '../errors';
import { VectorLike, toVector } from '../matrix';
import { PALETTE, PlotOptions, PlotSpec, checkFlag, checkSize, finiteExtent, formatNumber, integerAxis, topLevel } from './common';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** The parts of a training history this plot reads (an engine `History` fits). */
export interface HistoryLike {
  loss: ReadonlyArray<number>;
  valLoss?: ReadonlyArray<number>;
  accuracy?: ReadonlyArray<number>;
  valAccuracy?: ReadonlyArray<number>;
  status?: string;
  message?: string;
}

/** Options of {@link trainingHistoryPlot}. */
export interface TrainingHistoryOptions extends PlotOptions {
  /** Logarithmic loss axis. @default false */
  logY?: boolean;
}


/** The option names of trainingHistoryPlot, listed once. */
const TRAININGHISTORYPLOT_KEYS = optionKeys<TrainingHistoryOptions>()(...PLOT_KEY_NAMES, 'logY');

/** Training and validation loss (and accuracy) per epoch, e.g. `trainingHistoryPlot(model.fit(X, y, {...}))`. */
export function trainingHistoryPlot(history: HistoryLike, options: TrainingHistoryOptions = {}): PlotSpec {
  options = checkPlotOptions('trainingHistoryPlot', options, TRAININGHISTORYPLOT_KEYS);
  const what = 'trainingHistoryPlot';
  // An empty loss list is fine: the live curve is drawn before the first epoch has ended.
  if (!history || typeof (history.loss as ArrayLike<number>)?.length !== 'number') {
    throw new InputError(`${what}: expected a history with a loss array (what fit returns), got ${describeValue(history)}`);
  }
  for (const key of ['loss', 'valLoss', 'accuracy', 'valAccuracy'] as const) checkCurve(`${what}: history.${key}`, history[key]);
  const width = checkSize(`${what}: width`, options.width, 320);
  const height = checkSize(`${what}: height`, options.height, 220);
  const logY = checkFlag(`${what}: logY`, options.logY, false);
  const rows = (values: ReadonlyArray<number> | undefined, split: string) =>
    Array.from(values ?? [], (v, k) => ({ epoch: k + 1, value: v, split })).filter((r) => Number.isFinite(r.value) && (!logY || r.value > 0));
  const lossRows = rows(history.loss, 'training').concat(rows(history.valLoss, 'validation'));
  const hasAccuracy = (history.accuracy?.length ?? 0) > 0 || (history.valAccuracy?.length ?? 0) > 0;
  const accRows = hasAccuracy ? rows(history.accuracy, 'training').concat(rows(history.valAccuracy, 'validation')) : [];
  const epochs = Math.max(1, history.loss.length, history.valLoss?.length ?? 0);
  // The legend lists only the splits that have data: no "validation" entry without validation data.
  const present = new Set(lossRows.concat(accRows).map((r) => r.split));
  const splits = ['training', 'validation'].filter((s) => present.has(s));
  if (splits.length === 0) splits.push('training');
  const dashes = splits.map((s) => (s === 'training' ? [1, 0] : [6, 3]));
  const colors = splits.map((s) => (s === 'training' ? PALETTE[0] : PALETTE[1]));
  const color = { field: 'split', type: 'nominal', title: 'data', scale: { domain: splits, range: colors } };
  const dash = { field: 'split', type: 'nominal', title: 'data', scale: { domain: splits, range: dashes } };
  const xMax = Math.max(2, epochs);
  const x = { field: 'epoch', type: 'quantitative', title: 'epoch', scale: { domain: [1, xMax], nice: false }, axis: integerAxis(1, xMax) };
  const panel = (values: unknown[], title: string | undefined, yTitle: string, scale: Record<string, unknown>) => ({
    width,
    height,
    ...(title ? { title: { text: title, fontSize: 12 } } : {}),
    data: { values },
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: yTitle, scale },
      color,
      strokeDash: dash,
      tooltip: [{ field: 'split', title: 'data' }, { field: 'epoch' }, { field: 'value', format: '.4g' }],
    },
  });
  // One panel: its y axis already says "loss", and the plot's title stays on top.
  const lossPanel = panel(lossRows, hasAccuracy ? 'loss' : undefined, logY ? 'loss (log scale)' : 'loss', logY ? { type: 'log' } : { zero: true });
  // A diverged run ends in NaN or ∞: say so in words, never "loss NaN".
  const last = (v?: ReadonlyArray<number>) => (v && v.length > 0 ? (Number.isFinite(v[v.length - 1]) ? formatNumber(v[v.length - 1]) : 'not finite (diverged)') : undefined);
  const parts = [`final training loss ${last(history.loss) ?? 'none'}`];
  if (history.valLoss?.length) parts.push(`validation loss ${last(history.valLoss)}`);
  if (history.accuracy?.length) parts.push(`training accuracy ${last(history.accuracy)}`);
  if (history.valAccuracy?.length) parts.push(`validation accuracy ${last(history.valAccuracy)}`);
  const description =
    options.description ?? `Training history over ${epochs} epochs: ${parts.join(', ')}${history.message ? ` (${history.message})` : ''}.`;
  const accExtent = finiteExtent(accRows.map((r) => r.value));
  const body = hasAccuracy
    ? {
        hconcat: [
          lossPanel,
          panel(accRows, 'accuracy', 'accuracy (fraction correct)', { domain: [Math.min(0.5, accExtent?.[0] ?? 0), 1] }),
        ],
      }
    : lossPanel;
  return topLevel(body, options.title ?? 'Training history', description, history.message);
}

/**
 * Checks one curve of a history: a list of numbers, one per epoch. NaN and ±∞ may be in it
 * (a run that diverged is worth plotting: its points stop there), strings and objects not.
 */
export function checkCurve(what: string, values: unknown): void {
  if (values !== undefined) toVector(values as VectorLike, what, { allowNonFinite: true, allowEmpty: true });
}
