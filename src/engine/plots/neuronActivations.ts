/**
 * What each neuron computes: one small heatmap per neuron of a trained network, its
 * activation a over the input plane, with the data on top (as TensorFlow Playground draws
 * every hidden unit). A hidden neuron of a sigmoid network draws one soft line; the output
 * neuron combines them.
 */
import { InputError, checkInteger, describeValue } from '../errors';
import { optionKeys } from '../options';
import { LabelledData, NEGATIVE_COLOR, POSITIVE_COLOR, PLOT_KEY_NAMES, PlotOptions, PlotSpec, checkFlag, checkMargin, checkPlotOptions, checkSize, finiteExtent, formatNumber, paddedExtent, planeData, subscript, tickValues, toRows, topLevel } from './common';
import type { MatrixLike } from '../matrix';

/** A network whose forward pass keeps every layer's activations (an engine MLP fits). */
export interface ForwardModelLike {
  forward(X: number[][]): { layers: ReadonlyArray<{ a: MatrixLike }> };
  layers?: ReadonlyArray<{ activationName?: string }>;
}

/** Options of {@link neuronActivationPlot}. */
export interface NeuronActivationOptions extends PlotOptions {
  /** Grid cells per axis of each map. @default 30 */
  resolution?: number;
  /** Margin around the data, as a fraction of its range. @default 0.1 */
  margin?: number;
  /** Draw the output layer's neurons too. @default true */
  output?: boolean;
  /** Names of the two axes. @default the data's featureNames, else x₁ and x₂ */
  featureNames?: ReadonlyArray<string>;
}

/** The option names of neuronActivationPlot, listed once. */
const NEURONACTIVATIONPLOT_KEYS = optionKeys<NeuronActivationOptions>()(...PLOT_KEY_NAMES, 'resolution', 'margin', 'output', 'featureNames');

/** Diverging blue–orange without its darkest ends (as the decision boundary), so that points stay visible. */
const LIGHT_BLUE_ORANGE = { name: 'blueorange', extent: [0.12, 0.88] };

/**
 * The colour domain for activations in [lo, hi]: [0, 1] for a sigmoid-like range, [−1, 1] for
 * tanh-like, otherwise symmetric around 0 so that white is always a = 0 (or 0.5 on [0, 1]).
 */
export function activationDomain(lo: number, hi: number): [number, number] {
  if (lo >= 0 && hi <= 1) return [0, 1];
  if (lo >= -1 && hi <= 1) return [-1, 1];
  const top = Math.max(Math.abs(lo), Math.abs(hi), 1e-9);
  return [-top, top];
}

/**
 * One heatmap per neuron: its activation over the plane around 2-D data (hidden layers
 * first, then the output), the data on top coloured by class.
 *
 * @param model a network with `forward(X)` returning every layer's activations (an MLP)
 * @param data the 2-D inputs and their labels
 */
