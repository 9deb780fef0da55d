import { boundarySegment, perceptronLearningPlot } from '../../../src/engine/plots';
import { Perceptron, truthTable } from '../../../src';
import { expectRenders, values } from './render-check';

describe('boundarySegment', () => {
  it('returns the part of w₁x₁ + w₂x₂ + b = 0 inside the box', () => {
    // x₁ + x₂ − 1 = 0 crosses the unit box at (0, 1) and (1, 0)
    expect(boundarySegment(1, 1, -1, [0, 1, 0, 1])).toEqual([0, 1, 1, 0]);
    // vertical line x₁ = 0.5
    expect(boundarySegment(2, 0, -1, [0, 1, 0, 1])).toEqual([0.5, 0, 0.5, 1]);
    // w = 0: no line
    expect(boundarySegment(0, 0, 1, [0, 1, 0, 1])).toBeUndefined();
  });
});

describe('perceptronLearningPlot', () => {
  const gate = truthTable('and');
  const p = new Perceptron();
  const result = p.fit(gate.X, gate.y);
  const spec = perceptronLearningPlot(result, gate) as any;
  const updates = result.trace.filter((s) => s.deltaB.some((d) => d !== 0) || s.deltaW.some((r) => r.some((d) => d !== 0)));

  it('has a slider param "update" bound to a range input over the updates, starting at the last one', () => {
    expect(spec.params).toEqual([
      { name: 'update', value: updates.length, bind: { input: 'range', min: 0, max: updates.length, step: 1, name: 'update ' } },
    ]);
  });

  it('draws the boundary after each update, filtered by the slider', () => {
    const plane = spec.hconcat[0];
    const current = plane.layer[5];
    expect(current.transform).toEqual([{ filter: 'datum.update == update' }]);
    const lines = values(current);
    // The final weights' line is drawn at the last update and separates AND's classes.
    const last = lines[lines.length - 1];
    expect(last.update).toBe(updates.length);
    const w = p.weights.toArray();
    const b = p.bias[0];
    for (const [x1, x2] of [[last.x1, last.x2], [last.x1e, last.x2e]]) expect(w[0][0] * x1 + w[1][0] * x2 + b).toBeCloseTo(0, 9);
  });

  it('plots the errors per epoch beside it', () => {
    const errorsPanel = spec.hconcat[1];
    expect(errorsPanel.data.values).toEqual(result.errors.map((e, k) => ({ epoch: k + 1, errors: e })));
    expect(errorsPanel.layer[0].encoding.y.field).toBe('errors');
  });

  it('counts epochs and errors in whole numbers on its axes, and names the plane x₁, x₂', () => {
    const enc = spec.hconcat[1].layer[0].encoding;
    expect(enc.x.axis).toEqual({ format: 'd', tickMinStep: 1, values: result.errors.map((_, k) => k + 1) });
    expect(enc.y.axis.values).toEqual(Array.from({ length: Math.max(...result.errors) + 1 }, (_, k) => k));
    expect([spec.hconcat[0].layer[0].encoding.x.title, spec.hconcat[0].layer[0].encoding.y.title]).toEqual(['x₁', 'x₂']);
  });

  it('compiles without warnings and renders', () => {
    expectRenders(spec);
  });

  it('refuses something that is not a perceptron result', () => {
    expect(() => perceptronLearningPlot({} as never, gate)).toThrow(/expected a perceptron result/);
  });
});
