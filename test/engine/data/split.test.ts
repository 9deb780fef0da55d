import fc from 'fast-check';
import { trainTestSplit, oneHot, loadIris, OptionError, ShapeError, InputError } from '../../../src';

const n = 40;
const X = Array.from({ length: n }, (_, i) => [i, -i]);
const y = Array.from({ length: n }, (_, i) => (i < 30 ? 0 : 1)); // 75 % class 0

describe('trainTestSplit', () => {
  it('splits into 75 % / 25 % by default, keeping every sample exactly once with its target', () => {
    const s = trainTestSplit(X, y, { seed: 1 });
    expect(s.XTest).toHaveLength(10);
    expect(s.XTrain).toHaveLength(30);
    const ids = [...s.XTrain, ...s.XTest].map((r) => r[0]).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => i));
    s.XTrain.forEach((r, k) => expect(s.yTrain[k]).toBe(y[r[0]]));
    s.XTest.forEach((r, k) => expect(s.yTest[k]).toBe(y[r[0]]));
  });

  it('is deterministic per seed and shuffles (the test part is not just the last rows)', () => {
    expect(trainTestSplit(X, y, { seed: 7 })).toEqual(trainTestSplit(X, y, { seed: 7 }));
    expect(trainTestSplit(X, y, { seed: 7 }).XTest).not.toEqual(trainTestSplit(X, y, { seed: 8 }).XTest);
    expect(trainTestSplit(X, y, { seed: 7 }).XTest).not.toEqual(X.slice(30));
  });

  it('takes testSize as a fraction or as a number of samples', () => {
    expect(trainTestSplit(X, y, { testSize: 0.1 }).XTest).toHaveLength(4);
    expect(trainTestSplit(X, y, { testSize: 13 }).XTest).toHaveLength(13);
  });

  it('keeps the class proportions in both parts with stratify, up to rounding (fast-check over seeds and sizes)', () => {
    fc.assert(fc.property(fc.integer(), fc.constantFrom(0.1, 0.2, 0.25, 0.3, 0.5), (seed, testSize) => {
      const s = trainTestSplit(X, y, { seed, testSize, stratify: true });
      const ones = (v: number[]) => v.filter((c) => c === 1).length;
      const nTest = Math.ceil(testSize * n);
      expect(s.yTest).toHaveLength(nTest);
      // Class 1 is a quarter of the data: a quarter of the test part, rounded down or up.
      expect([Math.floor(nTest / 4), Math.ceil(nTest / 4)]).toContain(ones(s.yTest));
      expect(ones(s.yTest) + ones(s.yTrain)).toBe(10);
    }), { seed: 31, numRuns: 30 });
  });

  it('without stratify, the class proportions of a small test part can drift', () => {
    const ones = Array.from({ length: 20 }, (_, seed) => trainTestSplit(X, y, { seed, testSize: 0.2 }).yTest.filter((c) => c === 1).length);
    expect(new Set(ones).size).toBeGreaterThan(1);
  });

  it('stratifies iris into 40 + 10 flowers of each species with testSize 0.2', () => {
    const iris = loadIris();
    const s = trainTestSplit(iris.X, iris.y, { testSize: 0.2, seed: 42, stratify: true });
    expect([0, 1, 2].map((c) => s.yTest.filter((v) => v === c).length)).toEqual([10, 10, 10]);
    expect([0, 1, 2].map((c) => s.yTrain.filter((v) => v === c).length)).toEqual([40, 40, 40]);
  });

  it('splits one-hot targets row by row, stratifying by their class', () => {
    const Y = oneHot(y);
    const s = trainTestSplit(X, Y, { seed: 2, stratify: true });
    expect(s.yTest).toHaveLength(10);
    expect(s.yTest.filter((r) => r[1] === 1).length).toBeGreaterThanOrEqual(2); // a quarter of 10, rounded
    s.XTest.forEach((r, k) => expect(s.yTest[k]).toEqual(Y[r[0]]));
  });

  it('refuses targets of another length, bad testSize and too few samples', () => {
    expect(() => trainTestSplit(X, y.slice(1))).toThrow(ShapeError);
    expect(() => trainTestSplit(X, y.slice(1))).toThrow('trainTestSplit: X has 40 rows (samples) but y has 39');
    expect(trainTestSplit(X, y, { testSize: 1 }).XTest).toHaveLength(1);
    expect(() => trainTestSplit(X, y, { testSize: 1.5 })).toThrow(OptionError);
    expect(() => trainTestSplit(X, y, { testSize: 40 })).toThrow(OptionError);
    expect(() => trainTestSplit(X, y, { testSize: 0 })).toThrow('trainTestSplit: testSize: expected a fraction in (0, 1) or a whole number of samples from 1 to 39, got 0');
    expect(() => trainTestSplit([[1]], [0])).toThrow(InputError);
    expect(() => trainTestSplit(X, y.map((v) => v + 0.5), { stratify: true })).toThrow('stratify: expected class labels (integers) in y');
  });
});
