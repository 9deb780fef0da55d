import { integerAxis, planeData, symbolName, topLevel } from '../../../src/engine/plots/common';

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
