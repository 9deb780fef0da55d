import { mlpClassifier, mlpRegressor, MLP, regressionOutputs } from '../../../src/engine/mlp';
import { OptionError, StateError } from '../../../src/engine/errors';

describe('mlpClassifier', () => {
  it('uses one sigmoid output with binary cross-entropy for 2 classes', () => {
    const m = mlpClassifier({ inputs: 2, classes: 2 });
    const out = m.layers[m.layers.length - 1];
    expect(out.units).toBe(1);
    expect(out.activationName).toBe('sigmoid');
    expect(m.loss.name).toBe('binaryCrossEntropy');
    expect(m.task).toBe('classification');
    const p = m.predictProba([[0, 1], [2, 3]]);
    expect(p.map((r) => r.length)).toEqual([1, 1]);
    expect(m.predict([[0, 1]])[0]).toBe(p[0][0] >= 0.5 ? 1 : 0);
  });

  it('uses softmax with cross-entropy for more classes; probabilities sum to 1', () => {
    const m = mlpClassifier({ inputs: 4, classes: 3, hidden: [8, 6], activation: 'tanh' });
    expect(m.layers.map((l) => [l.units, l.activationName])).toEqual([
      [8, 'tanh'],
      [6, 'tanh'],
      [3, 'softmax'],
    ]);
    expect(m.loss.name).toBe('crossEntropy');
    for (const row of m.predictProba([[1, 2, 3, 4], [0, 0, 0, 0]])) expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
  });

  it('refuses fewer than 2 classes', () => {
    expect(() => mlpClassifier({ inputs: 2, classes: 1 })).toThrow(OptionError);
    expect(() => mlpClassifier({ inputs: 2, classes: 1 })).toThrow(/classes: expected an integer ≥ 2, got 1/);
  });
});

describe('mlpRegressor (Géron Table 10-1)', () => {
  it.each(regressionOutputs.map((o) => [o]))('output activation %s', (o) => {
    const m = mlpRegressor({ inputs: 3, outputActivation: o });
    expect(m.layers[m.layers.length - 1].activationName).toBe(o === 'none' ? 'identity' : o);
    expect(m.task).toBe('regression');
    expect(m.loss.name).toBe('mse');
  });

  it.each(['mse', 'mae', 'huber'] as const)('loss %s', (loss) => {
    expect(mlpRegressor({ inputs: 1, loss }).loss.name).toBe(loss);
  });

  it('takes the Huber δ and several outputs', () => {
    const m = mlpRegressor({ inputs: 2, outputs: 3, loss: 'huber', huberDelta: 0.5 });
    expect(m.loss.params).toEqual({ delta: 0.5 });
    const p = m.predict([[1, 2]]) as number[][];
    expect(p[0]).toHaveLength(3);
  });

  it('predicts one number per row for one output, and has no probabilities', () => {
    const m = mlpRegressor({ inputs: 2 });
    expect(m.predict([[1, 2], [3, 4]])).toHaveLength(2);
    expect(typeof (m.predict([[1, 2]]) as number[])[0]).toBe('number');
    expect(() => m.predictProba([[1, 2]])).toThrow(StateError);
  });

  it('softplus and relu outputs are never negative, sigmoid in (0, 1), tanh in (−1, 1)', () => {
    const X = [[-5, 5], [5, -5], [0, 0]];
    const range = (o: (typeof regressionOutputs)[number]) => mlpRegressor({ inputs: 2, outputActivation: o, seed: 1 }).predict(X) as number[];
    for (const o of ['relu', 'softplus'] as const) expect(range(o).every((v) => v >= 0)).toBe(true);
    expect(range('sigmoid').every((v) => v > 0 && v < 1)).toBe(true);
    expect(range('tanh').every((v) => v > -1 && v < 1)).toBe(true);
  });

  it('refuses an output activation outside the table', () => {
    expect(() => mlpRegressor({ inputs: 2, outputActivation: 'softmax' as never })).toThrow(/outputActivation: expected one of 'identity', 'none', 'relu'/);
  });
});

describe('MLP defaults', () => {
  it('pairs softmax with cross-entropy, sigmoid with binary cross-entropy, otherwise mse', () => {
    expect(new MLP({ inputs: 2, layers: [{ units: 3, activation: 'softmax' }] }).loss.name).toBe('crossEntropy');
    expect(new MLP({ inputs: 2, layers: [{ units: 1, activation: 'sigmoid' }] }).loss.name).toBe('binaryCrossEntropy');
    expect(new MLP({ inputs: 2, layers: [{ units: 1 }] }).loss.name).toBe('mse');
    const ce = new MLP({ inputs: 2, layers: [{ units: 4 }, { units: 3 }], loss: 'crossEntropy' });
    expect(ce.layers[1].activationName).toBe('softmax');
    expect(ce.layers[0].activationName).toBe('relu');
  });
});
