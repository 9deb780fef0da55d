/**
 * What the plots refuse, and how they speak of a run that diverged: a plot never draws NaN,
 * a float label or a billion classes, and never prints "loss NaN".
 */
import { InputError, OptionError } from '../../../src/engine/errors';
import { confusionMatrixPlot, decisionBoundaryPlot, digitsPlot, learningRateConvergencePlot, networkDiagram, regressionPlot, trainingHistoryPlot, truthTablePlot } from '../../../src/engine/plots';
import { boundarySegment } from '../../../src/engine/plots/perceptronLearning';
import { mlpClassifier, truthTable } from '../../../src';

const X4 = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('plots refuse what they cannot draw honestly', () => {
  it('refuses NaN data, float labels and labels beyond the largest class count, naming the element', () => {
    const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [2], seed: 1 });
    expect(() => decisionBoundaryPlot(model, { X: X4, y: [0, 0.5, 0, 1] })).toThrow(/y: expected class labels 0, 1, 2, … \(below 10000\), but y\[1\] is 0\.5/);
    expect(() => decisionBoundaryPlot(model, { X: [[0, 0], [0, NaN], [1, 0], [1, 1]], y: [0, 0, 0, 1] })).toThrow(InputError);
    expect(() => truthTablePlot({ X: X4, y: [0, 0.5, 0, 1] })).toThrow(/y: expected whole numbers \(0\/1 or ±1\), but element 1 is 0\.5/);
    expect(() => digitsPlot([new Array(64).fill(1)], { labels: [1e9] })).toThrow(/labels: expected class labels .* is 1000000000/);
    expect(() => digitsPlot([[1, NaN, 2, 3]])).toThrow(/images: expected finite numbers, but row 0, column 1 is NaN/);
    expect(() => regressionPlot([0, 1, 2], { X: [0, 1, 2], y: [0, NaN, 4] })).toThrow(/y: expected finite numbers/);
  });

  it('refuses a model whose outputs are NaN (training diverged) rather than draw them', () => {
    const diverged = (X: number[][]) => X.map(() => NaN);
    expect(() => regressionPlot(diverged, { X: [[0], [1], [2]], y: [0, 1, 4] })).toThrow(/expected finite model outputs, but the output for row 0 \(column 0\) is NaN \(did training diverge\?\)/);
  });

  it('checks yes/no options, names and indices instead of reading them loosely', () => {
    expect(() => confusionMatrixPlot({ yTrue: [0, 1], yPred: [0, 1] }, { normalize: 'yes' as never })).toThrow(new OptionError("confusionMatrixPlot: normalize: expected true or false, got 'yes' (a string)"));
    expect(() => confusionMatrixPlot({ yTrue: [0, 1], yPred: [0, 1] }, { classNames: ['cat'] })).toThrow(/classNames: expected a list of 2 names \(strings\)/);
    const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [2], seed: 1 });
    expect(() => networkDiagram(model, { inputNames: 'x' as never })).toThrow(/inputNames: expected a list of 2 names/);
    expect(() => regressionPlot([0, 1, 2], { X: [0, 1, 2], y: [0, 1, 4] }, { output: 1 })).toThrow(/output: expected an output index below 1/);
    expect(() => digitsPlot([new Array(64).fill(1)], { width: 1.5 })).toThrow(/width: expected an integer from 1 to 10000, got 1\.5/);
  });

  it('says in words that a run diverged: never "loss NaN"', () => {
    const spec = trainingHistoryPlot({ loss: [1, 10, NaN] }) as { description: string };
    expect(spec.description).toContain('final training loss not finite (diverged)');
    expect(spec.description).not.toMatch(/NaN/);
    // Before the first epoch ends, the live curve is an empty plot.
    expect((trainingHistoryPlot({ loss: [] }) as { description: string }).description).toContain('final training loss none');
    expect(() => trainingHistoryPlot({ loss: [1, '0.5' as never] })).toThrow(/history\.loss: expected numbers, but element 1 is '0\.5'/);
  });

  it('draws a hand-made history whose loss became NaN as a diverged run, with no NaN in the spec', () => {
    const spec = learningRateConvergencePlot([{ loss: [1, 2, NaN] }]);
    const numbers: number[] = [];
    JSON.stringify(spec, (_, v) => (typeof v === 'number' && numbers.push(v), v));
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(spec)).toContain('run 1: diverged');
  });

  it('boundarySegment takes finite weights and a box [lo1, hi1, lo2, hi2] with lows below highs', () => {
    // x₁ + x₂ − 1 = 0 crosses the unit box from (0, 1) to (1, 0).
    expect(boundarySegment(1, 1, -1, [0, 1, 0, 1])).toEqual([0, 1, 1, 0]);
    expect(() => boundarySegment(NaN, 1, -1, [0, 1, 0, 1])).toThrow(/w1: expected a finite number, got NaN/);
    expect(() => boundarySegment(1, 1, -1, [1, 0, 0, 1])).toThrow(/box: expected \[lo1, hi1, lo2, hi2\] with lo1 < hi1/);
    expect(() => boundarySegment(1, 1, -1, [] as never)).toThrow(InputError);
  });

  it('keeps the valid calls working: a gate with its model', () => {
    const gate = truthTable('and');
    expect(() => truthTablePlot(gate, { output: [0, 0, 0, 1] })).not.toThrow();
    expect(() => truthTablePlot(gate, { output: [0, 1] })).toThrow(/output: expected 4 outputs \(one per row\), got 2/);
  });
});
