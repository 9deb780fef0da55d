/**
 * What every plot builder shares: the vega-lite schema, the colour-blind-safe palette,
 * the look (fonts, white background), and conversions of engine values into plain rows.
 * Builders return plain data (a vega-lite spec); nothing here draws or does I/O.
 */
import type { TopLevelSpec } from 'vega-lite';
import { Matrix, MatrixLike, VectorLike } from '../matrix';
import { toMatrix } from '../matrix';
import { InputError, MAX_CLASSES, OptionError, checkNames, checkNumberIn, describeValue } from '../errors';
import { checkBoolean, checkOptions } from '../options';

/** A vega-lite v5 specification, as every builder returns it. */
export type PlotSpec = TopLevelSpec;

/** The vega-lite schema every spec declares (JupyterLab picks its renderer from it). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * Okabe–Ito colours, ordered for lines on white (yellow last: weak contrast).
 * Told apart by readers with any common colour-vision deficiency.
 */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'];

/** Colour of positive values (weights, class 1) and of negative values (class 0): blue and vermillion. */
export const POSITIVE_COLOR = '#0072B2';
export const NEGATIVE_COLOR = '#D55E00';

/** Fonts a browser tries in order. (The PNG renderer puts DejaVu Sans first: it has x₁, η, ŷ, ✓; see display/render.) */
export const FONT = 'Arial, Liberation Sans, DejaVu Sans, Helvetica, sans-serif';

/** Options that every builder accepts. */
export interface PlotOptions {
  /** Title above the plot. @default a title naming what is drawn */
  title?: string;
  /** Width of one panel in CSS pixels. @default depends on the plot (usually 360) */
  width?: number;
  /** Height of one panel in CSS pixels. @default depends on the plot (usually 240) */
  height?: number;
  /** Sentence describing the plot (screen readers, text/plain output). @default generated from the data */
  description?: string;
}

/** The look shared by every plot: white background (readable on dark themes), fonts, quiet axes. */
export function baseConfig(): Record<string, unknown> {
  return {
    font: FONT,
    background: 'white',
    view: { stroke: '#ddd' },
    axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
    legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 520 },
    title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
    range: { category: PALETTE.slice() },
  };
}

/** Wraps the body of a spec with the schema, title, description and shared config. */
export function topLevel(
  body: Record<string, unknown>,
  title: string,
  description: string,
  subtitle?: string | string[],
): PlotSpec {
  // The body's own `title` (a single panel's) must not replace the plot's title: drop it.
  const { title: _panelTitle, ...rest } = body;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    description,
    ...rest,
    config: baseConfig(),
  } as unknown as PlotSpec;
}

/** Labelled 2-D data (a `Dataset` fits). */
export interface LabelledData {
  X: MatrixLike;
  y: VectorLike | MatrixLike;
  featureNames?: ReadonlyArray<string>;
  classNames?: ReadonlyArray<string>;
}

/** Samples of a plane plot: rows of two features, their labels, and the two axis names. */
export interface PlaneData {
  X: number[][];
  y: number[];
  names: [string, string];
}

/**
 * Reads labelled data for a plot in the plane (decision boundary, perceptron line):
 * one label per row, exactly two features. Axis names: `featureNames`, else the data's,
 * else x₁ and x₂, written as the course writes them (x1 → x₁).
 */
export function planeData(what: string, data: LabelledData, featureNames?: ReadonlyArray<string>, hint = ''): PlaneData {
  if (!data || typeof data !== 'object') throw new InputError(`${what}: expected data { X, y } with 2 features, got ${describeValue(data)}`);
  const X = toMatrix(data.X as MatrixLike, `${what}: X`).toArray();
  const y = checkClassLabels(`${what}: y`, toLabels(data.y, `${what}: y`));
  checkSameLength(what, X, y);
  if (X[0].length !== 2) throw new InputError(`${what}: expected 2 input features (a plane), got ${X[0].length}${hint}`);
  const given = optionalNames(`${what}: featureNames`, featureNames, 2) ?? optionalNames(`${what}: data.featureNames`, data.featureNames, 2) ?? ['x1', 'x2'];
  return { X, y, names: [symbolName(given[0] ?? 'x1'), symbolName(given[1] ?? 'x2')] };
}

/** A variable name as the course writes it: a letter and digits get subscripts (x1 → x₁, w12 → w₁₂); other names stay. */
export function symbolName(name: string): string {
  const m = /^([A-Za-z])(\d+)$/.exec(name);
  return m ? m[1] + subscript(Number(m[2])) : name;
}

/**
 * Axis properties for counts (epochs, errors): whole numbers only. vega's tickMinStep alone
 * still gives 0.5 steps on short ranges (0..2), so a short range lists its ticks.
 */
export function integerAxis(lo: number, hi: number): Record<string, unknown> {
  const first = Math.ceil(lo);
  const last = Math.floor(hi);
  const axis: Record<string, unknown> = { format: 'd', tickMinStep: 1 };
  if (last - first <= 10) axis.values = Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
  return axis;
}

/**
 * Class labels as a plot draws them: integers from 0 to MAX_CLASSES − 1 (never NaN, never 0.5:
 * a plot must not print "class NaN"; never 10⁹, which would ask for a billion classes).
 */
export function checkClassLabels(what: string, y: number[]): number[] {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isInteger(y[i]) || y[i] < 0 || y[i] >= MAX_CLASSES) {
      throw new InputError(`${what}: expected class labels 0, 1, 2, … (below ${MAX_CLASSES}), but y[${i}] is ${describeValue(y[i])}`);
    }
  }
  return y;
}

/**
 * Converts a Matrix or number[][] to plain rows (copying), refusing NaN and ±∞ (a plot must
 * not draw them) unless `allowNonFinite` (a loss curve that diverged, say).
 */
