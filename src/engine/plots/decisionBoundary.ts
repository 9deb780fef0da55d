/**
 * Decision boundary: the model's output over a grid around 2-D data (a heatmap), with the
 * data on top: colour = class, shape = training or test set.
 */
import { OptionError, checkInteger, describeValue } from '../errors';
import { LabelledData, NEGATIVE_COLOR, PALETTE, POSITIVE_COLOR, PlotOptions, PlotSpec, checkClassLabels, checkFlag, checkMargin, optionalNames, checkSameLength, checkSize, formatNumber, paddedExtent, planeData, tickValues, toLabels, toRows, topLevel } from './common';
import { OutputKind, Predictor, classesOf, evaluate } from './predictor';
import { contourSegments } from './contour';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

export type { LabelledData } from './common';

/** Options of {@link decisionBoundaryPlot}. */
export interface DecisionBoundaryOptions extends PlotOptions {
  /** Test data, drawn as triangles (training data are circles). */
  test?: LabelledData;
  /**
   * What the heatmap shows. 'auto': P(class 1) for a classifier with predictProba, the net
   * input z = w·x + b for a TLU or perceptron, else the predicted class. @default 'auto'
   */
  output?: OutputKind | 'auto';
  /** Grid cells per axis. @default 60 */
  resolution?: number;
  /** Margin around the data, as a fraction of its range. @default 0.1 */
  margin?: number;
  /** Applied to grid points before the model sees them (e.g. `X => featureMap(X, ['x1','x2','x1^2'])`). */
  transform?: (X: number[][]) => number[][];
  /** Names of the two axes. @default the data's featureNames, else x₁ and x₂ */
  featureNames?: ReadonlyArray<string>;
  /** Names of the classes in the legend. @default the data's classNames, else 'class 0', 'class 1', ... */
  classNames?: ReadonlyArray<string>;
  /** Draw the decision boundary as a line (p = 0.5, z = 0, or between classes 0 and 1). @default true for two classes */
  boundary?: boolean;
  /** A first subtitle line saying what the model is (e.g. `runNote(run)`: why a run's weights are what they are). */
  note?: string;
}

/** Diverging blue–orange without its darkest ends, so that the points on top stay visible. */
const LIGHT_BLUE_ORANGE = { name: 'blueorange', extent: [0.12, 0.88] };

interface PointRow {
  x1: number;
  x2: number;
  label: string;
  set: 'training' | 'test';
}

/** The option names of decisionBoundaryPlot, listed once. */
const DECISIONBOUNDARYPLOT_KEYS = optionKeys<DecisionBoundaryOptions>()(...PLOT_KEY_NAMES, 'test', 'output', 'resolution', 'margin', 'transform', 'featureNames', 'classNames', 'boundary', 'note');

/**
 * Heatmap of a model's output over the plane around the data, with training points
 * (circles) and test points (triangles) coloured by their true class.
 *
 * @param model a function `X => outputs`, or a model with predictProba / net / predict (MLP, Perceptron, TLU)
 * @param data 2-D inputs and their labels (a Dataset, or { X, y })
 */
