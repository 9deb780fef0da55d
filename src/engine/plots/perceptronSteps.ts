/**
 * Perceptron learning as small multiples: one small panel per weight update (or per epoch),
 * each with the boundary w₁x₁ + w₂x₂ + b = 0 after it, the line before it faint and dashed,
 * and the sample that caused it ringed. Unlike the slider of perceptronLearningPlot, it shows
 * the whole replay in every viewer: a PNG, exported HTML, classic Notebook, GitHub.
 */
import { InputError, MAX_UNITS, checkChoice, checkInteger, describeValue } from '../errors';
import { optionKeys } from '../options';
import { LabelledData, NEGATIVE_COLOR, POSITIVE_COLOR, PLOT_KEY_NAMES, PlotOptions, PlotSpec, checkMargin, checkPlotOptions, checkSize, paddedExtent, planeData, tickValues, topLevel } from './common';
import { LineRow, PerceptronResultLike, updateLines } from './perceptronLearning';

/** One panel after every weight update, or one at the end of every epoch. */
export type PerceptronStepsEvery = 'update' | 'epoch';
export const PERCEPTRON_STEPS_EVERY: readonly PerceptronStepsEvery[] = ['update', 'epoch'];

/** Options of {@link perceptronStepsPlot}. */
export interface PerceptronStepsOptions extends PlotOptions {
  /** 'update': a panel after each update that changed the weights; 'epoch': the line at the end of each epoch. @default 'update' */
  every?: PerceptronStepsEvery;
  /** Panels per row. @default 4 */
  columns?: number;
  /** Panels drawn at most: the start, then evenly spread updates, always the last. @default 16 */
  max?: number;
  /** Which output's boundary (a perceptron with several outputs has one line each). @default 0 */
  output?: number;
  /** Margin around the data, as a fraction of its range. @default 0.15 */
  margin?: number;
  /** Names of the two axes. @default the data's featureNames, else x₁ and x₂ */
  featureNames?: ReadonlyArray<string>;
}

/** The option names of perceptronStepsPlot, listed once. */
const PERCEPTRONSTEPSPLOT_KEYS = optionKeys<PerceptronStepsOptions>()(...PLOT_KEY_NAMES, 'every', 'columns', 'max', 'output', 'margin', 'featureNames');

/** The most panels a plot of small multiples draws (each is a small chart of its own). */
const MAX_PANELS = 1000;

/** The perceptron's output at (x1, x2): step(w₁x₁ + w₂x₂ + b), with step(0) = 1. */
function sideAt(w: { w1: number; w2: number; b: number }, x1: number, x2: number): 0 | 1 {
  return w.w1 * x1 + w.w2 * x2 + w.b >= 0 ? 1 : 0;
}

/** Which of `count` items to keep when at most `max` fit: the first, the last, evenly spread between. */
export function spreadIndices(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, k) => k);
  const out = new Set<number>();
  for (let k = 0; k < max; k++) out.add(Math.round((k * (count - 1)) / (max - 1)));
  return [...out];
}

/**
 * Small multiples of the perceptron's boundary: the start, then the line after each update
 * (or each epoch), read left to right and top to bottom.
 *
 * @param result what `new Perceptron().fit(X, y)` returns (its trace)
 * @param data the 2-D inputs and 0/1 labels it was trained on
 */
