/**
 * Regression: the fitted curve over the data (1-D inputs), predictions against targets
 * (on the diagonal when perfect), and residuals (target − prediction) against predictions.
 */
import { InputError, MAX_UNITS, OptionError, checkInteger, describeValue } from '../errors';
import { MatrixLike, VectorLike, toVector } from '../matrix';
import { MAX_PLOT_SIZE, NEGATIVE_COLOR, POSITIVE_COLOR, PlotOptions, PlotSpec, checkSameLength, checkSize, formatNumber, paddedExtent, symbolName, toRows, topLevel } from './common';
import { Predictor, evaluate } from './predictor';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** Inputs and targets of a regression (a `Dataset` fits). */
export interface RegressionData {
  X: MatrixLike | VectorLike;
  y: VectorLike | MatrixLike;
  featureNames?: ReadonlyArray<string>;
  targetName?: string;
}

/** Options of {@link regressionPlot}. */
export interface RegressionPlotOptions extends PlotOptions {
  /** Which output (column) of a multi-output model and target to plot. @default 0 */
  output?: number;
  /** Points on the fitted curve (1-D inputs with a model). @default 200 */
  samples?: number;
}

/** Column `j` of targets given as number[], Float64Array or rows (finite: toRows refuses NaN and ∞). */
function column(y: VectorLike | MatrixLike, j: number, what: string): number[] {
  const rows = toRows(y as MatrixLike, what);
  if (j >= rows[0].length) throw new OptionError(`${what}: output: expected an output index below ${rows[0].length} (the targets' columns), got ${j}`);
  return rows.map((r) => r[j]);
}

/** The option names of regressionPlot, listed once. */
const REGRESSIONPLOT_KEYS = optionKeys<RegressionPlotOptions>()(...PLOT_KEY_NAMES, 'output', 'samples');

/**
 * Panels of a regression: fit over the data (when X has one feature), predicted against
 * true values, and residuals.
 *
 * @param model a regressor (with predict), a function X => predictions, or the predictions themselves (number[])
 * @param data inputs X and targets y
 */
