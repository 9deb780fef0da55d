import { trainingHistoryPlot } from '../../../src/engine/plots';
import { mlpClassifier, playground } from '../../../src';
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

  it('keeps its own title on top when there is only the loss panel', () => {
    expect((trainingHistoryPlot({ loss: [4, 2, 1] }) as any).title).toBe('Training history');
    expect((trainingHistoryPlot({ loss: [4, 2, 1] }, { title: 'My regressor' }) as any).title).toBe('My regressor');
    const withStatus = trainingHistoryPlot({ loss: [4, 2, 1], message: 'completed 3 epochs' }, { title: 'Fit' }) as any;
    expect(withStatus.title).toEqual({ text: 'Fit', subtitle: 'completed 3 epochs' });
  });

  it('lists only the splits that have data in the legend', () => {
    const alone = trainingHistoryPlot({ loss: [4, 2, 1], accuracy: [0.5, 0.7, 0.9] }) as any;
    for (const panel of alone.hconcat) {
      expect(panel.encoding.color.scale.domain).toEqual(['training']);
      expect(panel.encoding.strokeDash.scale.domain).toEqual(['training']);
    }
    const both = trainingHistoryPlot({ loss: [4, 2], valLoss: [5, 3] }) as any;
    expect(both.encoding.color.scale.domain).toEqual(['training', 'validation']);
    expect(both.encoding.strokeDash.scale.range).toEqual([[1, 0], [6, 3]]);
    // Validation alone keeps its own colour and dashes.
    const valOnly = trainingHistoryPlot({ loss: [], valLoss: [5, 3] }) as any;
    expect(valOnly.encoding.color.scale).toEqual({ domain: ['validation'], range: ['#E69F00'] });
    expectRenders(alone);
  });

  it('labels the epoch axis with whole numbers only', () => {
    const spec = trainingHistoryPlot({ loss: [4, 2, 1.5, 1] }) as any;
    expect(spec.encoding.x.axis).toMatchObject({ format: 'd', values: [1, 2, 3, 4] });
  });

  it('refuses something without a loss array', () => {
    expect(() => trainingHistoryPlot({} as never)).toThrow(/expected a history with a loss array/);
  });
});