export function perceptronStepsPlot(result: PerceptronResultLike, data: LabelledData, options: PerceptronStepsOptions = {}): PlotSpec {
  options = checkPlotOptions('perceptronStepsPlot', options, PERCEPTRONSTEPSPLOT_KEYS);
  const what = 'perceptronStepsPlot';
  if (!result || !Array.isArray(result.trace) || !Array.isArray(result.errors)) {
    throw new InputError(`${what}: expected a perceptron result with trace and errors (from Perceptron.fit), got ${describeValue(result)}`);
  }
  const every = checkChoice(`${what}: every`, options.every ?? 'update', PERCEPTRON_STEPS_EVERY);
  const columns = checkInteger(`${what}: columns`, options.columns ?? 4, 1, MAX_PANELS);
  const max = checkInteger(`${what}: max`, options.max ?? 16, 2, MAX_PANELS);
  const out = checkInteger(`${what}: output`, options.output ?? 0, 0, MAX_UNITS);
  const width = checkSize(`${what}: width`, options.width, 150);
  const height = checkSize(`${what}: height`, options.height, 150);
  const { X, y, names } = planeData(what, data, options.featureNames, ' to draw a line in the plane');
  const margin = checkMargin(what, options.margin, 0.15);
  const [lo1, hi1] = paddedExtent(X.map((r) => r[0]), margin);
  const [lo2, hi2] = paddedExtent(X.map((r) => r[1]), margin);
  const { lines, marks, updates, states: weightStates } = updateLines(what, result, X, out, [lo1, hi1, lo2, hi2]);

  // The states to draw: update numbers 0 (start) … updates; per epoch, the last update of each epoch.
  let states = Array.from({ length: updates + 1 }, (_, k) => k);
  if (every === 'epoch') {
    const lastOfEpoch = new Map<number, number>();
    for (const w of weightStates) if (w.update > 0) lastOfEpoch.set(w.epoch, w.update);
    states = [0, ...[...lastOfEpoch.values()].sort((a, b) => a - b)];
  }
  const shown = spreadIndices(states.length, max).map((k) => states[k]);
  const lineAt = new Map<number, LineRow>(lines.map((l) => [l.update, l]));
  // The line before a panel's: before its update, or at the end of the previous epoch.
  const before = (u: number): LineRow | undefined => {
    const previous = every === 'epoch' ? states[states.indexOf(u) - 1] ?? 0 : u - 1;
    return lineAt.get(previous);
  };

  const scaleX = { domain: [lo1, hi1], nice: false, zero: false };
  const scaleY = { domain: [lo2, hi2], nice: false, zero: false };
  const axisX = { values: tickValues(lo1, hi1, width, 45), title: names[0] };
  const axisY = { values: tickValues(lo2, hi2, height, 45), title: names[1] };
  const points = X.map((r, i) => ({ x1: r[0], x2: r[1], label: String(y[i]) }));
  const classColors = { domain: ['0', '1'], range: [NEGATIVE_COLOR, POSITIVE_COLOR] };
  const rule = (row: LineRow | undefined, mark: Record<string, unknown>) =>
    row === undefined
      ? []
      : [{
          data: { values: [row] },
          mark: { type: 'rule', clip: true, ...mark },
          encoding: { x: { field: 'x1', type: 'quantitative', scale: scaleX }, y: { field: 'x2', type: 'quantitative', scale: scaleY }, x2: { field: 'x1e' }, y2: { field: 'x2e' } },
        }];

  // The side where the perceptron says 1 (w·x + b ≥ 0) shaded blue, the other orange, on a coarse grid.
  const cellsPerSide = 24;
  const dx = (hi1 - lo1) / cellsPerSide;
  const dy = (hi2 - lo2) / cellsPerSide;
  const shading = (w: { w1: number; w2: number; b: number }) => {
    // Cells of one row on the same side are merged into one rectangle: a line crosses a row once,
    // so a row is at most two rectangles instead of 24.
    const cells: { x1: number; x1e: number; x2: number; x2e: number; side: string }[] = [];
    for (let i = 0; i < cellsPerSide; i++) {
      const cy = lo2 + (i + 0.5) * dy;
      for (let j = 0; j < cellsPerSide; j++) {
        const cx = lo1 + (j + 0.5) * dx;
        const side = String(sideAt(w, cx, cy));
        const previous = cells[cells.length - 1];
        if (j > 0 && previous.side === side) previous.x1e = cx + 0.51 * dx;
        else cells.push({ x1: cx - 0.51 * dx, x1e: cx + 0.51 * dx, x2: cy - 0.51 * dy, x2e: cy + 0.51 * dy, side });
      }
    }
    // Pale versions of the class colours, one layer per side with a fixed colour: no colour scale,
    // which vega-lite would merge with the points' legend (and hide it).
    return (['0', '1'] as const).map((side) => ({
      data: { values: cells.filter((c) => c.side === side) },
      mark: { type: 'rect', stroke: null, color: side === '1' ? '#CCE0EE' : '#F7DCCB' },
      encoding: {
        x: { field: 'x1', type: 'quantitative', scale: scaleX },
        x2: { field: 'x1e' },
        y: { field: 'x2', type: 'quantitative', scale: scaleY },
        y2: { field: 'x2e' },
      },
    }));
  };

  const stateAt = new Map(weightStates.map((w) => [w.update, w]));
  // A sample exactly on a shown line (z = 0) looks like one on either side; step(0) = 1 decides it.
  const onALine = shown.some((u) => {
    const s = stateAt.get(u);
    return s !== undefined && (s.w1 !== 0 || s.w2 !== 0) && X.some(([a, c]) => s.w1 * a + s.w2 * c + s.b === 0);
  });
  const panels = shown.map((u) => {
    const row = lineAt.get(u);
    const mark = marks.find((m) => m.update === u);
    const state = stateAt.get(u);
    const epoch = state?.epoch;
    const head = u === 0 ? 'start' : every === 'epoch' ? `end of epoch ${epoch} (update ${u})` : `update ${u} · epoch ${epoch}`;
    // w = 0 has no line: the output is step(b) everywhere. A line outside the view leaves the
    // whole panel on one side: say which, or the panel reads as a missing line.
    let noLine = '';
    if (state && state.w1 === 0 && state.w2 === 0) noLine = `: ŷ = ${state.b >= 0 ? 1 : 0} everywhere`;
    else if (state && row === undefined) noLine = `: ŷ = ${sideAt(state, (lo1 + hi1) / 2, (lo2 + hi2) / 2)} in view`;
    return {
      width,
      height,
      title: { text: [head, state ? state.weights + noLine : ''], fontSize: 11, fontWeight: 'normal' },
      layer: [
        ...(state ? shading(state) : []),
        // Where the line was before this update: faint and dashed.
        ...(u > 0 ? rule(before(u), { color: '#999', strokeDash: [4, 3], strokeWidth: 1.2 }) : []),
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 45, stroke: 'black', strokeWidth: 0.6, opacity: 1 },
          encoding: {
            x: { field: 'x1', type: 'quantitative', scale: scaleX, axis: axisX },
            y: { field: 'x2', type: 'quantitative', scale: scaleY, axis: axisY },
            fill: { field: 'label', type: 'nominal', title: 'target y', scale: classColors },
            shape: { field: 'label', type: 'nominal', title: 'target y', scale: { domain: ['0', '1'], range: ['circle', 'square'] } },
          },
        },
        ...(mark && every === 'update'
          ? [{
              data: { values: [mark] },
              mark: { type: 'point', shape: 'circle', size: 200, stroke: 'black', strokeWidth: 1.8, filled: false },
              encoding: { x: { field: 'x1', type: 'quantitative', scale: scaleX }, y: { field: 'x2', type: 'quantitative', scale: scaleY } },
            }]
          : []),
        ...rule(row, { color: 'black', strokeWidth: 2 }),
      ],
    };
  });
  const skipped = states.length - shown.length;
  const description =
    options.description ??
    `Perceptron learning in ${shown.length} small panels: the boundary line ${every === 'update' ? 'after each weight update' : 'at the end of each epoch'}` +
      `${skipped > 0 ? ` (${shown.length} of ${states.length}, evenly spread)` : ''}, over ${X.length} samples of 2 classes; ` +
      `errors per epoch: ${result.errors.join(', ')}${result.message ? ` (${result.message})` : ''}.`;
  // Two lines: what the marks mean, then what this plot leaves out or decides (one line is too wide for 4 panels).
  const notes = [
    onALine ? 'a point on a line has z = 0, so ŷ = 1 there' : '',
    skipped > 0 ? `${shown.length} of ${states.length} states shown` : '',
  ].filter((n) => n !== '');
  const subtitle = [
    `shaded: the side where ŷ = 1 (blue) or 0; black: the line after the ${every === 'update' ? 'update' : 'epoch'}; dashed: the line ${every === 'update' ? 'before it' : 'one epoch before'}` +
      (every === 'update' ? '; ringed: the sample that caused the update' : ''),
    ...(notes.length > 0 ? [notes.join('; ')] : []),
  ];
  return topLevel(
    { concat: panels, columns: Math.min(columns, panels.length), spacing: 12, resolve: { scale: { fill: 'shared', shape: 'shared' } } },
    options.title ?? (every === 'update' ? 'The perceptron, update by update' : 'The perceptron, epoch by epoch'),
    description,
    subtitle,
  );
}
