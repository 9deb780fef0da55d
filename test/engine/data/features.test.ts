import fc from 'fast-check';
import { featureMap, featureMapNames, Matrix, ShapeError, OptionError, InputError } from '../../../src';

describe('featureMap', () => {
  it('computes x1, x2, x1², x2², x1·x2, sin x1, sin x2 in the order asked', () => {
    expect(featureMap([[2, 3]], [...featureMapNames])).toEqual([[2, 3, 4, 9, 6, Math.sin(2), Math.sin(3)]]);
    expect(featureMap([[2, 3], [0, -1]], ['x1*x2', 'x1'])).toEqual([[6, 2], [-0, 0]]);
  });

  it('maps every row by the formulas (fast-check)', () => {
    const row = fc.tuple(fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 6, noNaN: true }));
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
      const X = rows.map(([a, b]) => [a, b]);
      const out = featureMap(X, ['x1^2', 'x2^2', 'sin(x2)']);
      out.forEach((r, i) => expect(r).toEqual([X[i][0] ** 2, X[i][1] ** 2, Math.sin(X[i][1])]));
    }), { seed: 5, numRuns: 50 });
  });

  it('accepts a Matrix', () => {
    expect(featureMap(Matrix.fromRows([[1, 2]]), ['x2'])).toEqual([[2]]);
  });

  it('needs exactly two columns and known feature names', () => {
    expect(() => featureMap([[1, 2, 3]], ['x1'])).toThrow(ShapeError);
    expect(() => featureMap([[1, 2, 3]], ['x1'])).toThrow('featureMap: X is [1×3]: expected two columns (x1, x2)');
    expect(() => featureMap([[1, 2]], ['x1', 'x3' as 'x1'])).toThrow(OptionError);
    expect(() => featureMap([[1, 2]], ['x1', 'x3' as 'x1'])).toThrow("featureMap: features[1]: expected one of 'x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', got 'x3' (a string)");
    expect(() => featureMap([[1, 2]], [])).toThrow(InputError);
    expect(() => featureMap([[1, NaN]], ['x1'])).toThrow(InputError);
  });
});
