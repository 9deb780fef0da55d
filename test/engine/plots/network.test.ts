import { networkDiagram } from '../../../src/engine/plots';
import { mlpClassifier } from '../../../src';
import { expectRenders } from './render-check';

describe('networkDiagram', () => {
  it('draws one link per weight, width |w| and colour by sign', () => {
    const spec = networkDiagram([[[0.5, -2]], [[1], [-0.25]]]) as any;
    const links = spec.layer[0];
    expect(links.data.values.map((l: any) => [l.x, l.x2, l.weight, l.sign])).toEqual([
      [0, 1, 0.5, 'positive'],
      [0, 1, -2, 'negative'],
      [1, 2, 1, 'positive'],
      [1, 2, -0.25, 'negative'],
    ]);
    expect(links.encoding.strokeWidth).toMatchObject({ field: 'size', scale: { domain: [0, 2] } });
    expect(links.encoding.color.scale).toEqual({ domain: ['positive', 'negative'], range: ['#0072B2', '#D55E00'] });
    const names = spec.layer[2].data.values.map((n: any) => n.name);
    expect(names).toEqual(['x₁', '', '', 'ŷ']);
  });

  it('reads the layers (W, activation) of a real MLP', () => {
    const model = mlpClassifier({ inputs: 3, classes: 3, hidden: [5], seed: 1 });
    const spec = networkDiagram(model) as any;
    expect(spec.layer[0].data.values).toHaveLength(3 * 5 + 5 * 3);
    const captions = spec.layer[3].data.values.map((c: any) => c.text);
    expect(captions[0]).toBe('input (3)');
    expect(captions[1]).toMatch(/^hidden 1 \(5\)/);
    expect(captions[2]).toMatch(/^output \(3\)/);
    expectRenders(spec);
  });

  it('summarises big layers as "+ n more"', () => {
    const W = Array.from({ length: 64 }, () => [1, -1]);
    const spec = networkDiagram([W], { maxNeurons: 10 }) as any;
    expect(spec.layer[3].data.values[0].text).toBe('+ 54 more');
    expect(spec.layer[0].data.values).toHaveLength(20);
  });

  it('refuses layers whose sizes do not chain', () => {
    expect(() => networkDiagram([[[1, 2]], [[1], [2], [3]]])).toThrow(/layer 2 has 3 inputs but layer 1 has 2 units/);
  });
});

describe('networkDiagram on a shared scale', () => {
  it('draws two networks with the same line widths for the same |w| when given one maxWeight', () => {
    const small = networkDiagram([[[0.2, -0.3]], [[0.1], [0.25]]], { maxWeight: 4 }) as any;
    const large = networkDiagram([[[3, -4]], [[2], [1]]], { maxWeight: 4 }) as any;
    const scale = (s: any) => s.layer[0].encoding.strokeWidth.scale;
    expect(scale(small)).toEqual(scale(large));
    expect(scale(small)).toEqual({ domain: [0, 4], range: [0.3, 6], clamp: true });
    expect(small.title.subtitle).toMatch(/widest at 4; largest here 0\.3/);
  });

  it('scales to its own largest weight by default, and refuses a maxWeight that is not positive', () => {
    const s = networkDiagram([[[0.2, -0.5]], [[0.1], [0.25]]]) as any;
    expect(s.layer[0].encoding.strokeWidth.scale.domain).toEqual([0, 0.5]);
    expect(() => networkDiagram([[[1]]], { maxWeight: 0 })).toThrow(/maxWeight: expected a finite number > 0, got 0/);
  });
});
