/**
 * Perceptron learning: the boundary line w₁x₁ + w₂x₂ + b = 0 after each update, stepped
 * through with a slider (a vega-lite param bound to a range input), beside the number of
 * misclassified samples per epoch.
 */
import { InputError, MAX_UNITS, OptionError, checkInteger, describeValue } from '../errors';
import { toVector } from '../matrix';
import { LabelledData, NEGATIVE_COLOR, POSITIVE_COLOR, PlotOptions, PlotSpec, checkMargin, checkSize, formatNumber, integerAxis, paddedExtent, planeData, tickValues, topLevel } from './common';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** One step of a perceptron trace (an engine `PerceptronStep` fits). */
export interface PerceptronStepLike {
  epoch: number;
  index: number;
  deltaW: ReadonlyArray<ReadonlyArray<number>>;
  deltaB: ReadonlyArray<number>;
  /** Weights after the step, [inputs × outputs]. */
  weights: ReadonlyArray<ReadonlyArray<number>>;
  bias: ReadonlyArray<number>;
}

/** A perceptron's training result (an engine `PerceptronResult` fits). */
export interface PerceptronResultLike {
  errors: ReadonlyArray<number>;
  trace: ReadonlyArray<PerceptronStepLike>;
  converged?: boolean;
  message?: string;
  traceTruncated?: boolean;
}

/** Options of {@link perceptronLearningPlot}. */
export interface PerceptronLearningOptions extends PlotOptions {
  /** Which output's boundary to draw (a perceptron with several outputs has one line each). @default 0 */
  output?: number;
  /** Update shown before the slider moves (0 = the initial weights). @default the last update */
  start?: number;
  /** Margin around the data, as a fraction of its range. @default 0.15 */
  margin?: number;
  /** Names of the two axes. @default the data's featureNames, else x₁ and x₂ */
  featureNames?: ReadonlyArray<string>;
}

/** One boundary line: the weights after `update` updates and where the line crosses the view. */
export interface LineRow {
  update: number;
  epoch: number;
  sample: number;
  x1: number;
  x2: number;
  x1e: number;
  x2e: number;
  weights: string;
  /** Tip of the arrow w drawn from the middle of the line: it points to the side where the output is 1. */
  mx: number;
  my: number;
  tx: number;
  ty: number;
}

/**
 * The part of the line w₁x₁ + w₂x₂ + b = 0 inside the box [lo1, hi1] × [lo2, hi2]
 * (undefined when w = 0: then there is no line, every point is on one side).
 */
export function boundarySegment(
  w1: number,
  w2: number,
  b: number,
  box: [number, number, number, number],
): [number, number, number, number] | undefined {
  for (const [name, v] of [['w1', w1], ['w2', w2], ['b', b]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`boundarySegment: ${name}: expected a finite number, got ${describeValue(v)}`);
  }
  const [lo1, hi1, lo2, hi2] = checkBox(box);
  const pts: [number, number][] = [];
  const add = (p: [number, number]) => {
    if (p[0] >= lo1 - 1e-9 && p[0] <= hi1 + 1e-9 && p[1] >= lo2 - 1e-9 && p[1] <= hi2 + 1e-9) {
      // (+ 0 turns −0 into 0)
      if (!pts.some((q) => Math.abs(q[0] - p[0]) < 1e-12 && Math.abs(q[1] - p[1]) < 1e-12)) pts.push([p[0] + 0, p[1] + 0]);
    }
  };
  if (w2 !== 0) {
    // x₂ = −(w₁x₁ + b) / w₂ at the left and right edges
    add([lo1, -(w1 * lo1 + b) / w2]);
    add([hi1, -(w1 * hi1 + b) / w2]);
  }
  if (w1 !== 0) {
    // x₁ = −(w₂x₂ + b) / w₁ at the bottom and top edges
    add([-(w2 * lo2 + b) / w1, lo2]);
    add([-(w2 * hi2 + b) / w1, hi2]);
  }
  if (pts.length < 2) return undefined;
  return [pts[0][0], pts[0][1], pts[1][0], pts[1][1]];
}

