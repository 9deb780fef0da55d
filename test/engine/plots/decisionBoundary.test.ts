import { decisionBoundaryPlot } from '../../../src/engine/plots';
import { Perceptron, TLU, featureMap, mlpClassifier, playground, truthTable } from '../../../src';
import { expectRenders, layers, values } from './render-check';

const byMark = (spec: unknown, type: string) => layers(spec as never).find((l) => l.mark.type === type) as any;

const ring = playground('circle', { n: 60, noise: 0.05, seed: 3 });

describe('decisionBoundaryPlot', () => {
  it('shows P(class 1) of a classifier (predictProba) on a grid around the data, scale 0..1', () => {
    const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [6], seed: 1 });
    model.fit(ring.X, ring.y, { epochs: 5, learningRate: 0.1 });
    const spec = decisionBoundaryPlot(model, ring, { resolution: 20 }) as any;
    const heat = byMark(spec, 'rect');
    const dots = byMark(spec, 'point');
    expect(values(heat)).toHaveLength(400);
    expect(heat.encoding.color).toMatchObject({ field: 'value', type: 'quantitative', scale: { domain: [0, 1] } });
    expect(heat.encoding.color.title).toBe('P(y = 1)'); // the playground's classes are named '0' and '1'
    const probs = values(heat).map((c) => c.value);
    expect(Math.min(...probs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...probs)).toBeLessThanOrEqual(1);
    // Grid covers every data point.
    const xs = ring.X.map((r) => r[0]);
    expect(heat.encoding.x.scale.domain[0]).toBeLessThan(Math.min(...xs));
    expect(heat.encoding.x.scale.domain[1]).toBeGreaterThan(Math.max(...xs));
    expect(values(dots)).toHaveLength(60);
    expectRenders(spec);
  });

  it('tells training and test points apart by shape, and classes by colour', () => {
    const test = playground('circle', { n: 20, noise: 0.05, seed: 4 });
    const spec = decisionBoundaryPlot((X) => X.map((r) => (Math.hypot(r[0], r[1]) < 3 ? 1 : 0)), ring, { test, resolution: 10 }) as any;
    const dots = byMark(spec, 'point');
    expect(dots.encoding.shape).toMatchObject({ field: 'set', scale: { domain: ['training', 'test'], range: ['circle', 'triangle-up'] } });
    expect(dots.encoding.fill.field).toBe('label');
    expect(values(dots).filter((p) => p.set === 'test')).toHaveLength(20);
    // A function returning 0/1 is read as classes.
    expect(layers(spec)[0].encoding.color.field).toBe('predicted');
  });

  it('has no "test" legend entry without test data, and writes the axes as the course does (x₁, x₂)', () => {
    const spec = decisionBoundaryPlot((X) => X.map((r) => (r[0] > 0 ? 1 : 0)), ring, { resolution: 6 }) as any;
    const dots = byMark(spec, 'point');
    expect(dots.encoding.shape.scale).toEqual({ domain: ['training'], range: ['circle'] });
    expect(values(dots).every((p) => p.set === 'training')).toBe(true);
    expect([layers(spec)[0].encoding.x.title, layers(spec)[0].encoding.y.title]).toEqual(['x₁', 'x₂']);
    const named = decisionBoundaryPlot((X) => X.map(() => 0), ring, { resolution: 4, featureNames: ['petal length', 'petal width'] }) as any;
    expect(layers(named)[0].encoding.x.title).toBe('petal length');
  });

  it('shows the net input z of a hand-set TLU with 0 in the middle of a diverging scale', () => {
    const tlu = new TLU({ weights: [1, 1], bias: -1.5 });
    const gate = truthTable('and');
    const spec = decisionBoundaryPlot(tlu, gate, { resolution: 10 }) as any;
    const heat = byMark(spec, 'rect');
    expect(heat.encoding.color.title).toBe('z = w·x + b');
    const [lo, hi] = heat.encoding.color.scale.domain;
    expect(lo).toBeCloseTo(-hi, 12);
    // z at a cell centre equals w·x + b.
    const c = values(heat)[0];
    const cx = (c.x1 + c.x1e) / 2;
    const cy = (c.x2 + c.x2e) / 2;
    expect(c.value).toBeCloseTo(cx + cy - 1.5, 10);
    // The boundary line lies on z = 0, i.e. x₁ + x₂ = 1.5.
    const line = values(byMark(spec, 'rule'));
    expect(line.length).toBeGreaterThan(0);
    for (const g of line) {
      expect(g.bx + g.by).toBeCloseTo(1.5, 9);
      expect(g.bx2 + g.by2).toBeCloseTo(1.5, 9);
    }
  });

  it('works with a trained Perceptron', () => {
    const gate = truthTable('or');
    const p = new Perceptron();
    p.fit(gate.X, gate.y);
    const spec = decisionBoundaryPlot(p, gate, { resolution: 8 });
    expect(values(layers(spec)[0])).toHaveLength(64);
  });

  it('maps the grid through options.transform before the model sees it (a perceptron on x1, x2, x1·x2)', () => {
    const xor = truthTable('xor');
    const p = new Perceptron({ maxEpochs: 50 });
    p.fit(featureMap(xor.X, ['x1', 'x2', 'x1*x2']), xor.y);
    const spec = decisionBoundaryPlot(p, xor, { transform: (X) => featureMap(X, ['x1', 'x2', 'x1*x2']), resolution: 12 }) as any;
    const heat = byMark(spec, 'rect');
    // z = w·φ(x) + b at a cell centre, with φ(x) = (x1, x2, x1·x2)
    const w = p.weights.toArray().map((r) => r[0]);
    const c = values(heat)[17];
    const [cx, cy] = [(c.x1 + c.x1e) / 2, (c.x2 + c.x2e) / 2];
    expect(c.value).toBeCloseTo(w[0] * cx + w[1] * cy + w[2] * cx * cy + p.bias[0], 9);
  });

  it('refuses data that are not 2-D with a sentence', () => {
    expect(() => decisionBoundaryPlot(() => [0], { X: [[1, 2, 3]], y: [0] })).toThrow(/expected 2 input features/);
  });
});

