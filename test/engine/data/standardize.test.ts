import fc from 'fast-check';
import { fitStandardizer, standardize, Matrix, ShapeError, InputError } from '../../../src';

const col = (A: number[][], j: number) => A.map((r) => r[j]);
const meanOf = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const stdOf = (v: number[]) => Math.sqrt(meanOf(v.map((x) => (x - meanOf(v)) ** 2)));

describe('fitStandardizer', () => {
  it('learns the mean and the population standard deviation of each column', () => {
    const s = fitStandardizer([[1, 10], [3, 10], [5, 10]]);
    expect(s.mean).toEqual([3, 10]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
  });

  it('uses std 1 for a constant column, so that the result stays finite (0)', () => {
    const s = fitStandardizer([[1, 10], [3, 10]]);
    expect(s.std[1]).toBe(1);
    expect(s.transform([[2, 10]])).toEqual([[0, 0]]);
  });

  it('gives the training data mean 0 and standard deviation 1 in every column (fast-check)', () => {
    const arb = fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 3, maxLength: 30 })
      .filter((rows) => stdOf(rows.map((r) => r[0])) > 1e-3 && stdOf(rows.map((r) => r[1])) > 1e-3);
    fc.assert(fc.property(arb, (rows) => {
      const X = rows.map(([a, b]) => [a, b]);
      const Z = fitStandardizer(X).transform(X);
      for (const j of [0, 1]) {
        expect(meanOf(col(Z, j))).toBeCloseTo(0, 9);
        expect(stdOf(col(Z, j))).toBeCloseTo(1, 9);
      }
    }), { seed: 12, numRuns: 50 });
  });

  it('standardises test data with the training statistics only', () => {
    const train = [[0], [2]]; // mean 1, std 1
    const test = [[100], [102]];
    const s = fitStandardizer(train);
    expect(s.transform(test)).toEqual([[99], [101]]);
    const both = standardize(train, test);
    expect(both.XTrain).toEqual([[-1], [1]]);
    expect(both.XTest).toEqual([[99], [101]]);
    expect(both.standardizer.mean).toEqual([1]);
  });

  it('inverseTransform undoes transform', () => {
    const X = [[1, -2], [4, 8], [0, 3]];
    const s = fitStandardizer(Matrix.fromRows(X));
    s.inverseTransform(s.transform(X)).forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(X[i][j], 12)));
  });

  it('refuses data with another number of columns, and empty or NaN data', () => {
    const s = fitStandardizer([[1, 2]]);
    expect(() => s.transform([[1, 2, 3]])).toThrow(ShapeError);
    expect(() => s.transform([[1, 2, 3]])).toThrow('Standardizer.transform: X is [1×3] but the standardizer was fitted on 2 columns');
    expect(() => fitStandardizer([])).toThrow(InputError);
    expect(() => fitStandardizer([[NaN]])).toThrow('fitStandardizer: X: expected finite numbers');
  });
});
