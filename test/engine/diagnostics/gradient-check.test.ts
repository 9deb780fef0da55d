import { gradientCheck, relativeError } from '../../../src/engine/diagnostics';
import { MLP } from '../../../src/engine/mlp';
import { OptionError } from '../../../src/engine/errors';

const X = [
  [0.1, -0.4],
  [0.7, 0.2],
  [-0.5, 0.9],
];
const y = [0, 2, 1];

describe('gradientCheck', () => {
  it('reports a relative error per layer for weights and biases, and passes for backprop', () => {
    const m = new MLP({ inputs: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 3, activation: 'softmax' }], seed: 1 });
    const r = gradientCheck(m, X, y);
    expect(r.layers.map((l) => [l.layer, l.name])).toEqual([
      [0, 'dense 1'],
      [1, 'dense 2'],
    ]);
    for (const l of r.layers) {
      expect(l.weights).toBeLessThan(1e-6);
      expect(l.bias).toBeLessThan(1e-6);
    }
    expect(r.maxRelativeError).toBe(Math.max(...r.layers.flatMap((l) => [l.weights, l.bias])));
    expect(r.passed).toBe(true);
    expect(r.toString()).toMatch(/^gradient check passed: max relative error .* \(tolerance 1e-6\)/);
  });

  it('leaves the weights as they were', () => {
    const m = new MLP({ inputs: 2, layers: [{ units: 2, activation: 'sigmoid' }, { units: 3, activation: 'softmax' }], seed: 2 });
    const before = m.getParameters().map((p) => Array.from(p));
    gradientCheck(m, X, y);
    expect(m.getParameters().map((p) => Array.from(p))).toEqual(before);
  });

  it('fails when the gradient is wrong: a custom activation with a wrong derivative', () => {
    const wrong = { name: 'cube', f: (z: number) => z * z * z, df: (z: number) => 2 * z * z }; // should be 3z²
    const m = new MLP({ inputs: 2, layers: [{ units: 3, activation: wrong }, { units: 3, activation: 'softmax' }], seed: 3 });
    const r = gradientCheck(m, X, y);
    expect(r.passed).toBe(false);
    expect(r.layers[0].weights).toBeGreaterThan(1e-3);
    expect(r.toString()).toMatch(/FAILED/);
  });

  it('accepts a custom activation with the right derivative', () => {
    const cube = { name: 'cube', f: (z: number) => z * z * z, df: (z: number) => 3 * z * z };
    const m = new MLP({ inputs: 2, layers: [{ units: 3, activation: cube }, { units: 3, activation: 'softmax' }], seed: 3 });
    expect(gradientCheck(m, X, y).passed).toBe(true);
  });

  it('refuses what is not an MLP, and a bad epsilon', () => {
    expect(() => gradientCheck({} as MLP, X, y)).toThrow(OptionError);
    const m = new MLP({ inputs: 2, layers: [{ units: 1 }] });
    expect(() => gradientCheck(m, X, [1, 2, 3], { epsilon: 0 })).toThrow(/epsilon: expected a number in \(0, 1\), got 0/);
  });
});

describe('relativeError', () => {
  it('is ‖a − b‖ / (‖a‖ + ‖b‖), and the absolute difference for (near-)zero gradients', () => {
    expect(relativeError([3, 4], [3, 4])).toBe(0);
    expect(relativeError([1, 0], [0, 1])).toBeCloseTo(Math.SQRT2 / 2, 14);
    expect(relativeError([0, 0], [1e-13, 0])).toBeCloseTo(1e-13, 20);
  });
});