describe('decisionBoundaryPlot, polished for a real screen', () => {
  const xor = truthTable('xor');
  const features = ['x1', 'x2', 'x1*x2'] as const;
  const hybrid = new Perceptron<number[]>({ learningRate: 1, maxEpochs: 20 });
  hybrid.fit(featureMap(xor.X, [...features]), xor.y);
  const spec = decisionBoundaryPlot(hybrid, xor, { transform: (X) => featureMap(X, [...features]) }) as any;

  it('rings the points that lie exactly on the boundary (z = 0) and says what step(0) gives', () => {
    // The oracle: the perceptron's own net input at the four samples.
    const z = Array.from(hybrid.net(featureMap(xor.X, [...features])) as ArrayLike<number>);
    const onLine = xor.X.filter((_, i) => z[i] === 0).map(([a, b]) => ({ x1: a, x2: b, text: 'z = 0' }));
    expect(onLine.length).toBeGreaterThan(0);
    const rings = layers(spec).find((l) => l.mark.type === 'point' && l.mark.filled === false);
    expect(values(rings!)).toEqual(onLine);
    expect(spec.title.subtitle).toMatch(/ringed: on the boundary, z = 0 \(step\(0\) = 1\)/);
  });

  it('rings nothing when no point lies on the boundary', () => {
    const and = truthTable('and');
    const s = decisionBoundaryPlot(new TLU({ weights: [1, 1], bias: -1.5 }), and) as any;
    expect(layers(s).some((l) => l.mark.type === 'point' && l.mark.filled === false)).toBe(false);
  });

  it("ticks the axes at round values that include the data's 0 and 1", () => {
    const heat = byMark(spec, 'rect');
    expect(heat.encoding.x.axis.values).toEqual(expect.arrayContaining([0, 1]));
    expect(heat.encoding.y.axis.values).toEqual(expect.arrayContaining([0, 1]));
    expect(heat.encoding.x.axis.values).not.toContain(-0.1);
  });

  it('keeps the colour bar and the legends above it within the height of the plot', () => {
    for (const height of [220, 340]) {
      const s = decisionBoundaryPlot(hybrid, xor, { transform: (X) => featureMap(X, [...features]), height }) as any;
      const bar = byMark(s, 'rect').encoding.color.legend.gradientLength;
      // legends above it: "data" (1 entry) and "true class" (2): two titles and three rows
      expect(bar + 2 * 30 + 3 * 18 + 30).toBeLessThanOrEqual(height);
    }
    expectRenders(spec);
  });
});

describe('decisionBoundaryPlot with a note', () => {
  it('puts the note on the first subtitle lines (split after its colons and semicolons) and in the description', () => {
    const and = truthTable('and');
    const note = 'the loss blew up in epoch 1; the weights were restored to their initial values';
    const s = decisionBoundaryPlot(new TLU({ weights: [1, 1], bias: -1.5 }), and, { note }) as any;
    expect(s.title.subtitle.slice(0, 2)).toEqual(['the loss blew up in epoch 1;', 'the weights were restored to their initial values']);
    expect(s.title.subtitle[2]).toMatch(/^background: net input z/);
    expect(s.description).toMatch(/Note: the loss blew up in epoch 1; the weights were restored to their initial values\.$/);
    expectRenders(s);
  });
});
