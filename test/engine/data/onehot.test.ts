import fc from 'fast-check';
import { oneHot, argmaxRows, InputError } from '../../../src';

describe('oneHot', () => {
  it('puts a 1 in the column of each label', () => {
    expect(oneHot([0, 2, 1])).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    expect(oneHot([1], 4)).toEqual([[0, 1, 0, 0]]);
  });

  it('is undone by argmaxRows, and every row sums to 1 (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }), (labels) => {
      const Y = oneHot(labels, 10);
      expect(argmaxRows(Y)).toEqual(labels);
      expect(Y.every((r) => r.length === 10 && r.reduce((s, v) => s + v, 0) === 1)).toBe(true);
    }), { seed: 3, numRuns: 50 });
  });

  it('refuses labels that are not class indices or lie outside the classes', () => {
    expect(() => oneHot([0, 1.5])).toThrow(InputError);
    expect(() => oneHot([0, -1])).toThrow('oneHot: labels: expected class indices 0, 1, 2, …, but labels[1] is -1');
    expect(() => oneHot([0, 3], 3)).toThrow('oneHot: labels: expected classes 0 … 2, but label 3 is outside (labels[1])');
    expect(() => oneHot([])).toThrow(InputError);
    expect(() => oneHot([0], 0)).toThrow('oneHot: classes: expected an integer ≥ 1, got 0');
  });
});