export function neuronActivationPlot(model: ForwardModelLike, data: LabelledData, options: NeuronActivationOptions = {}): PlotSpec {
  options = checkPlotOptions('neuronActivationPlot', options, NEURONACTIVATIONPLOT_KEYS);
  const what = 'neuronActivationPlot';
  if (!model || typeof (model as ForwardModelLike).forward !== 'function') {
    throw new InputError(`${what}: expected a network with forward(X) (an MLP), got ${describeValue(model)}`);
  }
  const { X, y, names } = planeData(what, data, options.featureNames, '; the maps are drawn over a plane of two inputs');
  // resolution² cells per neuron: 1000 is already a million.
  const resolution = checkInteger(`${what}: resolution`, options.resolution ?? 30, 2, 1000);
  const width = checkSize(`${what}: width`, options.width, 150);
  const height = checkSize(`${what}: height`, options.height, 150);
  const margin = checkMargin(what, options.margin, 0.1);
  const withOutput = checkFlag(`${what}: output`, options.output, true);
  const [lo1, hi1] = paddedExtent(X.map((r) => r[0]), margin);
  const [lo2, hi2] = paddedExtent(X.map((r) => r[1]), margin);
  const dx = (hi1 - lo1) / resolution;
  const dy = (hi2 - lo2) / resolution;
  const grid: number[][] = [];
  for (let i = 0; i < resolution; i++) for (let j = 0; j < resolution; j++) grid.push([lo1 + (j + 0.5) * dx, lo2 + (i + 0.5) * dy]);

  const forward = model.forward(grid.map((g) => g.slice()));
  if (!forward || !Array.isArray(forward.layers) || forward.layers.length === 0) {
    throw new InputError(`${what}: forward(X) returned ${describeValue(forward)}; expected { layers: [{ a }, ...] }`);
  }
  const count = withOutput ? forward.layers.length : forward.layers.length - 1;
  if (count === 0) throw new InputError(`${what}: the network has no hidden layer to draw; pass { output: true } to draw its output`);
  const maps = forward.layers.slice(0, count).map((l, k) => ({ layer: k, a: toRows(l.a, `${what}: layer ${k + 1} activations`) }));
  const last = forward.layers.length - 1;

  const all = maps.flatMap((m) => m.a.flat());
  const [lo, hi] = finiteExtent(all) ?? [0, 1];
  const domain = activationDomain(lo, hi);
  const points = X.map((r, i) => ({ x1: r[0], x2: r[1], label: String(y[i]) }));
  const classes = [...new Set(points.map((p) => p.label))].sort();
  const classColors = classes.length <= 2 ? { domain: ['0', '1'], range: [NEGATIVE_COLOR, POSITIVE_COLOR] } : undefined;
  const scaleX = { domain: [lo1, hi1], nice: false, zero: false };
  const scaleY = { domain: [lo2, hi2], nice: false, zero: false };
  const actName = (k: number) => model.layers?.[k]?.activationName;

  const panels = maps.flatMap(({ layer, a }) => {
    const units = a[0].length;
    return Array.from({ length: units }, (_, u) => {
      const cells = grid.map((g, c) => ({ x1: g[0] - 0.51 * dx, x1e: g[0] + 0.51 * dx, x2: g[1] - 0.51 * dy, x2e: g[1] + 0.51 * dy, a: a[c][u] }));
      const who = layer === last ? (units === 1 ? 'output ŷ' : `output ŷ${subscript(u + 1)}`) : `hidden ${layer + 1}, neuron ${u + 1}`;
      const act = actName(layer);
      return {
        width,
        height,
        title: { text: act ? `${who} (${act})` : who, fontSize: 11, fontWeight: layer === last ? 'bold' : 'normal' },
        layer: [
          {
            data: { values: cells },
            mark: { type: 'rect', stroke: null },
            encoding: {
              x: { field: 'x1', type: 'quantitative', scale: scaleX, axis: { values: tickValues(lo1, hi1, width, 45), title: names[0] } },
              x2: { field: 'x1e' },
              y: { field: 'x2', type: 'quantitative', scale: scaleY, axis: { values: tickValues(lo2, hi2, height, 45), title: names[1] } },
              y2: { field: 'x2e' },
              color: { field: 'a', type: 'quantitative', title: 'activation a', scale: { scheme: LIGHT_BLUE_ORANGE, reverse: true, domain }, legend: { gradientLength: Math.max(60, height - 20) } },
            },
          },
          {
            data: { values: points },
            mark: { type: 'point', filled: true, size: 40, stroke: 'black', strokeWidth: 0.6, opacity: 1 },
            encoding: {
              x: { field: 'x1', type: 'quantitative', scale: scaleX },
              y: { field: 'x2', type: 'quantitative', scale: scaleY },
              fill: { field: 'label', type: 'nominal', title: 'true class', ...(classColors ? { scale: classColors } : {}) },
            },
          },
        ],
      };
    });
  });
  const hiddenCount = maps.filter((m) => m.layer !== last).reduce((s, m) => s + m.a[0].length, 0);
  const description =
    options.description ??
    `What each neuron computes: ${panels.length} maps (${hiddenCount} hidden neuron${hiddenCount === 1 ? '' : 's'}${count > last ? ' and the output' : ''}), ` +
      `each neuron's activation over the plane of ${names[0]} and ${names[1]} (activations from ${formatNumber(lo)} to ${formatNumber(hi)}), with ${X.length} points coloured by their true class.`;
  return topLevel(
    {
      concat: panels,
      columns: Math.min(4, panels.length),
      spacing: 14,
      resolve: { scale: { color: 'shared', fill: 'shared' } },
    },
    options.title ?? 'What each neuron computes',
    description,
    `colour: the neuron's activation a (${formatNumber(domain[0])} orange to ${formatNumber(domain[1])} blue); points: true class`,
  );
}