export function toRows(x: MatrixLike | ReadonlyArray<ReadonlyArray<number>>, what: string, allowNonFinite = false): number[][] {
  const m = isMatrixShaped(x) && !(x instanceof Matrix) ? (x as unknown as { toArray(): number[][] }).toArray() : x;
  return toMatrix(m as MatrixLike, what, { allowNonFinite }).toArray();
}

/** A value with a `toArray()` giving rows (a Matrix from another copy of the engine, say). */
function isMatrixShaped(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { toArray?: unknown }).toArray === 'function';
}

/** Converts labels or targets (number[], Float64Array, a one-column matrix, or one-hot rows) to number[]. */
export function toLabels(y: VectorLike | MatrixLike | ReadonlyArray<ReadonlyArray<number>>, what: string): number[] {
  if (y instanceof Float64Array) return Array.from(y);
  if (Array.isArray(y) && (y.length === 0 || typeof y[0] === 'number')) return (y as number[]).slice();
  const rows = toRows(y as MatrixLike, what);
  if (rows.length > 0 && rows[0].length === 1) return rows.map((r) => r[0]);
  // One-hot (or probability) rows: the class is the largest entry.
  return rows.map((r) => argmax(r));
}

/** Index of the largest value (first one on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}

/** Smallest and largest finite value, or undefined when there is none. */
export function finiteExtent(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** [min, max] of a column widened by `pad` × its range on each side (a zero range gets ±1). */
export function paddedExtent(values: number[], pad: number): [number, number] {
  const e = finiteExtent(values) ?? [0, 1];
  const span = e[1] - e[0] || 2;
  return [e[0] - pad * span, e[1] + pad * span];
}

/** Rounds for display: 4 significant digits, no trailing zeros (0.1, 1.235e-5). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(4)));
  return v.toExponential(2).replace(/\.?0+e/, 'e');
}

/** The options every plot takes (PlotOptions), listed once. */
export const PLOT_KEY_NAMES = ['title', 'width', 'height', 'description'] as const;

/**
 * Checks a plot's options object: no unknown names (with "did you mean"), and the options all
 * plots share. Returns the options ({} for undefined).
 */
export function checkPlotOptions<T extends PlotOptions>(what: string, options: T | undefined, known: readonly string[]): T {
  const o = checkOptions(`${what}: options`, options, known);
  for (const key of ['title', 'description'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new OptionError(`${what}: ${key}: expected a string, got ${describeValue(o[key])}`);
  }
  checkSize(`${what}: width`, o.width, 1);
  checkSize(`${what}: height`, o.height, 1);
  return o;
}

/** The widest margin around the data, as a multiple of its range on each side. */
export const MAX_MARGIN = 10;

/** Checks a margin option: a finite number from 0 to MAX_MARGIN (× the data's range on each side). */
export function checkMargin(what: string, value: unknown, fallback: number): number {
  return value === undefined ? fallback : checkNumberIn(`${what}: margin`, value, 0, MAX_MARGIN);
}

/** Checks a yes/no option (logY, normalize, boundary, …); undefined gives `fallback`. */
export function checkFlag(what: string, value: unknown, fallback: boolean): boolean {
  return value === undefined ? fallback : checkBoolean(what, value);
}

/**
 * Names given for features, classes, inputs or outputs: a list of at least `count` strings (one
 * per feature, class, …), copied. Undefined (not given) stays undefined.
 */
export function optionalNames(what: string, value: unknown, count: number): string[] | undefined {
  return value === undefined ? undefined : checkNames(what, value, count).slice();
}

/** The largest width, height or resolution of a plot (pixels or grid cells). */
export const MAX_PLOT_SIZE = 10000;

/** Checks a positive size option (width, height, resolution). */
export function checkSize(what: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_PLOT_SIZE) {
    throw new OptionError(`${what}: expected an integer from 1 to ${MAX_PLOT_SIZE}, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws when a data set is empty or its X and y lengths differ. */
export function checkSameLength(what: string, X: unknown[], y: unknown[]): void {
  if (X.length === 0) throw new InputError(`${what}: expected at least one sample, got none`);
  if (X.length !== y.length) {
    throw new InputError(`${what}: X has ${X.length} rows but y has ${y.length} labels; expected one label per row`);
  }
}

/** Subscript digits for names such as x₁, w₂ (as the course writes them). */
export function subscript(n: number): string {
  const digits = '₀₁₂₃₄₅₆₇₈₉';
  return String(n)
    .split('')
    .map((c) => digits[Number(c)] ?? c)
    .join('');
}

/**
 * Round tick values for an axis over [lo, hi] that is `pixels` long: multiples of a step of
 * 1, 2 or 5 × 10ᵏ, the nearest to one per `spacing` pixels. Given explicitly because vega, on a padded
 * domain such as [−0.1, 1.1], ticks every 0.1 and then drops every other label, keeping
 * −0.1, 0.1, … and losing the data's own 0 and 1.
 */
export function tickValues(lo: number, hi: number, pixels: number, spacing = 50): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const count = Math.max(2, Math.floor(pixels / spacing));
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // the step of 1, 2, 5 or 10 × 10ᵏ nearest to the raw one (on a log scale)
  const step = [1, 2, 5, 10].map((m) => m * power).reduce((a, b) => (Math.abs(Math.log(b / raw)) < Math.abs(Math.log(a / raw)) ? b : a));
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) {
    // k × step, rounded to the step's decimals so that 0.30000000000000004 prints as 0.3
    out.push(Number((k * step).toFixed(Math.max(0, -Math.floor(Math.log10(step)) + 1))) + 0);
  }
  return out;
}