/** A box [lo1, hi1, lo2, hi2]: four finite numbers, each low below its high. */
function checkBox(box: unknown): [number, number, number, number] {
  const v = toVector(box as number[], 'boundarySegment: box');
  if (v.length !== 4 || !(v[0] < v[1]) || !(v[2] < v[3])) {
    throw new InputError(`boundarySegment: box: expected [lo1, hi1, lo2, hi2] with lo1 < hi1 and lo2 < hi2, got [${Array.from(v).join(', ')}]`);
  }
  return [v[0], v[1], v[2], v[3]];
}

/** The weights of one output after `update` updates (0: before the first). */
export interface WeightState {
  update: number;
  epoch: number;
  w1: number;
  w2: number;
  b: number;
  /** "w = (w₁, w₂), b = b", rounded for display. */
  weights: string;
}

/** The option names of perceptronLearningPlot, listed once. */
const PERCEPTRONLEARNINGPLOT_KEYS = optionKeys<PerceptronLearningOptions>()(...PLOT_KEY_NAMES, 'output', 'start', 'margin', 'featureNames');

/** The steps of a trace that changed the weights (a step with a right answer changes nothing). */
export function changingSteps(trace: ReadonlyArray<PerceptronStepLike>): PerceptronStepLike[] {
  return trace.filter((s) => s.deltaB.some((d: number) => d !== 0) || s.deltaW.some((r) => r.some((d: number) => d !== 0)));
}

/**
 * The boundary line of output `out` before the first update (update 0) and after each update
 * that changed the weights, clipped to `box`, with the arrow w; and the sample behind each update.
 * An update whose w = 0 has no line and no row.
 */
export function updateLines(
  what: string,
  result: PerceptronResultLike,
  X: number[][],
  out: number,
  box: [number, number, number, number],
): { lines: LineRow[]; marks: { update: number; x1: number; x2: number }[]; updates: number; states: WeightState[] } {
  const [lo1, hi1, lo2, hi2] = box;
  // Only the steps that changed the weights; the starting weights are those before the first step.
  const trace: ReadonlyArray<PerceptronStepLike> = result.trace;
  const updates = changingSteps(trace);
  const lines: LineRow[] = [];
  const states: WeightState[] = [];
  const marks: { update: number; x1: number; x2: number }[] = [];
  const pushLine = (update: number, epoch: number, sample: number, w: ReadonlyArray<ReadonlyArray<number>>, b: ReadonlyArray<number>) => {
    const w1 = w[0]?.[out];
    const w2 = w[1]?.[out];
    const bb = b[out];
    if (w1 === undefined || w2 === undefined || bb === undefined) {
      throw new OptionError(`${what}: output: expected an output the trace has weights for (2 inputs), got ${out}`);
    }
    const seg = boundarySegment(w1, w2, bb, [lo1, hi1, lo2, hi2]);
    const weights = `w = (${formatNumber(w1)}, ${formatNumber(w2)}), b = ${formatNumber(bb)}`;
    states.push({ update, epoch, w1, w2, b: bb, weights });
    if (seg) {
      const mx = (seg[0] + seg[2]) / 2;
      const my = (seg[1] + seg[3]) / 2;
      const norm = Math.hypot(w1, w2);
      // 10% of the view's diagonal, shortened to stay inside the view (nothing is drawn outside it).
      let len = 0.1 * Math.hypot(hi1 - lo1, hi2 - lo2);
      const ux = w1 / norm;
      const uy = w2 / norm;
      if (ux > 0) len = Math.min(len, (hi1 - mx) / ux);
      if (ux < 0) len = Math.min(len, (lo1 - mx) / ux);
      if (uy > 0) len = Math.min(len, (hi2 - my) / uy);
      if (uy < 0) len = Math.min(len, (lo2 - my) / uy);
      len = Math.max(0, len * 0.9);
      const tx = mx + len * ux;
      const ty = my + len * uy;
      lines.push({ update, epoch, sample, x1: seg[0], x2: seg[1], x1e: seg[2], x2e: seg[3], weights, mx, my, tx, ty });
    }
  };
  const first: PerceptronStepLike | undefined = trace[0];
  if (first) {
    const w0 = first.weights.map((r, i) => r.map((v, j) => v - first.deltaW[i][j]));
    const b0 = first.bias.map((v, j) => v - first.deltaB[j]);
    pushLine(0, 0, -1, w0, b0);
  }
  updates.forEach((s, k) => {
    pushLine(k + 1, s.epoch, s.index, s.weights, s.bias);
    const x = X[s.index];
    if (x) marks.push({ update: k + 1, x1: x[0], x2: x[1] });
  });
  return { lines, marks, updates: updates.length, states };
}

