/**
 * Network diagram: neurons in layers (inputs on the left), links whose width shows the
 * size of the weight |w| and whose colour shows its sign, as the course draws an MLP.
 */
import { InputError, checkInteger, checkPositive, describeValue } from '../errors';
import { MatrixLike } from '../matrix';
import { NEGATIVE_COLOR, POSITIVE_COLOR, PlotOptions, PlotSpec, optionalNames, checkSize, formatNumber, subscript, toRows, topLevel } from './common';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** A layer as the diagram reads it: its weights W [inputs × units] (an engine Dense layer fits). */
export interface LayerLike {
  /** Weights, one row per input, one column per unit. Maxout: one matrix per piece (the diagram averages them). */
  W?: MatrixLike | ReadonlyArray<MatrixLike>;
  /** Name of the activation (or an object with a name). */
  activation?: string | { name: string };
  type?: string;
  units?: number;
}

/** Options of {@link networkDiagram}. */
export interface NetworkDiagramOptions extends PlotOptions {
  /** Names of the inputs. @default x₁, x₂, ... */
  inputNames?: ReadonlyArray<string>;
  /** Names of the outputs. @default ŷ₁, ŷ₂, ... (ŷ for one output) */
  outputNames?: ReadonlyArray<string>;
  /** Neurons drawn per layer at most; the rest are summarised as "+ n more". @default 12 */
  maxNeurons?: number;
  /**
   * The |w| drawn with the widest line (larger weights are drawn as wide). Give two diagrams the
   * same value (say before and after training) to compare them: each on its own scale, small
   * random weights and large trained ones look alike. @default the largest |w| of this network
   */
  maxWeight?: number;
}

/** A matrix given as a Matrix, number[][] or a list of them (maxout pieces: averaged). */
function weightRows(W: LayerLike['W'], what: string): number[][] {
  const first = Array.isArray(W) ? (W as unknown[])[0] : undefined;
  const isPieces = first !== undefined && ((!Array.isArray(first) && typeof first === 'object') || (Array.isArray(first) && Array.isArray(first[0])));
  if (isPieces) {
    const pieces = (W as ReadonlyArray<MatrixLike>).map((p, k) => toRows(p, `${what} piece ${k + 1}`));
    return pieces[0].map((row, i) => row.map((_, j) => pieces.reduce((s, p) => s + p[i][j], 0) / pieces.length));
  }
  return toRows(W as MatrixLike, what);
}

/** The option names of networkDiagram, listed once. */
const NETWORKDIAGRAM_KEYS = optionKeys<NetworkDiagramOptions>()(...PLOT_KEY_NAMES, 'inputNames', 'outputNames', 'maxNeurons', 'maxWeight');

/**
 * Neurons and weighted links of a network: pass a model (`{ layers: [{ W, activation }, ...] }`,
 * e.g. an MLP) or the list of weight matrices [inputs × units], one per layer.
 */
