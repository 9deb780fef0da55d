import fc from 'fast-check';
import { Matrix, matmul, transpose, add, sub, mul, scale, map, sum, mean, max, argmaxRows, ShapeError, OptionError, InputError } from '../../../src';
import { FC, dimArb, matrixArb, naiveMatmul, naiveTranspose, expectClose } from './oracle';

const shapeAnd = <T>(f: (m: number, n: number) => fc.Arbitrary<T>) => fc.tuple(dimArb(), dimArb()).chain(([m, n]) => f(m, n));

describe('matmul', () => {
  it('agrees with the triple loop, for plain arrays and for Matrix arguments', () => {
    const arb = fc.tuple(dimArb(), dimArb(), dimArb()).chain(([m, k, n]) => fc.tuple(matrixArb(m, k), matrixArb(k, n)));
    fc.assert(fc.property(arb, ([A, B]) => {
      expectClose(matmul(A, B).toArray(), naiveMatmul(A, B));
      expectClose(matmul(Matrix.fromRows(A), Matrix.fromRows(B)).toArray(), naiveMatmul(A, B));
    }), FC);
  });

  it('multiplies by the identity to the same matrix', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      expect(matmul(A, Matrix.identity(A[0].length)).toArray()).toEqual(A);
    }), FC);
  });

  it('names both shapes when the inner sizes differ', () => {
    const A = [[1, 2, 3], [4, 5, 6]];
    expect(() => matmul(A, A)).toThrow(ShapeError);
    expect(() => matmul(A, A)).toThrow('matmul: [2×3]·[2×3]: inner sizes 3 ≠ 2');
  });

  it('refuses ragged rows with an InputError', () => {
    expect(() => matmul([[1, 2], [3]], [[1], [2]])).toThrow(InputError);
  });
});

describe('transpose', () => {
  it('is an involution: (Aᵀ)ᵀ = A, and matches the naive transpose', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      const T = transpose(A);
      expect(T.shape).toEqual([A[0].length, A.length]);
      expect(T.toArray()).toEqual(naiveTranspose(A));
      expect(transpose(T).toArray()).toEqual(A);
    }), FC);
  });

  it('satisfies (AB)ᵀ = BᵀAᵀ', () => {
    const arb = fc.tuple(dimArb(), dimArb(), dimArb()).chain(([m, k, n]) => fc.tuple(matrixArb(m, k), matrixArb(k, n)));
    fc.assert(fc.property(arb, ([A, B]) => {
      expectClose(transpose(matmul(A, B)).toArray(), matmul(transpose(B), transpose(A)).toArray());
    }), FC);
  });
});

describe('elementwise add, sub, mul', () => {
  const ops = [
    ['add', add, (x: number, y: number) => x + y],
    ['sub', sub, (x: number, y: number) => x - y],
    ['mul', mul, (x: number, y: number) => x * y],
  ] as const;

  it.each(ops)('%s works elementwise on equal shapes', (_name, op, f) => {
    fc.assert(fc.property(shapeAnd((m, n) => fc.tuple(matrixArb(m, n), matrixArb(m, n))), ([A, B]) => {
      expect(op(A, B).toArray()).toEqual(A.map((r, i) => r.map((v, j) => f(v, B[i][j]))));
    }), FC);
  });

  it.each(ops)('%s broadcasts a row vector [1×cols] to every row (the bias in XW + b)', (_name, op, f) => {
    fc.assert(fc.property(shapeAnd((m, n) => fc.tuple(matrixArb(m, n), matrixArb(1, n))), ([A, b]) => {
      expect(op(A, b).toArray()).toEqual(A.map((r) => r.map((v, j) => f(v, b[0][j]))));
    }), FC);
  });

  it.each(ops)('%s broadcasts a [1×1] scalar', (_name, op, f) => {
    expect(op([[1, 2], [3, 4]], [[10]]).toArray()).toEqual([[f(1, 10), f(2, 10)], [f(3, 10), f(4, 10)]]);
  });

  it('names both shapes when they do not fit', () => {
    expect(() => add([[1, 2], [3, 4]], [[1, 2, 3]])).toThrow(ShapeError);
    expect(() => add([[1, 2], [3, 4]], [[1, 2, 3]])).toThrow('add: [2×2] and [1×3]: expected equal shapes, a row vector [1×2] or a scalar [1×1]');
    expect(() => mul([[1, 2]], [[1], [2]])).toThrow('mul: [1×2] and [2×1]');
  });

  it('does not change its arguments', () => {
    const A = Matrix.fromRows([[1, 2]]);
    add(A, [[1, 1]]);
    expect(A.toArray()).toEqual([[1, 2]]);
  });
});

