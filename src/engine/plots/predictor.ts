/**
 * What a plot may be given to compute a model's output: a function `X => outputs`, or any
 * model with `predictProba`, `net` or `predict` (MLP, Perceptron, TLU). Typed structurally
 * so that a plot does not depend on the engine's classes.
 */
import { InputError, OptionError, describeValue, checkChoice } from '../errors';
import { argmax } from './common';

/** What a model returns: one value per row, rows of values, or a Matrix. */
export type ModelOutput = ArrayLike<number> | ReadonlyArray<ArrayLike<number>> | { toArray(): number[][] };

/** A function from inputs (one row per sample) to outputs. */
export type PredictFunction = (X: number[][]) => ModelOutput;

/** Any model with at least one of these methods (an MLP, a Perceptron, a TLU). */
export interface ModelLike {
  predict?(X: number[][]): ModelOutput;
  predictProba?(X: number[][]): ModelOutput;
  net?(X: number[][]): ModelOutput;
}

/** A function or a model. */
export type Predictor = PredictFunction | ModelLike;

/** Which output of a model a plot shows. */
export type OutputKind = 'probability' | 'net' | 'class' | 'value';
export const OUTPUT_KINDS: readonly OutputKind[] = ['probability', 'net', 'class', 'value'];

/** The outputs of a model for some inputs, one row per sample. */
export interface Evaluated {
  kind: OutputKind;
  /** One row of outputs per sample (one column for a single output). */
  rows: number[][];
}

/** Converts any model output to rows of numbers. */
export function outputRows(out: ModelOutput, n: number, what: string): number[][] {
  let rows: number[][];
  if (typeof (out as { toArray?: unknown }).toArray === 'function' && !Array.isArray(out)) {
    rows = (out as { toArray(): number[][] }).toArray();
  } else if (Array.isArray(out) && out.length > 0 && typeof out[0] !== 'number') {
    rows = (out as ReadonlyArray<ArrayLike<number>>).map((r) => Array.from(r));
  } else if (out && typeof (out as ArrayLike<number>).length === 'number') {
    rows = Array.from(out as ArrayLike<number>, (v) => [v]);
  } else {
    throw new InputError(`${what}: the model returned ${describeValue(out)}; expected numbers, one per input row`);
  }
  if (rows.length !== n) {
    throw new InputError(`${what}: the model returned ${rows.length} outputs for ${n} input rows; expected one per row`);
  }
  // A model that diverged returns NaN: a plot refuses to draw it rather than show "NaN".
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InputError(`${what}: expected finite model outputs, but the output for row ${i} (column ${j}) is ${describeValue(v)} (did training diverge?)`);
      }
    });
  });
  return rows;
}

/**
 * Runs the model on X. With `kind` 'auto': a classifier's probability when it has
 * `predictProba`, else the net input z of a TLU/perceptron (`net`), else `predict`
 * (read as classes when every output is an integer, as values otherwise).
 */
export function evaluate(model: Predictor, X: number[][], kind: OutputKind | 'auto', what: string): Evaluated {
  if (kind !== 'auto') checkChoice(`${what}: output`, kind, OUTPUT_KINDS);
  if (typeof model === 'function') {
    const rows = outputRows(model(X), X.length, what);
    return { kind: kind === 'auto' ? guessKind(rows) : kind, rows };
  }
  if (typeof model !== 'object' || model === null) {
    throw new InputError(`${what}: expected a model (with predict, predictProba or net) or a function X => outputs, got ${describeValue(model)}`);
  }
  const m = model as ModelLike;
  const call = (method: 'predict' | 'predictProba' | 'net'): number[][] | undefined =>
    typeof m[method] === 'function' ? outputRows((m[method] as PredictFunction).call(m, X), X.length, what) : undefined;
  if (kind === 'probability' || kind === 'auto') {
    const rows = safeCall(() => call('predictProba'));
    if (rows) return { kind: 'probability', rows };
    if (kind === 'probability') throw new OptionError(`${what}: output 'probability' needs a model with predictProba (a classifier)`);
  }
  if (kind === 'net' || kind === 'auto') {
    const rows = call('net');
    if (rows) return { kind: 'net', rows };
    if (kind === 'net') throw new OptionError(`${what}: output 'net' needs a model with net (a TLU or perceptron)`);
  }
  const rows = call('predict');
  if (!rows) throw new InputError(`${what}: expected a model with predict, predictProba or net (or a function X => outputs), got ${describeValue(model)} without any of them`);
  return { kind: kind === 'auto' ? guessKind(rows) : kind, rows };
}

/** A regressor's predictProba throws (it is a classifier-only method): treat that as absent. */
function safeCall(f: () => number[][] | undefined): number[][] | undefined {
  try {
    return f();
  } catch (e) {
    if ((e as Error)?.name === 'StateError' || (e as Error)?.name === 'OptionError') return undefined;
    throw e;
  }
}

function guessKind(rows: number[][]): OutputKind {
  if (rows.length > 0 && rows[0].length > 1) return 'class';
  return rows.every((r) => Number.isInteger(r[0])) ? 'class' : 'value';
}

/** One number per sample: P(class 1) or the class for probabilities, the first column otherwise. */
export function scalarOutputs(ev: Evaluated): number[] {
  if (ev.kind === 'probability' || ev.kind === 'class') {
    return ev.rows.map((r) => (r.length === 1 ? r[0] : argmax(r)));
  }
  return ev.rows.map((r) => r[0]);
}

/** Classes from any output kind: threshold 0.5 for one probability, 0 for a net input z. */
export function classesOf(ev: Evaluated): number[] {
  return ev.rows.map((r) => {
    if (r.length > 1) return argmax(r);
    if (ev.kind === 'probability') return r[0] >= 0.5 ? 1 : 0;
    if (ev.kind === 'net') return r[0] >= 0 ? 1 : 0;
    return r[0];
  });
}