export function networkDiagram(model: { layers: ReadonlyArray<LayerLike> } | ReadonlyArray<MatrixLike>, options: NetworkDiagramOptions = {}): PlotSpec {
  options = checkPlotOptions('networkDiagram', options, NETWORKDIAGRAM_KEYS);
  const what = 'networkDiagram';
  const layers: LayerLike[] = Array.isArray(model)
    ? (model as ReadonlyArray<MatrixLike>).map((W) => ({ W }))
    : ((model as { layers?: ReadonlyArray<LayerLike> })?.layers?.slice() as LayerLike[]);
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new InputError(`${what}: expected a model with layers (each with W) or a list of weight matrices, got ${describeValue(model)}`);
  }
  const Ws = layers.map((l, k) => {
    if (l.W === undefined) throw new InputError(`${what}: layer ${k + 1}: expected weights W, got none`);
    return weightRows(l.W, `${what}: layer ${k + 1} W`);
  });
  Ws.forEach((W, k) => {
    if (k > 0 && W.length !== Ws[k - 1][0].length) {
      throw new InputError(`${what}: layer ${k + 1} has ${W.length} inputs but layer ${k} has ${Ws[k - 1][0].length} units`);
    }
  });
  const maxNeurons = checkInteger(`${what}: maxNeurons`, options.maxNeurons ?? 12, 2);
  const sizes = [Ws[0].length, ...Ws.map((W) => W[0].length)];
  const shownCount = sizes.map((n) => Math.min(n, maxNeurons));
  const tallest = Math.max(...shownCount);
  const last = sizes.length - 1;
  const inputNames = optionalNames(`${what}: inputNames`, options.inputNames, sizes[0]);
  const outputNames = optionalNames(`${what}: outputNames`, options.outputNames, sizes[last]);
  const neuronName = (layer: number, i: number): string => {
    if (layer === 0) return inputNames?.[i] ?? `x${subscript(i + 1)}`;
    if (layer === last) return outputNames?.[i] ?? (sizes[last] === 1 ? 'ŷ' : `ŷ${subscript(i + 1)}`);
    return '';
  };
  // Neurons of a layer are centred vertically; y grows downwards (row 0 at the top).
  const yOf = (layer: number, i: number) => i - (shownCount[layer] - 1) / 2;
  const neurons: { layer: number; i: number; y: number; name: string; kind: string }[] = [];
  const more: { layer: number; y: number; text: string }[] = [];
  sizes.forEach((n, l) => {
    for (let i = 0; i < shownCount[l]; i++) {
      neurons.push({ layer: l, i, y: yOf(l, i), name: neuronName(l, i), kind: l === 0 ? 'input' : l === last ? 'output' : 'hidden' });
    }
    if (n > shownCount[l]) more.push({ layer: l, y: yOf(l, shownCount[l] - 1) + 0.8, text: `+ ${n - shownCount[l]} more` });
  });
  const links: { x: number; y: number; x2: number; y2: number; weight: number; size: number; sign: string; from: string; to: string }[] = [];
  let maxAbs = 0;
  Ws.forEach((W, l) => {
    for (let i = 0; i < shownCount[l]; i++) {
      for (let j = 0; j < shownCount[l + 1]; j++) {
        const w = W[i][j];
        maxAbs = Math.max(maxAbs, Math.abs(w));
        links.push({
          x: l,
          y: yOf(l, i),
          x2: l + 1,
          y2: yOf(l + 1, j),
          weight: w,
          size: Math.abs(w),
          sign: w >= 0 ? 'positive' : 'negative',
          from: `layer ${l} neuron ${i + 1}`,
          to: `layer ${l + 1} neuron ${j + 1}`,
        });
      }
    }
  });
  const widest = options.maxWeight === undefined ? Math.max(maxAbs, 1e-12) : checkPositive(`${what}: maxWeight`, options.maxWeight);
  const activationName = (l: LayerLike) => (typeof l.activation === 'string' ? l.activation : l.activation?.name);
  const captions = sizes.map((n, l) => {
    const act = l > 0 ? activationName(layers[l - 1]) : undefined;
    const kind = l === 0 ? 'input' : l === last ? 'output' : `hidden ${l}`;
    const type = l > 0 && layers[l - 1].type && layers[l - 1].type !== 'dense' ? ` ${layers[l - 1].type}` : '';
    return { layer: l, y: (tallest - 1) / 2 + 1.1, text: `${kind}${type} (${n})${act ? `, ${act}` : ''}` };
  });
  const width = checkSize(`${what}: width`, options.width, Math.max(300, 150 * sizes.length));
  const height = checkSize(`${what}: height`, options.height, Math.max(160, 34 * tallest + 60));
  const x = { field: 'layer', type: 'quantitative', scale: { domain: [-0.4, last + 0.4], nice: false }, axis: null };
  const yScale = { domain: [-(tallest - 1) / 2 - 0.8, (tallest - 1) / 2 + 1.5], nice: false, zero: false, reverse: true };
  const y = { field: 'y', type: 'quantitative', scale: yScale, axis: null };
  const description =
    options.description ??
    `Network with layers of ${sizes.join(', ')} neurons and ${Ws.reduce((s, W) => s + W.length * W[0].length, 0)} weights; ` +
      `link width shows |w| (largest ${formatNumber(maxAbs)}, widest line at |w| = ${formatNumber(widest)}), blue links are positive weights, vermillion negative.`;
  return topLevel(
    {
      width,
      height,
      view: { stroke: null },
      layer: [
        {
          data: { values: links },
          mark: { type: 'rule', opacity: 0.75 },
          encoding: {
            x: { field: 'x', type: 'quantitative', scale: x.scale, axis: null },
            y: { field: 'y', type: 'quantitative', scale: yScale, axis: null },
            x2: { field: 'x2' },
            y2: { field: 'y2' },
            strokeWidth: { field: 'size', type: 'quantitative', title: '|w|', scale: { domain: [0, widest], range: [0.3, 6], clamp: true } },
            color: { field: 'sign', type: 'nominal', title: 'sign of w', scale: { domain: ['positive', 'negative'], range: [POSITIVE_COLOR, NEGATIVE_COLOR] } },
            tooltip: [{ field: 'from' }, { field: 'to' }, { field: 'weight', format: '.4g' }],
          },
        },
        {
          data: { values: neurons },
          mark: { type: 'circle', size: 420, stroke: '#333', strokeWidth: 1.2, opacity: 1 },
          encoding: {
            x,
            y,
            fill: { field: 'kind', type: 'nominal', legend: null, scale: { domain: ['input', 'hidden', 'output'], range: ['#ffffff', '#dddddd', '#bbbbbb'] } },
          },
        },
        {
          data: { values: neurons },
          mark: { type: 'text', fontSize: 11 },
          encoding: { x, y, text: { field: 'name', type: 'nominal' } },
        },
        {
          data: { values: more.concat(captions) },
          mark: { type: 'text', fontSize: 11, baseline: 'top', color: '#444' },
          encoding: { x, y, text: { field: 'text', type: 'nominal' } },
        },
      ],
    },
    options.title ?? 'Network diagram',
    description,
    `link width = |w| (widest at ${formatNumber(widest)}; largest here ${formatNumber(maxAbs)}); blue = positive weight, vermillion = negative`,
  );
}
