/**
 * Truth table of a gate: inputs, target, and (when given) the model's output, each
 * row marked ✓ or ✗.
 */
import { InputError, describeValue } from '../errors';
import { MatrixLike, VectorLike } from '../matrix';
import { NEGATIVE_COLOR, POSITIVE_COLOR, PlotOptions, PlotSpec, checkSameLength, symbolName, toLabels, toRows, topLevel } from './common';
import { Predictor, classesOf, evaluate } from './predictor';
import { checkPlotOptions, PLOT_KEY_NAMES } from './common';
import { optionKeys } from '../options';

/** A gate's truth table (what `truthTable('and')` returns fits). */
export interface TruthTableLike {
  X: MatrixLike;
  y: VectorLike | MatrixLike;
  featureNames?: ReadonlyArray<string>;
  targetName?: string;
}

/** Options of {@link truthTablePlot}. */
export interface TruthTablePlotOptions extends PlotOptions {
  /** The model's output: a model or function (its class is used), or the outputs themselves. */
  output?: Predictor | ReadonlyArray<number>;
}

/** The option names of truthTablePlot, listed once. */
const TRUTHTABLEPLOT_KEYS = optionKeys<TruthTablePlotOptions>()(...PLOT_KEY_NAMES, 'output');

/**
 * A truth table drawn as a grid: one row per input combination; columns x₁, x₂, ...,
 * the target y and the model's output ŷ (✓ where it matches y, ✗ where not).
 */
export function truthTablePlot(table: TruthTableLike, options: TruthTablePlotOptions = {}): PlotSpec {
  options = checkPlotOptions('truthTablePlot', options, TRUTHTABLEPLOT_KEYS);
  const what = 'truthTablePlot';
  if (!table || typeof table !== 'object') throw new InputError(`${what}: expected a truth table { X, y }, got ${describeValue(table)}`);
  const X = toRows(table.X, `${what}: X`);
  const y = toLabels(table.y, `${what}: y`);
  checkSameLength(what, X, y);
  // A truth table holds finite inputs (toRows refuses NaN and ∞) and whole-number targets (0/1 or ±1).
  checkWhole(`${what}: y`, y);
  const inputNames = (table.featureNames?.slice(0, X[0].length) ?? X[0].map((_, j) => `x${j + 1}`)).map(symbolName);
  const target = table.targetName ?? 'y';
  let output: number[] | undefined;
  if (options.output !== undefined) {
    if (Array.isArray(options.output)) output = (options.output as number[]).slice();
    else output = classesOf(evaluate(options.output as Predictor, X, 'auto', `${what}: output`));
    if (output.length !== y.length) throw new InputError(`${what}: output: expected ${y.length} outputs (one per row), got ${output.length}`);
    checkWhole(`${what}: output`, output);
  }
  const columns = [...inputNames, target, ...(output ? ['ŷ (model)', ''] : [])];
  const cells: { row: number; column: string; text: string; value: number; kind: string }[] = [];
  let wrong = 0;
  X.forEach((x, i) => {
    x.forEach((v, j) => cells.push({ row: i, column: inputNames[j], text: String(v), value: v, kind: 'input' }));
    cells.push({ row: i, column: target, text: String(y[i]), value: y[i], kind: 'target' });
    if (output) {
      const ok = output[i] === y[i];
      if (!ok) wrong++;
      cells.push({ row: i, column: 'ŷ (model)', text: String(output[i]), value: output[i], kind: 'output' });
      cells.push({ row: i, column: '', text: ok ? '✓' : '✗', value: ok ? 1 : 0, kind: ok ? 'right' : 'wrong' });
    }
  });
  const cellWidth = 56;
  const description =
    options.description ??
    `Truth table with ${X.length} rows: inputs ${inputNames.join(', ')}, target ${target}` +
      (output ? `, and the model's output ŷ: ${X.length - wrong} of ${X.length} rows right.` : '.');
  return topLevel(
    {
      width: cellWidth * columns.length,
      height: 30 * X.length,
      data: { values: cells },
      encoding: {
        x: { field: 'column', type: 'ordinal', title: null, sort: columns, axis: { orient: 'top', labelAngle: 0, labelFontSize: 13, domain: false, ticks: false } },
        y: { field: 'row', type: 'ordinal', title: null, axis: null },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
          encoding: {
            color: {
              field: 'kind',
              type: 'nominal',
              legend: null,
              scale: {
                domain: ['input', 'target', 'output', 'right', 'wrong'],
                range: ['#f2f2f2', '#dde8f3', '#e8e8e8', '#cfe6f5', '#f7d3bf'],
              },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: 14 },
          encoding: {
            text: { field: 'text', type: 'nominal' },
            color: {
              condition: [
                { test: "datum.kind == 'wrong'", value: NEGATIVE_COLOR },
                { test: "datum.kind == 'right'", value: POSITIVE_COLOR },
              ],
              value: 'black',
            },
          },
        },
      ],
    },
    options.title ?? 'Truth table',
    description,
    output ? `${X.length - wrong} of ${X.length} rows right` : undefined,
  );
}

/** Targets and outputs of a gate are whole numbers (0/1 or ±1): never NaN, never 0.5. */
function checkWhole(what: string, values: unknown[]): void {
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new InputError(`${what}: expected whole numbers (0/1 or ±1), but element ${i} is ${describeValue(v)}`);
  });
}
