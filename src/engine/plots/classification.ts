/**
 * Classification: the confusion matrix as a heatmap (rows = true class, columns =
 * predicted), and a grid of 8×8 digit images labelled with their true and predicted class.
 */
import { confusionMatrix } from '../metrics';
import { InputError, checkInteger, describeValue } from '../errors';
import { MatrixLike, VectorLike } from '../matrix';
import { PlotOptions, PlotSpec, checkClassLabels, checkFlag, optionalNames, checkSize, formatNumber, toLabels, toRows, topLevel } from './common';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** True and predicted labels (one per sample). */
export interface LabelPairs {
  yTrue: VectorLike | MatrixLike;
  yPred: VectorLike | MatrixLike;
}

/** Options of {@link confusionMatrixPlot}. */
export interface ConfusionMatrixOptions extends PlotOptions {
  /** Names of the classes. @default '0', '1', ... */
  classNames?: ReadonlyArray<string>;
  /** Colour by the fraction of each true class (row) rather than by count. @default false */
  normalize?: boolean;
}

/** Counts[i][j] = samples of true class i predicted as j. */
function countPairs(yTrue: number[], yPred: number[]): number[][] {
  if (yTrue.length !== yPred.length) {
    throw new InputError(`confusionMatrixPlot: yTrue has ${yTrue.length} labels but yPred has ${yPred.length}; expected one prediction per label`);
  }
  // The metric checks the labels (class indices, finite) and refuses a huge label before allocating.
  return confusionMatrix(yTrue, yPred);
}

/** The option names of confusionMatrixPlot, listed once. */
const CONFUSIONMATRIXPLOT_KEYS = optionKeys<ConfusionMatrixOptions>()(...PLOT_KEY_NAMES, 'classNames', 'normalize');

/**
 * Confusion matrix heatmap with counts in the cells. Takes the matrix (from
 * `confusionMatrix(yTrue, yPred)`) or `{ yTrue, yPred }`.
 */
export function confusionMatrixPlot(input: ReadonlyArray<ReadonlyArray<number>> | MatrixLike | LabelPairs, options: ConfusionMatrixOptions = {}): PlotSpec {
  options = checkPlotOptions('confusionMatrixPlot', options, CONFUSIONMATRIXPLOT_KEYS);
  const what = 'confusionMatrixPlot';
  const pairs = input as LabelPairs;
  const m =
    typeof input === 'object' && input !== null && 'yTrue' in input && 'yPred' in input
      ? countPairs(toLabels(pairs.yTrue, `${what}: yTrue`), toLabels(pairs.yPred, `${what}: yPred`))
      : toRows(input as MatrixLike, `${what}: matrix`);
  const k = m.length;
  if (k === 0 || m.some((r) => r.length !== k)) {
    throw new InputError(`${what}: expected a square matrix (rows = true class, columns = predicted), got ${describeValue(input)}`);
  }
  const names = optionalNames(`${what}: classNames`, options.classNames, k) ?? Array.from({ length: k }, (_, i) => String(i));
  const name = (i: number) => names[i] ?? String(i);
  const normalize = checkFlag(`${what}: normalize`, options.normalize, false);
  const cells: { true: string; predicted: string; count: number; fraction: number; correct: boolean }[] = [];
  let total = 0;
  let correct = 0;
  m.forEach((row, i) => {
    const rowSum = row.reduce((s, v) => s + v, 0);
    row.forEach((count, j) => {
      total += count;
      if (i === j) correct += count;
      cells.push({ true: name(i), predicted: name(j), count, fraction: rowSum > 0 ? count / rowSum : 0, correct: i === j });
    });
  });
  const size = checkSize(`${what}: width`, options.width, Math.min(420, Math.max(160, 36 * k)));
  const order = Array.from({ length: k }, (_, i) => name(i));
  const colorField = normalize ? 'fraction' : 'count';
  const maxColor = normalize ? 1 : Math.max(1, ...cells.map((c) => c.count));
  const accuracy = total > 0 ? correct / total : NaN;
  const description =
    options.description ??
    `Confusion matrix of ${k} classes over ${total} samples: rows are true classes, columns predicted classes; ` +
      `${correct} on the diagonal (accuracy ${formatNumber(accuracy)}).`;
  return topLevel(
    {
      width: size,
      height: checkSize(`${what}: height`, options.height, size),
      data: { values: cells },
      encoding: {
        x: { field: 'predicted', type: 'ordinal', title: 'predicted class', sort: order, axis: { labelAngle: 0, orient: 'top' } },
        y: { field: 'true', type: 'ordinal', title: 'true class', sort: order },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: {
              field: colorField,
              type: 'quantitative',
              title: normalize ? 'fraction of true class' : 'samples',
              scale: { scheme: 'blues', domain: [0, maxColor] },
            },
            tooltip: [{ field: 'true' }, { field: 'predicted' }, { field: 'count' }, { field: 'fraction', format: '.1%' }],
          },
        },
        {
          mark: { type: 'text', fontSize: k > 10 ? 9 : 12 },
          encoding: {
            text: normalize ? { field: 'fraction', type: 'quantitative', format: '.0%' } : { field: 'count', type: 'quantitative' },
            // Dark text on pale cells, white on dark cells.
            color: { condition: { test: `datum.${colorField} > ${maxColor * 0.55}`, value: 'white' }, value: 'black' },
          },
        },
      ],
    },
    options.title ?? 'Confusion matrix',
    description,
    `accuracy ${formatNumber(accuracy)} (${correct} of ${total} on the diagonal)`,
  );
}