/**
 * The perceptron's boundary after each update (slider "update"), the data coloured by class,
 * and the misclassified samples per epoch. Steps that changed nothing are skipped.
 *
 * @param result what `new Perceptron().fit(X, y)` returns (its trace)
 * @param data the 2-D inputs and 0/1 labels it was trained on
 */
export function perceptronLearningPlot(result: PerceptronResultLike, data: LabelledData, options: PerceptronLearningOptions = {}): PlotSpec {
  options = checkPlotOptions('perceptronLearningPlot', options, PERCEPTRONLEARNINGPLOT_KEYS);
  const what = 'perceptronLearningPlot';
  if (!result || !Array.isArray(result.trace) || !Array.isArray(result.errors)) {
    throw new InputError(`${what}: expected a perceptron result with trace and errors (from Perceptron.fit), got ${describeValue(result)}`);
  }
  const { X, y, names } = planeData(what, data, options.featureNames, ' to draw a line in the plane');
  const out = checkInteger(`${what}: output`, options.output ?? 0, 0, MAX_UNITS);
  const width = checkSize(`${what}: width`, options.width, 320);
  const height = checkSize(`${what}: height`, options.height, 320);
  const margin = checkMargin(what, options.margin, 0.15);
  const [lo1, hi1] = paddedExtent(X.map((r) => r[0]), margin);
  const [lo2, hi2] = paddedExtent(X.map((r) => r[1]), margin);

  const { lines, marks, updates: last } = updateLines(what, result, X, out, [lo1, hi1, lo2, hi2]);
  // A start past the last update shows the last one.
  const start = Math.min(options.start === undefined ? last : checkInteger(`${what}: start`, options.start, 0), last);

  const x = { field: 'x1', type: 'quantitative', title: names[0], scale: { domain: [lo1, hi1], nice: false, zero: false }, axis: { values: tickValues(lo1, hi1, width) } };
  const yEnc = { field: 'x2', type: 'quantitative', title: names[1], scale: { domain: [lo2, hi2], nice: false, zero: false }, axis: { values: tickValues(lo2, hi2, height) } };
  const classColors = { domain: ['0', '1'], range: [NEGATIVE_COLOR, POSITIVE_COLOR] };
  const plane = {
    width,
    height,
    title: { text: 'boundary w·x + b = 0 after each update', fontSize: 12 },
    layer: [
      {
        // Earlier boundaries, faint: where the line has been.
        data: { values: lines },
        transform: [{ filter: 'datum.update < update' }],
        mark: { type: 'rule', color: '#999', strokeWidth: 1, opacity: 0.35, clip: true },
        encoding: { x, y: yEnc, x2: { field: 'x1e' }, y2: { field: 'x2e' } },
      },
      {
        data: { values: X.map((r, i) => ({ x1: r[0], x2: r[1], label: String(y[i]), sample: i })) },
        mark: { type: 'point', filled: true, size: 70, stroke: 'black', strokeWidth: 0.6, opacity: 1 },
        encoding: {
          x: { field: 'x1', type: 'quantitative' },
          y: { field: 'x2', type: 'quantitative' },
          fill: { field: 'label', type: 'nominal', title: 'target y', scale: classColors },
          shape: { field: 'label', type: 'nominal', title: 'target y', scale: { domain: ['0', '1'], range: ['circle', 'square'] } },
          tooltip: [{ field: 'sample' }, { field: 'x1', title: names[0] }, { field: 'x2', title: names[1] }, { field: 'label', title: 'y' }],
        },
      },
      {
        // The sample that caused the selected update, ringed.
        data: { values: marks },
        transform: [{ filter: 'datum.update == update' }],
        mark: { type: 'point', shape: 'circle', size: 320, stroke: 'black', strokeWidth: 2, filled: false },
        encoding: { x: { field: 'x1', type: 'quantitative' }, y: { field: 'x2', type: 'quantitative' } },
      },
      {
        data: { values: lines },
        transform: [{ filter: 'datum.update == update' }],
        mark: { type: 'rule', color: 'black', strokeWidth: 2.5, clip: true },
        encoding: {
          x,
          y: yEnc,
          x2: { field: 'x1e' },
          y2: { field: 'x2e' },
          tooltip: [{ field: 'update' }, { field: 'epoch' }, { field: 'weights' }],
        },
      },
      {
        // The weight vector w, normal to the line, pointing to the side classified 1.
        data: { values: lines },
        transform: [{ filter: 'datum.update == update' }],
        mark: { type: 'rule', color: 'black', strokeWidth: 1.5 },
        encoding: {
          x: { field: 'mx', type: 'quantitative' },
          y: { field: 'my', type: 'quantitative' },
          x2: { field: 'tx' },
          y2: { field: 'ty' },
        },
      },
      {
        data: { values: lines },
        transform: [{ filter: 'datum.update == update' }],
        mark: { type: 'text', text: 'w', fontSize: 13, fontStyle: 'italic', fontWeight: 'bold', dx: 6, dy: -6 },
        encoding: { x: { field: 'tx', type: 'quantitative' }, y: { field: 'ty', type: 'quantitative' } },
      },
      {
        data: { values: lines },
        transform: [
          { filter: 'datum.update == update' },
          { calculate: "'update ' + datum.update + (datum.epoch > 0 ? ' (epoch ' + datum.epoch + ')' : ' (start)') + ': ' + datum.weights", as: 'caption' },
        ],
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, fontSize: 11 },
        encoding: { x: { value: 0 }, y: { value: 0 }, text: { field: 'caption', type: 'nominal' } },
      },
    ],
  };
  const errors = result.errors.map((e, k) => ({ epoch: k + 1, errors: e }));
  const errorPanel = {
    width: Math.round(width * 0.75),
    height,
    title: { text: 'misclassified samples per epoch', fontSize: 12 },
    data: { values: errors },
    layer: [
      {
        mark: { type: 'line', point: true, color: POSITIVE_COLOR },
        encoding: {
          x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: integerAxis(1, Math.max(1, errors.length)) },
          y: { field: 'errors', type: 'quantitative', title: 'errors (misclassified samples)', axis: integerAxis(0, Math.max(1, ...result.errors)) },
          tooltip: [{ field: 'epoch' }, { field: 'errors' }],
        },
      },
      {
        // The epoch of the update the slider shows.
        data: { values: lines },
        transform: [{ filter: 'datum.update == update && datum.epoch > 0' }],
        mark: { type: 'rule', color: '#777', strokeDash: [3, 3] },
        encoding: { x: { field: 'epoch', type: 'quantitative' } },
      },
    ],
  };
  const description =
    options.description ??
    `Perceptron learning: the boundary line after each of ${last} weight updates (slider "update"), over ${X.length} samples of 2 classes; ` +
      `errors per epoch: ${result.errors.join(', ')}${result.message ? ` (${result.message})` : ''}.`;
  return topLevel(
    {
      params: [{ name: 'update', value: start, bind: { input: 'range', min: 0, max: Math.max(1, last), step: 1, name: 'update ' } }],
      hconcat: [plane, errorPanel],
    },
    options.title ?? 'Perceptron learning, one update at a time',
    description,
    result.message,
  );
}
