import fc from 'fast-check';
import { perceptronStepsPlot } from '../../../src/engine/plots';
import { spreadIndices } from '../../../src/engine/plots/perceptronSteps';
import { OptionError, Perceptron, truthTable } from '../../../src';
import { expectRenders } from './render-check';

const changed = (s: { deltaW: number[][]; deltaB: number[] }) => s.deltaB.some((d) => d !== 0) || s.deltaW.some((r) => r.some((d) => d !== 0));

describe('perceptronStepsPlot', () => {
  const and = truthTable('and');
  const p = new Perceptron<number[]>({ learningRate: 1 });
  const result = p.fit(and.X, and.y);
  const updates = result.trace.filter(changed);
  const spec = perceptronStepsPlot(result, and, { max: 100 }) as any;

  it('draws one panel for the start and one after each update that changed the weights, in order', () => {
    expect(spec.concat).toHaveLength(updates.length + 1);
    expect(spec.concat.map((p: any) => p.title.text[0])).toEqual(['start', ...updates.map((s, k) => `update ${k + 1} · epoch ${s.epoch}`)]);
  });

  it("titles each panel with the weights after its update, taken from the trace", () => {
    updates.forEach((s, k) => {
      expect(spec.concat[k + 1].title.text[1]).toContain(`w = (${s.weights[0][0]}, ${s.weights[1][0]}), b = ${s.bias[0]}`);
    });
    // The start is w = 0, b = 0: no line, and step(0) = 1 says 1 everywhere.
    expect(spec.concat[0].title.text[1]).toBe('w = (0, 0), b = 0: ŷ = 1 everywhere');
  });

  it('shades the side where the perceptron says 1, as its own predict does, with at most two rectangles a row', () => {
    const last = spec.concat[spec.concat.length - 1];
    const rects = last.layer.filter((l: any) => l.mark.type === 'rect').flatMap((l: any) => l.data.values.map((c: any) => ({ ...c, side: l.mark.color === '#CCE0EE' ? 1 : 0 }))) as { x1: number; x1e: number; x2: number; x2e: number; side: number }[];
    // Points spread over the plane: each lies in exactly one rectangle, of the side predict gives it.
    const probes: number[][] = [];
    for (let i = 0; i < 24; i++) for (let j = 0; j < 24; j++) probes.push([-0.15 + ((j + 0.5) * 1.3) / 24, -0.15 + ((i + 0.5) * 1.3) / 24]);
    const predicted = Array.from(p.predict(probes) as ArrayLike<number>);
    probes.forEach(([u, v], k) => {
      const inside = rects.filter((r) => r.x1 <= u && u <= r.x1e && r.x2 <= v && v <= r.x2e);
      expect(inside.length).toBe(1);
      expect(inside[0].side).toBe(predicted[k]);
    });
    expect(rects.length).toBeLessThanOrEqual(2 * 24);
  });

  it('draws the final line through points where w·x + b = 0, and rings the sample behind each update', () => {
    const last = spec.concat[spec.concat.length - 1];
    const line = last.layer.find((l: any) => l.mark.type === 'rule' && l.mark.color === 'black').data.values[0];
    const [w1, w2] = [p.weights.get(0, 0), p.weights.get(1, 0)];
    for (const [a, b] of [[line.x1, line.x2], [line.x1e, line.x2e]]) expect(w1 * a + w2 * b + p.bias[0]).toBeCloseTo(0, 9);
    const ring = last.layer.find((l: any) => l.mark.type === 'point' && l.mark.filled === false).data.values[0];
    const sample = and.X[updates[updates.length - 1].index];
    expect([ring.x1, ring.x2]).toEqual(sample);
  });

  it('says which side the whole view is on when the line lies outside it, so an empty panel does not read as a missing line', () => {
    // Update 4 of AND: w = (1, 0), b = −2, the line x₁ = 2, right of the view; every point of the view says 0.
    const panel = spec.concat[4];
    expect(panel.title.text[1]).toBe('w = (1, 0), b = -2: ŷ = 0 in view');
    expect(panel.layer.some((l: any) => l.mark.type === 'rule' && l.mark.color === 'black')).toBe(false);
    // A panel whose line crosses the view says nothing more than its weights.
    expect(spec.concat[3].title.text[1]).toBe('w = (1, 1), b = -1');
  });

  it('says that a point exactly on a line counts as 1 when a shown line passes through a sample, and only then', () => {
    // Update 3 of AND, w = (1, 1), b = −1: the line x₁ + x₂ = 1 runs through (0, 1) and (1, 0).
    expect(spec.title.subtitle[1]).toBe('a point on a line has z = 0, so ŷ = 1 there');
    const one = perceptronStepsPlot(result, and, { max: 2 }) as any;   // start (no line) and the last line, 2x₁ + x₂ = 3
    expect(one.concat.map((p: any) => p.title.text[1])).toEqual(['w = (0, 0), b = 0: ŷ = 1 everywhere', 'w = (2, 1), b = -3']);
    expect(one.title.subtitle.join('\n')).toMatch('a point on a line');  // (1, 1) lies on 2x₁ + x₂ = 3
    // Samples off every line the perceptron draws on its way (lines w = (−0.5, −0.3), b = −1; (1.5, 1.4), 0; (1, 1.1), −1).
    const X = [[0.5, 0.3], [2, 1.7]];
    const far = new Perceptron<number[]>({ learningRate: 1 }).fit(X, [0, 1]);
    const noTie = perceptronStepsPlot(far, { X, y: [0, 1] }) as any;
    expect(noTie.title.subtitle).toHaveLength(1);
  });

  it("per epoch: the start and the line at the end of each epoch that changed it", () => {
    const s = perceptronStepsPlot(result, and, { every: 'epoch' }) as any;
    const epochs = [...new Set(updates.map((u) => u.epoch))];
    expect(s.concat.map((p: any) => p.title.text[0])).toEqual(['start', ...epochs.map((e) => expect.stringContaining(`end of epoch ${e} (`))]);
  });

  it('shows at most `max` panels: the start, the last, evenly spread between', () => {
    const s = perceptronStepsPlot(result, and, { max: 4 }) as any;
    expect(s.concat).toHaveLength(4);
    expect(s.concat[0].title.text[0]).toBe('start');
    expect(s.concat[3].title.text[0]).toBe(`update ${updates.length} · epoch ${updates[updates.length - 1].epoch}`);
    expect(s.title.subtitle.join('\n')).toMatch(`4 of ${updates.length + 1} states shown`);
  });

  it('refuses an unknown `every` and a result without a trace, saying what it expected', () => {
    expect(() => perceptronStepsPlot(result, and, { every: 'epochs' as never })).toThrow(OptionError);
    expect(() => perceptronStepsPlot(result, and, { every: 'epochs' as never })).toThrow(/every.*'update'.*'epoch'/);
    expect(() => perceptronStepsPlot({} as never, and)).toThrow(/expected a perceptron result/);
  });

  it('compiles without warnings and renders, for AND and for a cycling XOR', () => {
    expectRenders(spec);
    const xor = truthTable('xor');
    const r = new Perceptron<number[]>({ maxEpochs: 20 }).fit(xor.X, xor.y);
    expectRenders(perceptronStepsPlot(r, xor, { every: 'epoch', max: 8 }));
  });
});

describe('spreadIndices', () => {
  it('keeps everything that fits, else the first, the last and evenly spread indices between', () => {
    expect(spreadIndices(3, 5)).toEqual([0, 1, 2]);
    expect(spreadIndices(11, 3)).toEqual([0, 5, 10]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 40 }), (count, max) => {
        const k = spreadIndices(count, max);
        expect(k.length).toBe(Math.min(count, max));
        expect(k[0]).toBe(0);
        expect(k[k.length - 1]).toBe(count - 1);
        for (let i = 1; i < k.length; i++) expect(k[i]).toBeGreaterThan(k[i - 1]);
      }),
    );
  });
});
