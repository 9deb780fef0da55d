import fc from 'fast-check';
import { Matrix, isMatrix, toMatrix, toVector, checkFinite, InputError, ShapeError, OptionError } from '../../../src';
import { FC, dimArb, matrixArb } from './oracle';

describe('Matrix', () => {
  it('stores element (i, j) at data[i·cols + j] (row-major)', () => {
    const m = Matrix.fromRows([[1, 2, 3], [4, 5, 6]]);
    expect(m.shape).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 0)).toBe(4);
    m.set(1, 0, 40);
    expect(m.data[3]).toBe(40);
  });

  it('round-trips rows: fromRows(A).toArray() = A and JSON shows plain rows', () => {
    fc.assert(fc.property(fc.tuple(dimArb(), dimArb()).chain(([r, c]) => matrixArb(r, c)), (A) => {
      const m = Matrix.fromRows(A);
      expect(m.toArray()).toEqual(A);
      expect(JSON.parse(JSON.stringify(m))).toEqual(A);
      expect(m.toFlatArray()).toEqual(A.flat());
    }), FC);
  });

  it('makes zeros, filled, identity, column, row and fromFunction matrices', () => {
    expect(Matrix.zeros(2, 2).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(Matrix.filled(1, 3, 7).toArray()).toEqual([[7, 7, 7]]);
    expect(Matrix.identity(3).toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(Matrix.column([1, 2]).shape).toEqual([2, 1]);
    expect(Matrix.row([1, 2]).shape).toEqual([1, 2]);
    expect(Matrix.fromFunction(2, 2, (i, j) => 10 * i + j).toArray()).toEqual([[0, 1], [10, 11]]);
  });

  it('rowView shares the data; clone does not', () => {
    const m = Matrix.fromRows([[1, 2], [3, 4]]);
    const c = m.clone();
    m.rowView(1)[0] = 30;
    expect(m.get(1, 0)).toBe(30);
    expect(c.get(1, 0)).toBe(3);
  });

  it('refuses data of the wrong length with a ShapeError naming the shape', () => {
    expect(() => new Matrix(2, 3, new Float64Array(5))).toThrow(ShapeError);
    expect(() => new Matrix(2, 3, new Float64Array(5))).toThrow('Matrix: [2×3] needs 6 elements, got 5');
  });

  it('refuses negative or fractional sizes with an OptionError', () => {
    expect(() => new Matrix(-1, 2)).toThrow(OptionError);
    expect(() => new Matrix(1.5, 2)).toThrow(OptionError);
  });

  it('refuses ragged rows with an InputError', () => {
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(InputError);
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow('row 0 has 2 values, row 1 has 1');
  });

  it('prints its shape and at most 10 rows and 8 columns', () => {
    const big = Matrix.fromFunction(12, 9, (i, j) => i + j / 2);
    const s = big.toString();
    expect(s.startsWith('Matrix [12×9]')).toBe(true);
    expect(s).toContain('… 2 more rows');
    expect(s).toContain('…');
    expect(s.split('\n')).toHaveLength(1 + 10 + 1);
  });

  it('isMatrix tells a Matrix from plain arrays', () => {
    expect(isMatrix(Matrix.zeros(1, 1))).toBe(true);
    expect(isMatrix([[1]])).toBe(false);
  });
});

describe('toMatrix', () => {
  it('returns a Matrix as it is, converts rows, and turns a flat list into a column', () => {
    const m = Matrix.zeros(2, 2);
    expect(toMatrix(m)).toBe(m);
    expect(toMatrix([[1, 2]]).shape).toEqual([1, 2]);
    expect(toMatrix([1, 2, 3]).shape).toEqual([3, 1]);
    expect(toMatrix(Float64Array.of(1, 2)).shape).toEqual([2, 1]);
  });

  it('names the argument, the row and the column of a problem', () => {
    expect(() => toMatrix([[1, 2], [3]], 'fit: X')).toThrow('fit: X: ragged rows: expected every row to have 2 values (as row 0 has), but row 1 has 1');
    expect(() => toMatrix([[1, NaN]], 'fit: X')).toThrow('fit: X: expected finite numbers, but row 0, column 1 is NaN');
    expect(() => toMatrix([[1, Infinity]])).toThrow(InputError);
    expect(() => toMatrix([[1, '2' as unknown as number]])).toThrow("row 0, column 1 is '2' (a string)");
    expect(() => toMatrix([[1], 2 as unknown as number[]])).toThrow('row 1 is 2');
    expect(() => toMatrix('abc' as unknown as number[][])).toThrow(InputError);
  });

  it('refuses empty data unless allowEmpty, and NaN unless allowNonFinite', () => {
    expect(() => toMatrix([])).toThrow('expected at least one row and one column, got an empty [0×0] matrix');
    expect(() => toMatrix([[]])).toThrow(InputError);
    expect(toMatrix([], 'X', { allowEmpty: true }).shape).toEqual([0, 0]);
    expect(toMatrix([[NaN]], 'X', { allowNonFinite: true }).get(0, 0)).toBeNaN();
  });
});

