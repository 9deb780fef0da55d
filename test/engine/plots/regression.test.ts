import { regressionPlot } from '../../../src/engine/plots';
import { mlpRegressor, sineData } from '../../../src';
import { expectRenders } from './render-check';

describe('regressionPlot', () => {
  const X = [[0], [1], [2], [3]];
  const y = [0, 2, 4, 7];

  it('draws the fit over 1-D data, predicted against true with the diagonal, and residuals y − ŷ', () => {
    const spec = regressionPlot((A) => A.map((r) => 2 * r[0]), { X, y }, { samples: 5 }) as any;
    const [fit, parity, residuals] = spec.hconcat;
    expect(fit.layer[1].data.values).toEqual([0, 0.75, 1.5, 2.25, 3].map((x) => ({ x: expect.closeTo(-0.06 + x * 1.04, 9), predicted: expect.any(Number) })));
    expect(parity.layer[1].encoding.x.field).toBe('target');
    expect(parity.layer[1].encoding.y.field).toBe('predicted');
    expect(residuals.layer[1].data.values.map((r: any) => r.residual)).toEqual([0, 0, 0, 1]);
    // SSE = 1, mean of y = 3.25, total sum of squares = 26.75: R² = 1 − 1/26.75
    expect(spec.description).toContain(`MSE 0.25, R² ${Number((1 - 1 / 26.75).toPrecision(4))}`);
    // The subtitle gives the scores, then what the two unlabelled reference lines are.
    expect(spec.title.subtitle[0]).toBe(`MSE 0.25, R² ${Number((1 - 1 / 26.75).toPrecision(4))}`);
    expect(spec.title.subtitle[1]).toMatch(/dashed: ŷ = y.*0 on the grey line/);
    expect(residuals.layer[1].encoding.y.title).toBe('residual: y − ŷ');
    expectRenders(spec);
  });

  it('accepts the predictions themselves, and a real regressor', () => {
    const two = regressionPlot([0, 2, 4, 6], { X, y }) as any;
    expect(two.hconcat).toHaveLength(3);
    const ds = sineData({ n: 30, seed: 1 });
    const model = mlpRegressor({ inputs: 1, hidden: [8], seed: 1 });
    model.fit(ds.X, ds.y, { epochs: 3 });
    const spec = regressionPlot(model, ds) as any;
    expect(spec.hconcat[0].layer[1].data.values).toHaveLength(200);
  });

  it('leaves out the fit panel for several inputs', () => {
    const spec = regressionPlot([1, 2], { X: [[1, 2], [3, 4]], y: [1, 2] }) as any;
    expect(spec.hconcat).toHaveLength(2);
  });

  it('refuses predictions of the wrong length', () => {
    expect(() => regressionPlot([1], { X, y })).toThrow(/got 1 predictions for 4 targets/);
  });
});