export function decisionBoundaryPlot(model: Predictor, data: LabelledData, options: DecisionBoundaryOptions = {}): PlotSpec {
  options = checkPlotOptions('decisionBoundaryPlot', options, DECISIONBOUNDARYPLOT_KEYS);
  const what = 'decisionBoundaryPlot';
  const { X, y, names } = planeData(what, data, options.featureNames, "; plot two features, or pass options.transform to build the model's features from 2");
  const test = options.test ? { X: toRows(options.test.X, `${what}: test.X`), y: checkClassLabels(`${what}: test.y`, toLabels(options.test.y, `${what}: test.y`)) } : undefined;
  if (test) checkSameLength(`${what}: test`, test.X, test.y);
  const resolution = checkInteger(`${what}: resolution`, options.resolution ?? 60, 2);
  const margin = checkMargin(what, options.margin, 0.1);
  if (options.transform !== undefined && typeof options.transform !== 'function') {
    throw new OptionError(`${what}: transform: expected a function (rows of 2 features) => the model's inputs, got ${describeValue(options.transform)}`);
  }
  const drawBoundary = checkFlag(`${what}: boundary`, options.boundary, true);
  if (options.note !== undefined && typeof options.note !== 'string') throw new OptionError(`${what}: note: expected a sentence (a string), got ${describeValue(options.note)}`);
  const width = checkSize(`${what}: width`, options.width, 340);
  const height = checkSize(`${what}: height`, options.height, 340);
  const all = test ? X.concat(test.X) : X;
  const [x1lo, x1hi] = paddedExtent(all.map((r) => r[0]), margin);
  const [x2lo, x2hi] = paddedExtent(all.map((r) => r[1]), margin);
  const dx = (x1hi - x1lo) / resolution;
  const dy = (x2hi - x2lo) / resolution;

  // Cell centres, row by row; the model sees them all in one call.
  const grid: number[][] = [];
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) grid.push([x1lo + (j + 0.5) * dx, x2lo + (i + 0.5) * dy]);
  }
  const inputs = options.transform ? options.transform(grid.map((g) => g.slice())) : grid;
  const ev = evaluate(model, inputs, options.output ?? 'auto', what);
  const multi = ev.rows[0].length > 1;
  const classes = classesOf(ev);
  // (a loop, not Math.max(...y): spreading a long list into a call overflows the stack)
  let classCount = 2;
  for (const list of [y, test?.y ?? [], classes]) for (const c of list) classCount = Math.max(classCount, c + 1);
  const classNames = optionalNames(`${what}: classNames`, options.classNames, classCount) ?? optionalNames(`${what}: data.classNames`, data.classNames, classCount) ?? Array.from({ length: classCount }, (_, c) => `class ${c}`);
  const className = (c: number) => classNames[c] ?? `class ${c}`;

  const cells = grid.map((g, k) => {
    const r = ev.rows[k];
    const value = multi ? Math.max(...r) : r[0];
    // Cells overlap by 2% so that anti-aliasing leaves no seams between them.
    return { x1: g[0] - 0.51 * dx, x1e: g[0] + 0.51 * dx, x2: g[1] - 0.51 * dy, x2e: g[1] + 0.51 * dy, value, predicted: className(classes[k]) };
  });
  const x = { field: 'x1', type: 'quantitative', title: names[0], scale: { domain: [x1lo, x1hi], nice: false, zero: false }, axis: { values: tickValues(x1lo, x1hi, width) } };
  const yEnc = { field: 'x2', type: 'quantitative', title: names[1], scale: { domain: [x2lo, x2hi], nice: false, zero: false }, axis: { values: tickValues(x2lo, x2hi, height) } };
  const classDomain = classNames.slice(0, classCount);
  const classColors = classCount === 2 ? [NEGATIVE_COLOR, POSITIVE_COLOR] : PALETTE.slice(0, classCount);

  // The colour bar shares the height with the legends above it (data sets, classes): it must not make the plot taller.
  const legendsAbove = 2 * 30 + 18 * ((test ? 2 : 1) + classCount);
  const gradient = { gradientLength: Math.max(40, Math.min(200, height - legendsAbove - 30)) };
  let heatColor: Record<string, unknown>;
  let heatOpacity: unknown = { value: 1 };
  let legendWhat: string;
  if (ev.kind === 'probability' && !multi) {
    // A bare number reads as a probability of a number: P(y = 1) says what it is.
    legendWhat = /^\d+$/.test(className(1)) ? `P(y = ${className(1)})` : `P(${className(1)})`;
    heatColor = { field: 'value', type: 'quantitative', title: legendWhat, scale: { scheme: LIGHT_BLUE_ORANGE, reverse: true, domain: [0, 1] }, legend: gradient };
  } else if (ev.kind === 'net' || ev.kind === 'value') {
    const top = Math.max(1e-9, ...cells.map((c) => Math.abs(c.value)).filter(Number.isFinite));
    legendWhat = ev.kind === 'net' ? 'net input z = w·x + b' : 'model output';
    heatColor =
      ev.kind === 'net'
        ? { field: 'value', type: 'quantitative', title: 'z = w·x + b', scale: { scheme: LIGHT_BLUE_ORANGE, reverse: true, domain: [-top, top] }, legend: gradient }
        : { field: 'value', type: 'quantitative', title: 'output', scale: { scheme: { name: 'viridis', extent: [0.2, 1] } }, legend: gradient };
  } else {
    // Classes (or several probabilities): colour by the predicted class, paler where the model is unsure.
    legendWhat = 'predicted class';
    heatColor = { field: 'predicted', type: 'nominal', title: 'predicted class', scale: { domain: classDomain, range: classColors }, legend: null };
    heatOpacity = multi && ev.kind === 'probability'
      ? { field: 'value', type: 'quantitative', scale: { domain: [1 / ev.rows[0].length, 1], range: [0.1, 0.6] }, legend: null }
      : { value: 0.35 };
  }
  const heat = {
    data: { values: cells },
    mark: { type: 'rect', stroke: null },
    encoding: {
      x,
      x2: { field: 'x1e' },
      y: yEnc,
      y2: { field: 'x2e' },
      color: heatColor,
      opacity: heatOpacity,
    },
  };
  const layersOut: Record<string, unknown>[] = [heat];
  // The boundary as a line: where P(class 1) = 0.5, z = 0, or the predicted class flips (two classes).
  const level = ev.kind === 'probability' ? 0.5 : ev.kind === 'net' ? 0 : ev.kind === 'class' ? 0.5 : undefined;
  if (drawBoundary && !multi && level !== undefined && classCount === 2) {
    const xs = Array.from({ length: resolution }, (_, j) => x1lo + (j + 0.5) * dx);
    const ys = Array.from({ length: resolution }, (_, i) => x2lo + (i + 0.5) * dy);
    const values = ys.map((_, i) => xs.map((__, j) => cells[i * resolution + j].value));
    const segments = contourSegments(values, xs, ys, level).map((g) => ({ bx: g.x1, by: g.y1, bx2: g.x2, by2: g.y2 }));
    if (segments.length > 0) {
      layersOut.push({
        data: { values: segments },
        mark: { type: 'rule', color: 'black', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'bx', type: 'quantitative' },
          y: { field: 'by', type: 'quantitative' },
          x2: { field: 'bx2' },
          y2: { field: 'by2' },
        },
      });
    }
  }
  const points: PointRow[] = X.map((r, i) => ({ x1: r[0], x2: r[1], label: className(y[i]), set: 'training' as const }));
  if (test) test.X.forEach((r, i) => points.push({ x1: r[0], x2: r[1], label: className(test.y[i]), set: 'test' }));
  const dots = {
    data: { values: points },
    mark: { type: 'point', filled: true, size: 45, stroke: 'black', strokeWidth: 0.6, opacity: 1 },
    encoding: {
      x: { field: 'x1', type: 'quantitative' },
      y: { field: 'x2', type: 'quantitative' },
      fill: { field: 'label', type: 'nominal', title: 'true class', scale: { domain: classDomain, range: classColors } },
      // Only the sets that were given: no "test" entry in the legend without test data.
      shape: { field: 'set', type: 'nominal', title: 'data', scale: { domain: test ? ['training', 'test'] : ['training'], range: test ? ['circle', 'triangle-up'] : ['circle'] } },
      tooltip: [{ field: 'x1', title: names[0], format: '.3g' }, { field: 'x2', title: names[1], format: '.3g' }, { field: 'label', title: 'class' }, { field: 'set' }],
    },
  };
  // Points exactly on the boundary (a perceptron's z = 0, which the step counts as 1) look like any
  // other point on the line: ring them and say so.
  const onLine: { x1: number; x2: number; text: string }[] = [];
  if (level !== undefined && !multi && (ev.kind === 'net' || ev.kind === 'probability')) {
    const sets = test ? [X, test.X] : [X];
    for (const P of sets) {
      const at = evaluate(model, options.transform ? options.transform(P.map((r) => r.slice())) : P, ev.kind, what).rows;
      P.forEach((r, i) => {
        if (Math.abs(at[i][0] - level) <= 1e-12) onLine.push({ x1: r[0], x2: r[1], text: ev.kind === 'net' ? 'z = 0' : 'p = 0.5' });
      });
    }
  }
  const rings = onLine.length === 0 ? [] : [
    {
      data: { values: onLine },
      mark: { type: 'point', shape: 'circle', size: 260, filled: false, stroke: 'black', strokeWidth: 2 },
      encoding: { x: { field: 'x1', type: 'quantitative' }, y: { field: 'x2', type: 'quantitative' } },
    },
    // The label on the inner side of the point, so that it stays inside the frame.
    ...(['left', 'right'] as const).map((side) => ({
      data: { values: onLine.filter((p) => (p.x1 <= (x1lo + x1hi) / 2) === (side === 'left')) },
      mark: { type: 'text', align: side, dx: side === 'left' ? 11 : -11, dy: -9, fontSize: 11, fontWeight: 'bold' },
      encoding: { x: { field: 'x1', type: 'quantitative' }, y: { field: 'x2', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
    })),
  ];
  const onLineNote = onLine.length === 0 ? '' : ev.kind === 'net' ? '; ringed: on the boundary, z = 0 (step(0) = 1)' : '; ringed: on the boundary, p = 0.5';
  const legendLine = `background: ${legendWhat}; points: true class${layersOut.length > 1 ? '; black line: decision boundary' : ''}${onLineNote}`;
  const desc =
    options.description ??
    `Decision boundary: ${legendWhat} over the plane of ${names[0]} and ${names[1]} (from ${formatNumber(x1lo)} to ${formatNumber(x1hi)} and ${formatNumber(x2lo)} to ${formatNumber(x2hi)}), ` +
      `with ${X.length} training points${test ? ` and ${test.X.length} test points (triangles)` : ''} coloured by their true class` +
      (onLine.length > 0 ? `; ${onLine.length} of them lie exactly on the boundary (ringed).` : '.') +
      (options.note ? ` Note: ${options.note}.` : '');
  return topLevel(
    { width, height, layer: [...layersOut, dots, ...rings], resolve: { scale: { color: 'independent' } } },
    options.title ?? 'Decision boundary',
    desc,
    // A long note is split after its colons and semicolons: a subtitle does not wrap by itself.
    options.note ? [...options.note.split(/(?<=[:;]) /), legendLine] : legendLine,
  );
}