describe('toVector and checkFinite', () => {
  it('converts lists, Float64Arrays and one-row or one-column matrices', () => {
    expect(Array.from(toVector([1, 2]))).toEqual([1, 2]);
    expect(Array.from(toVector(Matrix.row([1, 2])))).toEqual([1, 2]);
    expect(Array.from(toVector(Matrix.column([3, 4])))).toEqual([3, 4]);
  });

  it('refuses matrices, empty lists, non-numbers and NaN with messages that say what came', () => {
    expect(() => toVector(Matrix.zeros(2, 2))).toThrow('y: expected a vector (one row or one column), got a [2×2] matrix');
    expect(() => toVector([])).toThrow('y: expected at least one value, got an empty list');
    expect(() => toVector([1, 'a' as unknown as number])).toThrow("element 1 is 'a' (a string)");
    expect(() => toVector([1, NaN], 'labels')).toThrow('labels: expected finite numbers, but element 1 is NaN');
  });

  it('checkFinite names the first bad element', () => {
    const m = Matrix.fromRows([[1, 2], [3, -Infinity]]);
    expect(() => checkFinite(m, 'W')).toThrow('W: expected finite numbers, but row 1, column 1 is -Infinity');
  });
});

describe('Matrix: sizes and arguments are checked before anything is allocated', () => {
  it('Matrix.filled refuses a negative size or one above MAX_ELEMENTS with an OptionError, not a RangeError', () => {
    expect(() => Matrix.filled(-1, 2, 0)).toThrow(OptionError);
    expect(() => Matrix.filled(2, Infinity, 0)).toThrow(/Matrix: cols: expected an integer/);
    expect(() => Matrix.filled(8.6e169, 1, 0)).toThrow(/expected an integer ≤ 2147483647/);
    expect(() => Matrix.filled(2, 2, '1' as unknown as number)).toThrow(/Matrix.filled: value: expected a number, got '1'/);
    // A Matrix may hold NaN (a diverged loss curve); computations refuse it.
    expect(Matrix.filled(1, 2, NaN).data[1]).toBeNaN();
  });
  it('fromRows, fromFunction and toString refuse what is not rows, a function or a digit count', () => {
    expect(() => Matrix.fromRows(null as unknown as number[][])).toThrow(/Matrix.fromRows: expected rows of numbers \(number\[\]\[\]\), got null/);
    expect(() => Matrix.fromFunction(2, 2, 3 as unknown as () => number)).toThrow(/Matrix.fromFunction: f: expected a function \(i, j\) => number, got 3/);
    expect(() => Matrix.zeros(1, 1).toString(-1)).toThrow(/digits: expected an integer ≥ 0/);
    expect(() => Matrix.zeros(1, 1).toString(Infinity)).toThrow(OptionError);
  });
  it('toMatrix and toVector take true or false for their flags, and checkFinite a Matrix', () => {
    expect(() => toMatrix([[1]], 'X', { allowEmpty: 1 as unknown as boolean })).toThrow(/toMatrix: allowEmpty: expected true or false, got 1/);
    expect(() => toVector([1], 'y', { allowNonFinite: 'yes' as unknown as boolean })).toThrow(/toVector: allowNonFinite: expected true or false/);
    expect(() => checkFinite([[1]] as unknown as Matrix, 'X')).toThrow(/checkFinite: expected a Matrix, got an array/);
  });
});