describe('scale and map', () => {
  it('scale multiplies every element', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), fc.double({ min: -5, max: 5, noNaN: true }), (A, s) => {
      expect(scale(A, s).toArray()).toEqual(A.map((r) => r.map((v) => s * v)));
    }), FC);
  });

  it('map passes value, row and column', () => {
    expect(map([[1, 2], [3, 4]], (v, i, j) => v * 100 + i * 10 + j).toArray()).toEqual([[100, 201], [310, 411]]);
  });
});

describe('reductions', () => {
  const naiveColumns = (A: number[][]) => naiveTranspose(A);

  it("sum over 'rows' gives one column sum per column [1×cols]; over 'cols' one row sum per row [rows×1]", () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      const s = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expectClose(sum(A, 'rows').toArray(), [naiveColumns(A).map(s)]);
      expectClose(sum(A, 'cols').toArray(), A.map((r) => [s(r)]));
    }), FC);
  });

  it('mean is the sum divided by the count along the axis', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expectClose(mean(A, 'rows').toArray(), [naiveColumns(A).map(avg)]);
      expectClose(mean(A, 'cols').toArray(), A.map((r) => [avg(r)]));
    }), FC);
  });

  it('max takes the largest element along the axis', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      expect(max(A, 'rows').toArray()).toEqual([naiveColumns(A).map((c) => Math.max(...c))]);
      expect(max(A, 'cols').toArray()).toEqual(A.map((r) => [Math.max(...r)]));
    }), FC);
  });

  it('argmaxRows gives the column of the first largest element of every row', () => {
    fc.assert(fc.property(shapeAnd((m, n) => matrixArb(m, n)), (A) => {
      expect(argmaxRows(A)).toEqual(A.map((r) => r.indexOf(Math.max(...r))));
    }), FC);
    expect(argmaxRows([[0, 5, 5], [9, 1, 2]])).toEqual([1, 0]);
  });

  it('refuses an unknown axis with an OptionError', () => {
    expect(() => sum([[1]], 'columns' as 'cols')).toThrow(OptionError);
    expect(() => sum([[1]], 'columns' as 'cols')).toThrow("sum: expected axis 'rows' or 'cols', got 'columns' (a string)");
  });
});

describe('the operations refuse empty matrices and NaN or ±∞, never pass them on', () => {
  const ops = { add, sub, mul, matmul } as const;
  it.each(Object.keys(ops))('%s refuses NaN, ∞ and empty matrices in either argument', (name) => {
    const op = ops[name as keyof typeof ops];
    expect(() => op([[1, NaN], [0, 1]], [[1, 0], [0, 1]])).toThrow(/expected finite numbers, but row 0, column 1 is NaN/);
    expect(() => op([[1, 0], [0, 1]], [[Infinity, 0], [0, 1]])).toThrow(InputError);
    expect(() => op([], [[1]])).toThrow(/expected at least one row and one column/);
  });
  it('scale, map and the reductions check their other arguments too', () => {
    expect(() => scale([[1]], '2' as unknown as number)).toThrow(/scale: s: expected a finite number, got '2'/);
    expect(() => scale([[1]], NaN)).toThrow(OptionError);
    expect(() => map([[1]], null as unknown as () => number)).toThrow(/map: f: expected a function/);
    expect(() => sum([[1, NaN]], 'rows')).toThrow(InputError);
    expect(() => max([[]], 'rows')).toThrow(InputError);
    expect(() => argmaxRows([[1, NaN]])).toThrow(InputError);
    expect(() => transpose([[Infinity]])).toThrow(InputError);
    expect(() => mean([], 'cols')).toThrow(InputError);
  });
  it('matmul says what it expected of the inner sizes', () => {
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow('inner sizes 2 ≠ 1 (expected B with as many rows as A has columns)');
  });
});
