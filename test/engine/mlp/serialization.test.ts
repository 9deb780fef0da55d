import fc from 'fast-check';
import { inspect } from 'util';
import { MLP, LayerSpec, mlpRegressor } from '../../../src/engine/mlp';
import { leakyRelu, ActivationName } from '../../../src/engine/activations';
import { huber } from '../../../src/engine/losses';
import { InputError, ShapeError } from '../../../src/engine/errors';

const FC = { seed: 20261128, numRuns: 40 };
const acts: ActivationName[] = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'softplus', 'leakyRelu', 'identity'];

describe('toJSON / fromJSON', () => {
  it('fromJSON(toJSON(m)) predicts the same, for random architectures and inputs (property)', () => {
    const layer = fc.oneof(
      fc.record({ units: fc.integer({ min: 1, max: 5 }), activation: fc.constantFrom(...acts) }),
      fc.record({ type: fc.constant('maxout' as const), units: fc.integer({ min: 1, max: 4 }), pieces: fc.integer({ min: 2, max: 3 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(layer, { minLength: 0, maxLength: 3 }),
        fc.constantFrom('softmax', 'sigmoid', 'identity'),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (hidden, out, seed, X) => {
          const layers: LayerSpec[] = [...(hidden as LayerSpec[]), { units: out === 'softmax' ? 3 : 2, activation: out as ActivationName }];
          const m = new MLP({ inputs: 3, layers, seed, init: 'he' });
          const copy = MLP.fromJSON(m.toJSON());
          const fromText = MLP.fromJSON(JSON.stringify(m));
          expect(copy.predict(X)).toEqual(m.predict(X));
          expect(fromText.predict(X)).toEqual(m.predict(X));
          expect(fromText.toString()).toBe(m.toString());
        },
      ),
      FC,
    );
  });

  it('keeps configured activations and losses (leaky ReLU slope, Huber δ)', () => {
    const m = new MLP({ inputs: 2, layers: [{ units: 3, activation: leakyRelu(0.3) }, { units: 1 }], loss: huber(2.5), seed: 1 });
    const json = JSON.parse(JSON.stringify(m));
    expect(json.layers[0].activation).toEqual({ name: 'leakyRelu', params: { slope: 0.3 } });
    expect(json.loss).toEqual({ name: 'huber', params: { delta: 2.5 } });
    const back = MLP.fromJSON(json);
    expect(back.loss.params).toEqual({ delta: 2.5 });
    const X = [[-3, -1], [2, 1]];
    expect(back.predict(X)).toEqual(m.predict(X));
  });

  it('refuses what was not saved by toJSON, and weights of the wrong shape', () => {
    expect(() => MLP.fromJSON('not json')).toThrow(InputError);
    expect(() => MLP.fromJSON({} as never)).toThrow(/expected an object saved by MLP.toJSON/);
    const json = mlpRegressor({ inputs: 2, hidden: [3] }).toJSON();
    json.layers[0].W = [[1, 2, 3]];
    expect(() => MLP.fromJSON(json)).toThrow(ShapeError);
  });
});

describe('clone', () => {
  it('is an independent copy with the same weights', () => {
    const m = mlpRegressor({ inputs: 2, hidden: [4], seed: 3 });
    const c = m.clone();
    const X = [[0.5, -1]];
    expect(c.predict(X)).toEqual(m.predict(X));
    c.fit([[0, 1], [1, 0]], [1, 2], { epochs: 5, learningRate: 0.1 });
    expect(c.predict(X)).not.toEqual(m.predict(X));
  });
});

describe('summary and toString', () => {
  it('summary counts parameters and multiply-adds per layer', () => {
    const m = new MLP({ inputs: 64, layers: [{ units: 64 }, { type: 'maxout', units: 16, pieces: 2 }, { units: 10, activation: 'softmax' }] });
    const s = m.summary();
    expect(s.layers.map((l) => [l.name, l.inputs, l.units, l.parameters, l.multiplyAdds])).toEqual([
      ['dense 1', 64, 64, 64 * 64 + 64, 64 * 64],
      ['maxout 2', 64, 16, 64 * 32 + 32, 64 * 32],
      ['dense 3', 16, 10, 16 * 10 + 10, 160],
    ]);
    expect(s.parameters).toBe(4160 + 2080 + 170);
    expect(s.multiplyAddsPerSample).toBe(4096 + 2048 + 160);
    expect(s.toString()).toMatch(/layer\s+inputs\s+units\s+activation\s+parameters\s+multiply-adds/);
    expect(s.toString()).toMatch(/total\s+6410\s+6304/);
  });

  it('a model, its History and summary print as readable text in a notebook (tslab console.logs values)', () => {
    const m = mlpRegressor({ inputs: 2, hidden: [3] });
    const h = m.fit([[0, 1]], [1], { epochs: 2 });
    expect(inspect(m)).toBe(m.toString());
    expect(inspect(h)).toBe(h.toString());
    expect(inspect(m.summary())).toBe(m.summary().toString());
    expect(Object.keys(m.summary())).toEqual(['layers', 'parameters', 'multiplyAddsPerSample', 'toString']);
  });

  it('toString reads as the architecture', () => {
    const m = new MLP({ inputs: 4, layers: [{ units: 16, activation: 'relu' }, { units: 3, activation: 'softmax' }] });
    expect(m.toString()).toBe('MLP classifier 4 → 16 relu → 3 softmax, loss crossEntropy, 131 parameters');
    expect(String(mlpRegressor({ inputs: 2, hidden: [3], loss: 'mae' }))).toBe('MLP regressor 2 → 3 relu → 1 identity, loss mae, 13 parameters');
  });
});