/** Options of {@link digitsPlot}. */
export interface DigitsPlotOptions extends PlotOptions {
  /** True labels, shown above each image. */
  labels?: VectorLike;
  /** Predicted labels; wrong ones are marked ✗ and drawn in vermillion. */
  predictions?: VectorLike;
  /** Images per row. @default 10 */
  columns?: number;
  /** Images drawn at most (the first ones). @default 30 */
  max?: number;
  /** Side of an image in pixels (8 for the digits data set). @default √(features) */
  side?: number;
  /** Size of one image cell in CSS pixels. @default 44 */
  cellSize?: number;
}

/** The option names of digitsPlot, listed once. */
const DIGITSPLOT_KEYS = optionKeys<DigitsPlotOptions>()(...PLOT_KEY_NAMES, 'labels', 'predictions', 'columns', 'max', 'side', 'cellSize');

/**
 * A grid of small greyscale images (8×8 digits: one row of 64 pixel values per image),
 * each labelled with its true class and, when given, the prediction.
 */
export function digitsPlot(images: MatrixLike, options: DigitsPlotOptions = {}): PlotSpec {
  options = checkPlotOptions('digitsPlot', options, DIGITSPLOT_KEYS);
  const what = 'digitsPlot';
  const rows = toRows(images, `${what}: images`);
  const max = checkInteger(`${what}: max`, options.max ?? 30, 1);
  const shown = rows.slice(0, max);
  const features = shown[0].length;
  const side = checkInteger(`${what}: side`, options.side ?? Math.round(Math.sqrt(features)), 1);
  if (side * side !== features) {
    throw new InputError(`${what}: each image row must have side² values; got ${features} values and side ${side} (8×8 digits have 64)`);
  }
  const labels = imageLabels(`${what}: labels`, options.labels, rows.length);
  const predictions = imageLabels(`${what}: predictions`, options.predictions, rows.length);
  const columns = Math.min(checkInteger(`${what}: columns`, options.columns ?? 10, 1), shown.length);
  const gridRows = Math.ceil(shown.length / columns);
  const cell = checkSize(`${what}: cellSize`, options.cellSize, 44);
  const captionText = (n: number): string => {
    const t = labels?.[n];
    const p = predictions?.[n];
    if (p === undefined) return t === undefined ? `#${n}` : `${t}`;
    if (t === undefined) return `→ ${p}`;
    return t !== p ? `${t} → ${p} ✗` : `${t} → ${p}`;
  };
  // Each image occupies (side + gap) × (side + 3) units: a gap, and two units for its caption above.
  // The gap is wide enough for the longest caption (about 7 px a character at 11 px), so that
  // neighbouring captions such as "8 → 1 ✗" and "9 → 8 ✗" never run together.
  const unitPx = cell / (side + 1);
  const longest = Math.max(...shown.map((_, n) => captionText(n).length));
  const gap = Math.max(1, Math.ceil((7 * longest + 8) / unitPx) - side);
  const unitW = side + gap;
  const unitH = side + 3;
  const pixels: { px: number; py: number; value: number }[] = [];
  const captions: { cx: number; cy: number; text: string; wrong: boolean }[] = [];
  let wrongCount = 0;
  shown.forEach((img, n) => {
    const ox = (n % columns) * unitW;
    const oy = Math.floor(n / columns) * unitH + 2;
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) pixels.push({ px: ox + c, py: oy + r, value: img[r * side + c] });
    }
    const t = labels?.[n];
    const p = predictions?.[n];
    const wrong = t !== undefined && p !== undefined && t !== p;
    if (wrong) wrongCount++;
    captions.push({ cx: ox + side / 2, cy: oy - 0.3, text: captionText(n), wrong });
  });
  const W = columns * unitW - gap;
  const H = gridRows * unitH;
  const x = { field: 'px', type: 'quantitative', scale: { domain: [0, W], nice: false, zero: true }, axis: null };
  const y = { field: 'py', type: 'quantitative', scale: { domain: [0, H], nice: false, reverse: true, zero: true }, axis: null };
  const caption = predictions ? (labels ? 'true → predicted' : 'predicted') : 'true label';
  const description =
    options.description ??
    `${shown.length} images of ${side}×${side} pixels, labelled ${caption}` +
      (labels && predictions ? `; ${wrongCount} wrong (marked ✗)` : '') +
      '.';
  return topLevel(
    {
      width: W * unitPx,
      height: H * unitPx,
      view: { stroke: null },
      layer: [
        {
          data: { values: pixels },
          transform: [{ calculate: 'datum.px + 1', as: 'px2' }, { calculate: 'datum.py + 1', as: 'py2' }],
          mark: { type: 'rect' },
          encoding: {
            x,
            x2: { field: 'px2' },
            y,
            y2: { field: 'py2' },
            color: { field: 'value', type: 'quantitative', scale: { scheme: 'greys', zero: true }, legend: null },
          },
        },
        {
          data: { values: captions },
          mark: { type: 'text', baseline: 'bottom', fontSize: 11 },
          encoding: {
            x: { field: 'cx', type: 'quantitative', scale: x.scale, axis: null },
            y: { field: 'cy', type: 'quantitative', scale: y.scale, axis: null },
            text: { field: 'text', type: 'nominal' },
            color: { condition: { test: 'datum.wrong', value: '#D55E00' }, value: 'black' },
          },
        },
      ],
    },
    options.title ?? (predictions ? 'Digits with their predicted classes' : 'Digits'),
    description,
    predictions && labels ? `caption: true → predicted; ✗ = wrong (${wrongCount} of ${shown.length})` : undefined,
  );
}

/** Labels of the images (true or predicted): one class label per image, or undefined when not given. */
function imageLabels(what: string, given: VectorLike | undefined, images: number): number[] | undefined {
  if (given === undefined) return undefined;
  const labels = checkClassLabels(what, toLabels(given, what));
  if (labels.length !== images) throw new InputError(`${what}: expected one label per image (${images}), got ${labels.length}`);
  return labels;
}
