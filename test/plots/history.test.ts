import { trainingHistoryPlot } from '../../src/plots';
import { mlpClassifier, playground } from '../../src';
import { expectRenders } from './render-check';

describe('trainingHistoryPlot', () => {
  it('draws training and validation loss, and accuracy in a second panel, from a real fit', () => {
    const ds = playground('gauss', { n: 60, seed: 2 });
    const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [4], seed: 1 });
    const history = model.fit(ds.X.slice(0, 40), ds.y.slice(0, 40), {
      epochs: 6,
      learningRate: 0.1,
      validationData: { X: ds.X.slice(40), y: ds.y.slice(40) },
    });
    const spec = trainingHistoryPlot(history) as any;
    const [loss, acc] = spec.hconcat;
    expect(loss.data.values.filter((r: any) => r.split === 'training').map((r: any) => r.value)).toEqual(history.loss);
    expect(loss.data.values.filter((r: any) => r.split === 'validation').map((r: any) => r.value)).toEqual(history.valLoss);
    expect(loss.encoding.color.scale.domain).toEqual(['training', 'validation']);
    expect(acc.encoding.y.title).toBe('accuracy (fraction correct)');
    expect(acc.encoding.y.scale.domain[1]).toBe(1);
    expectRenders(spec);
  });

  it('draws one panel when there is no accuracy (a regressor)', () => {
    const spec = trainingHistoryPlot({ loss: [4, 2, 1] }, { logY: true }) as any;
    expect(spec.hconcat).toBeUndefined();
    expect(spec.encoding.y.scale).toEqual({ type: 'log' });
    expect(spec.encoding.x.field).toBe('epoch');
  });

  it('refuses something without a loss array', () => {
    expect(() => trainingHistoryPlot({} as never)).toThrow(/expected a history with a loss array/);
  });
});
