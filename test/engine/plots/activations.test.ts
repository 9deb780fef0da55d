import { activationPlot } from '../../../src/engine/plots';
import { activations } from '../../../src';
import { expectRenders } from './render-check';

describe('activationPlot', () => {
  const list = [activations.sigmoid, activations.tanh, activations.relu];

  it('samples f and f′ of each activation over the range', () => {
    const spec = activationPlot(list, { range: [-2, 2], samples: 5 }) as any;
    const rows = spec.data.values as { name: string; z: number; value: number; curve: string }[];
    expect(rows).toHaveLength(3 * 5 * 2);
    const sig = rows.filter((r) => r.name === 'sigmoid' && r.curve === 'f(z)');
    expect(sig.map((r) => r.z)).toEqual([-2, -1, 0, 1, 2]);
    expect(sig[2].value).toBeCloseTo(0.5, 12);
    const dsig = rows.find((r) => r.name === 'sigmoid' && r.curve === 'f′(z)' && r.z === 0);
    expect(dsig?.value).toBeCloseTo(0.25, 12);
  });

  it('facets one panel per activation, in the order given, f solid and f′ dashed', () => {
    const spec = activationPlot(list) as any;
    expect(spec.facet).toMatchObject({ field: 'name', sort: ['sigmoid', 'tanh', 'relu'] });
    expect(spec.columns).toBe(3);
    const line = spec.spec.layer[1];
    expect(line.encoding.strokeDash.scale).toEqual({ domain: ['f(z)', 'f′(z)'], range: [[1, 0], [5, 3]] });
    expect(line.encoding.x.title).toBe('z (net input)');
    expectRenders(spec);
  });

  it('draws all activations in one panel on request, coloured by name', () => {
    const spec = activationPlot(list, { layout: 'single', derivative: false }) as any;
    const line = spec.layer[1];
    expect(line.encoding.color).toMatchObject({ field: 'name', sort: ['sigmoid', 'tanh', 'relu'] });
    expect(values(line).every((r: any) => r.curve === 'f(z)')).toBe(true);
    expectRenders(spec);
  });

  it('takes any { name, f, df } and refuses a wrong layout', () => {
    const square = { name: 'square', f: (z: number) => z * z, df: (z: number) => 2 * z };
    expect(() => activationPlot([square])).not.toThrow();
    expect(() => activationPlot([square], { layout: 'grid' as never })).toThrow(/layout: expected one of 'facet', 'single'/);
  });
});

function values(layer: any): any[] {
  return layer.data.values;
}

describe('activationPlot in a grid with an incomplete last row', () => {
  it('gives every panel its own z axis, so that no axis is drawn under an empty slot', () => {
    const seven = [activations.sigmoid, activations.tanh, activations.relu, activations.leakyRelu, activations.elu, activations.selu, activations.softplus];
    const spec = activationPlot(seven, { columns: 4 }) as any;
    expect(spec.columns).toBe(4);
    expect(spec.resolve).toEqual({ axis: { x: 'independent' } });
    const svg = expectRenders(spec);
    // seven panels, seven x axes (a shared axis would be drawn under each of the 4 columns instead)
    expect(svg.match(/aria-label="X-axis titled 'z \(net input\)'/g)).toHaveLength(7);
  });
});