export function regressionPlot(model: Predictor | ReadonlyArray<number>, data: RegressionData, options: RegressionPlotOptions = {}): PlotSpec {
  options = checkPlotOptions('regressionPlot', options, REGRESSIONPLOT_KEYS);
  const what = 'regressionPlot';
  if (!data || typeof data !== 'object') throw new InputError(`${what}: expected data { X, y }, got ${describeValue(data)}`);
  // A flat list of inputs is one feature (a column).
  const X = toRows(data.X as MatrixLike, `${what}: X`);
  const j = checkInteger(`${what}: output`, options.output ?? 0, 0, MAX_UNITS);
  const samples = checkInteger(`${what}: samples`, options.samples ?? 200, 2, MAX_PLOT_SIZE);
  const y = column(data.y, j, `${what}: y`);
  checkSameLength(what, X, y);
  const isValues = Array.isArray(model) || model instanceof Float64Array;
  let predictions: number[];
  if (isValues) {
    predictions = Array.from(toVector(model as VectorLike, `${what}: predictions`));
    if (predictions.length !== y.length) {
      throw new InputError(`${what}: got ${predictions.length} predictions for ${y.length} targets; expected one per sample`);
    }
  } else if (typeof model === 'function' || (typeof model === 'object' && model !== null)) {
    predictions = outputColumn(evaluate(model as Predictor, X, 'value', what).rows, j, what);
  } else {
    throw new InputError(`${what}: expected a model, a function or predictions, got ${describeValue(model)}`);
  }
  const width = checkSize(`${what}: width`, options.width, 260);
  const height = checkSize(`${what}: height`, options.height, 240);
  const xName = symbolName(data.featureNames?.[0] ?? 'x');
  const yName = data.targetName ?? 'y';
  const points = X.map((r, i) => ({ x: r[0], target: y[i], predicted: predictions[i], residual: y[i] - predictions[i] }));
  const panels: Record<string, unknown>[] = [];

  if (X[0].length === 1) {
    // The model drawn as a curve over the inputs' range; with predictions only, the predicted points joined in x order.
    let curve: { x: number; predicted: number }[];
    if (!isValues) {
      const [lo, hi] = paddedExtent(X.map((r) => r[0]), 0.02);
      const grid = Array.from({ length: samples }, (_, k) => [lo + ((hi - lo) * k) / (samples - 1)]);
      const out = outputColumn(evaluate(model as Predictor, grid, 'value', what).rows, j, what);
      curve = grid.map((g, k) => ({ x: g[0], predicted: out[k] }));
    } else {
      curve = points.map((p) => ({ x: p.x, predicted: p.predicted })).sort((a, b) => a.x - b.x);
    }
    panels.push({
      width,
      height,
      title: { text: 'model over the data', fontSize: 12 },
      layer: [
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 30, opacity: 0.7, color: POSITIVE_COLOR },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: xName, scale: { zero: false } },
            y: { field: 'target', type: 'quantitative', title: yName, scale: { zero: false } },
            tooltip: [{ field: 'x', format: '.3g' }, { field: 'target', format: '.3g' }, { field: 'predicted', format: '.3g' }],
          },
        },
        {
          data: { values: curve },
          mark: { type: 'line', color: NEGATIVE_COLOR, strokeWidth: 2.5 },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'predicted', type: 'quantitative' } },
        },
      ],
    });
  }
  const all = y.concat(predictions).filter(Number.isFinite);
  const [lo, hi] = paddedExtent(all, 0.05);
  panels.push({
    width,
    height,
    title: { text: 'predicted against true', fontSize: 12 },
    layer: [
      {
        // The diagonal ŷ = y: a perfect model puts every point on it.
        data: { values: [{ a: lo, b: hi }] },
        mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
        encoding: {
          x: { field: 'a', type: 'quantitative', scale: { domain: [lo, hi], nice: false, zero: false } },
          y: { field: 'a', type: 'quantitative', scale: { domain: [lo, hi], nice: false, zero: false } },
          x2: { field: 'b' },
          y2: { field: 'b' },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 30, opacity: 0.7, color: POSITIVE_COLOR },
        encoding: {
          x: { field: 'target', type: 'quantitative', title: `true ${yName}` },
          y: { field: 'predicted', type: 'quantitative', title: `predicted ŷ` },
          tooltip: [{ field: 'target', format: '.3g' }, { field: 'predicted', format: '.3g' }],
        },
      },
    ],
  });
  panels.push({
    width,
    height,
    title: { text: 'residuals', fontSize: 12 },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 30, opacity: 0.7, color: NEGATIVE_COLOR },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: 'predicted ŷ', scale: { zero: false } },
          y: { field: 'residual', type: 'quantitative', title: `residual: ${yName} − ŷ` },
          tooltip: [{ field: 'predicted', format: '.3g' }, { field: 'residual', format: '.3g' }],
        },
      },
    ],
  });
  const n = y.length;
  const mse = points.reduce((s, p) => s + p.residual * p.residual, 0) / n;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const ssTot = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const r2 = ssTot > 0 ? 1 - (mse * n) / ssTot : NaN;
  const stats = `MSE ${formatNumber(mse)}, R² ${formatNumber(r2)}`;
  const description =
    options.description ??
    `Regression on ${n} samples: ${X[0].length === 1 ? 'the model over the data, ' : ''}predicted against true values, and residuals; ${stats}.`;
  // The two reference lines have no legend entry: say what they are.
  const guide = 'dashed: ŷ = y, where a perfect prediction lies; residuals: the true value minus ŷ, 0 on the grey line';
  return topLevel({ hconcat: panels }, options.title ?? 'Regression', description, [stats, guide]);
}

/** Output `j` of a model's rows: the model must have that many outputs. */
function outputColumn(rows: number[][], j: number, what: string): number[] {
  if (rows.length > 0 && j >= rows[0].length) throw new OptionError(`${what}: output: expected an output index below ${rows[0].length} (the model's outputs), got ${j}`);
  return rows.map((r) => r[j]);
}
