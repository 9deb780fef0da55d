import fc from 'fast-check';
import { integerAxis, planeData, symbolName, tickValues, topLevel } from '../../../src/engine/plots/common';

describe('plots/common', () => {
  it('symbolName writes a letter and digits as the course does (x1 → x₁), other names unchanged', () => {
    expect(['x1', 'x2', 'w12', 'x', 'petal length', 'x1^2', 'bmi'].map(symbolName)).toEqual(['x₁', 'x₂', 'w₁₂', 'x', 'petal length', 'x1^2', 'bmi']);
  });

  it('integerAxis lists every whole number of a short range and only sets a minimum step on a long one', () => {
    expect(integerAxis(0, 2)).toEqual({ format: 'd', tickMinStep: 1, values: [0, 1, 2] });
    expect(integerAxis(1, 3.5)).toEqual({ format: 'd', tickMinStep: 1, values: [1, 2, 3] });
    expect(integerAxis(1, 200)).toEqual({ format: 'd', tickMinStep: 1 });
  });

  it('planeData reads labelled 2-D data and its axis names, and refuses other shapes', () => {
    expect(planeData('p', { X: [[0, 1], [2, 3]], y: [0, 1] })).toEqual({ X: [[0, 1], [2, 3]], y: [0, 1], names: ['x₁', 'x₂'] });
    expect(planeData('p', { X: [[0, 1]], y: [1], featureNames: ['a', 'b'] }, ['c', 'd']).names).toEqual(['c', 'd']);
    expect(() => planeData('p', { X: [[0, 1, 2]], y: [0] }, undefined, '; hint')).toThrow('p: expected 2 input features (a plane), got 3; hint');
    expect(() => planeData('p', { X: [[0, 1]], y: [0, 1] })).toThrow(/one label per row/);
  });

  it('topLevel keeps the plot title even when the body (a single panel) has its own', () => {
    const spec = topLevel({ title: 'panel', mark: 'line' }, 'Plot', 'A plot of nothing much.') as any;
    expect(spec.title).toBe('Plot');
    expect(spec.mark).toBe('line');
  });
});

describe('tickValues', () => {
  it('includes 0 and 1 on a truth table padded to [−0.1, 1.1] (vega alone labels −0.1, 0.1, …)', () => {
    expect(tickValues(-0.1, 1.1, 340)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(tickValues(-0.15, 1.15, 320)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('gives round multiples of 1, 2 or 5 × 10ᵏ inside the range, about one per 50 pixels', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: 100, max: 800 }), (lo, span, px) => {
        const t = tickValues(lo, lo + span, px);
        expect(t.length).toBeGreaterThanOrEqual(1);
        expect(t.length).toBeLessThanOrEqual(Math.floor(px / 50) * 2 + 2);
        for (const v of t) expect(v).toBeGreaterThanOrEqual(lo - 1e-9 * span);
        for (const v of t) expect(v).toBeLessThanOrEqual(lo + span + 1e-9 * span);
        if (t.length > 1) {
          const step = t[1] - t[0];
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        }
      }),
    );
  });
});
