/**
 * Activation functions: f(z) and its derivative f′(z) over a range of z, one panel per
 * function (faceted) or all in one panel.
 */
import { InputError, OptionError, checkChoice, checkInteger, describeValue } from '../errors';
import { MAX_PLOT_SIZE, PlotOptions, PlotSpec, checkFlag, checkSize, topLevel } from './common';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** An activation as the engine defines it: a name, the function and its derivative. */
export interface ActivationLike {
  readonly name: string;
  f(z: number): number;
  df(z: number): number;
}

/** One panel per activation, or all activations in one panel. */
export type ActivationLayout = 'facet' | 'single';

/** Options of {@link activationPlot}. */
export interface ActivationPlotOptions extends PlotOptions {
  /** Range of z. @default [-5, 5] */
  range?: [number, number];
  /** Points sampled over the range. @default 201 */
  samples?: number;
  /** 'facet': one small panel per function; 'single': all in one panel. @default 'facet' */
  layout?: ActivationLayout;
  /** Draw the derivative f′ (dashed) beside f. @default true */
  derivative?: boolean;
  /** Panels per row when faceted. @default 3 */
  columns?: number;
}

/** The option names of activationPlot, listed once. */
const ACTIVATIONPLOT_KEYS = optionKeys<ActivationPlotOptions>()(...PLOT_KEY_NAMES, 'range', 'samples', 'layout', 'derivative', 'columns');

/**
 * f(z) (solid) and f′(z) (dashed) for each activation, e.g.
 * `activationPlot([activations.sigmoid, activations.tanh, activations.relu])`.
 */
export function activationPlot(list: ReadonlyArray<ActivationLike>, options: ActivationPlotOptions = {}): PlotSpec {
  options = checkPlotOptions('activationPlot', options, ACTIVATIONPLOT_KEYS);
  const what = 'activationPlot';
  if (!Array.isArray(list) || list.length === 0) {
    throw new InputError(`${what}: expected a non-empty list of activations ({ name, f, df }), got ${describeValue(list)}`);
  }
  list.forEach((a, i) => {
    if (!a || typeof a.f !== 'function' || typeof a.df !== 'function') {
      throw new InputError(`${what}: activation ${i} must have f and df functions, got ${describeValue(a)}`);
    }
  });
  const [lo, hi] = checkRange(`${what}: range`, options.range);
  const samples = checkInteger(`${what}: samples`, options.samples ?? 201, 2, MAX_PLOT_SIZE);
  const layout = checkChoice(`${what}: layout`, options.layout ?? 'facet', ['facet', 'single'] as const);
  const withDerivative = checkFlag(`${what}: derivative`, options.derivative, true);
  const facet = layout === 'facet';
  const width = checkSize(`${what}: width`, options.width, facet ? 200 : 420);
  const height = checkSize(`${what}: height`, options.height, facet ? 150 : 280);
  const F = 'f(z)';
  const DF = 'f′(z)';
  const rows: { name: string; z: number; value: number; curve: string }[] = [];
  for (const a of list) {
    for (let k = 0; k < samples; k++) {
      const z = lo + ((hi - lo) * k) / (samples - 1);
      const f = a.f(z);
      if (Number.isFinite(f)) rows.push({ name: a.name, z, value: f, curve: F });
      if (withDerivative) {
        const d = a.df(z);
        if (Number.isFinite(d)) rows.push({ name: a.name, z, value: d, curve: DF });
      }
    }
  }
  const names = list.map((a) => a.name);
  const curves = withDerivative ? [F, DF] : [F];
  const encoding: Record<string, unknown> = {
    x: { field: 'z', type: 'quantitative', title: 'z (net input)', scale: { domain: [lo, hi], nice: false } },
    y: { field: 'value', type: 'quantitative', title: facet ? 'f(z), f′(z)' : 'value' },
    strokeDash: { field: 'curve', type: 'nominal', title: 'curve', scale: { domain: curves, range: [[1, 0], [5, 3]] } },
    tooltip: [{ field: 'name', title: 'activation' }, { field: 'curve' }, { field: 'z', format: '.3g' }, { field: 'value', format: '.4g' }],
  };
  encoding.color = facet
    ? { field: 'curve', type: 'nominal', title: 'curve', scale: { domain: curves } }
    : { field: 'name', type: 'nominal', title: 'activation', sort: names };
  // The axes through the origin help reading where f and f′ cross zero.
  const axes = { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#bbb' }, encoding: { y: { field: 'zero', type: 'quantitative' } } };
  const line = { data: { values: rows }, mark: { type: 'line', strokeWidth: 2, clip: true }, encoding };
  const description =
    options.description ??
    `Activation functions ${names.join(', ')}: f(z)${withDerivative ? ' (solid) and its derivative f′(z) (dashed)' : ''} for z from ${lo} to ${hi}.`;
  const title = options.title ?? (withDerivative ? 'Activation functions f(z) and their derivatives f′(z)' : 'Activation functions f(z)');
  if (!facet) return topLevel({ width, height, layer: [axes, line] }, title, description);
  return topLevel(
    {
      data: { values: rows },
      facet: { field: 'name', type: 'nominal', title: null, sort: names, header: { labelFontSize: 13, labelFontWeight: 'bold' } },
      columns: Math.min(checkInteger(`${what}: columns`, options.columns ?? 3, 1), names.length),
      // Every panel its own z axis: a shared one is drawn under each column of the last row,
      // including an empty slot (7 functions in 4 columns showed an empty eighth panel).
      resolve: { axis: { x: 'independent' } },
      spec: {
        width,
        height,
        layer: [
          { mark: { type: 'rule', color: '#bbb' }, encoding: { y: { datum: 0, type: 'quantitative' } } },
          { mark: { type: 'line', strokeWidth: 2, clip: true }, encoding },
        ],
      },
    },
    title,
    description,
  );
}

/** The range of z: [low, high], two finite numbers with low < high ([−5, 5] when not given). */
function checkRange(what: string, range: unknown): [number, number] {
  if (range === undefined) return [-5, 5];
  const ok = Array.isArray(range) && range.length === 2 && range.every((v) => typeof v === 'number' && Number.isFinite(v)) && range[0] < range[1];
  if (!ok) throw new OptionError(`${what}: expected [low, high], two finite numbers with low < high, got ${Array.isArray(range) ? `[${range.map(describeValue).join(', ')}]` : describeValue(range)}`);
  return [range[0], range[1]];
}
