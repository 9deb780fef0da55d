import { neuronActivationPlot } from '../../../src/engine/plots';
import { activationDomain } from '../../../src/engine/plots/neuronActivations';
import { MLP, truthTable } from '../../../src';
import { expectRenders } from './render-check';

describe('neuronActivationPlot', () => {
  const xor = truthTable('xor');
  const net = new MLP({ inputs: 2, layers: [{ units: 2, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', seed: 3 });
  net.fit(xor.X, xor.y.map((v) => [v]), { epochs: 300, learningRate: 2, batchSize: 4, optimizer: 'sgd', seed: 1 });
  const spec = neuronActivationPlot(net, xor, { resolution: 12 }) as any;
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('draws one map per hidden neuron, then the output, each titled with its activation', () => {
    expect(spec.concat.map((p: any) => p.title.text)).toEqual(['hidden 1, neuron 1 (sigmoid)', 'hidden 1, neuron 2 (sigmoid)', 'output ŷ (sigmoid)']);
  });

  it("colours each cell by the neuron's activation a = σ(x·w + b) at the cell's centre, computed from the weights", () => {
    const W = net.layers[0].W.toArray();
    const b = Array.from(net.layers[0].b.data);
    for (const unit of [0, 1]) {
      const cells = spec.concat[unit].layer[0].data.values as { x1: number; x1e: number; x2: number; x2e: number; a: number }[];
      expect(cells).toHaveLength(12 * 12);
      for (const c of cells.filter((_, k) => k % 17 === 0)) {
        const [u, v] = [(c.x1 + c.x1e) / 2, (c.x2 + c.x2e) / 2];
        expect(c.a).toBeCloseTo(sigmoid(u * W[0][unit] + v * W[1][unit] + b[unit]), 12);
      }
    }
    const out = spec.concat[2].layer[0].data.values;
    const centre = [(out[40].x1 + out[40].x1e) / 2, (out[40].x2 + out[40].x2e) / 2];
    expect(out[40].a).toBeCloseTo(net.forward([centre]).output.get(0, 0), 12);
  });

  it('puts the data on every map and shares one colour scale over 0 … 1 for sigmoid neurons', () => {
    for (const panel of spec.concat) expect(panel.layer[1].data.values).toEqual(xor.X.map(([a, b], i) => ({ x1: a, x2: b, label: String(xor.y[i]) })));
    expect(spec.concat[0].layer[0].encoding.color.scale.domain).toEqual([0, 1]);
    expect(spec.resolve.scale.color).toBe('shared');
  });

  it('leaves the output out on request, and refuses a model without forward', () => {
    expect((neuronActivationPlot(net, xor, { output: false, resolution: 4 }) as any).concat).toHaveLength(2);
    expect(() => neuronActivationPlot({} as never, xor)).toThrow(/expected a network with forward\(X\)/);
  });

  it('compiles without warnings and renders', () => {
    expectRenders(spec);
  });
});

describe('activationDomain', () => {
  it('is [0, 1] for sigmoid-like ranges, [−1, 1] for tanh-like, symmetric around 0 otherwise', () => {
    expect(activationDomain(0.01, 0.99)).toEqual([0, 1]);
    expect(activationDomain(-0.9, 0.3)).toEqual([-1, 1]);
    expect(activationDomain(0, 4.5)).toEqual([-4.5, 4.5]);
    expect(activationDomain(-7, 2)).toEqual([-7, 7]);
  });
});
