// expectClose / expectEqual: the tolerance rule, the special values, and messages that teach.
import fc from 'fast-check';
import { expectClose, expectEqual, isClose, GradeMismatch } from '../support/compare';
import { expectArgsUnchanged, expectFreshResult, firstDifference } from '../support/teach';

function message(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GradeMismatch);
    return (e as Error).message;
  }
  throw new Error('expected a GradeMismatch');
}

describe('isClose: |a − b| ≤ atol + rtol·|b|', () => {
  it('accepts within the tolerance and refuses beyond it (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (b, f) => {
        const tol = 1e-6 + 1e-6 * Math.abs(b);
        expect(isClose(b + 0.5 * f * tol, b)).toBe(true);
        expect(isClose(b + 2.5 * tol, b)).toBe(false);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('never finds NaN or ∞ close, except the same ∞ expected; −0 equals 0', () => {
    expect(isClose(NaN, NaN)).toBe(false);
    expect(isClose(NaN, 0)).toBe(false);
    expect(isClose(Infinity, 1e308)).toBe(false);
    expect(isClose(Infinity, Infinity)).toBe(true);
    expect(isClose(-Infinity, Infinity)).toBe(false);
    expect(isClose(-0, 0)).toBe(true);
    expect(isClose('1', 1)).toBe(false);
  });
});

describe('expectClose explains what differs', () => {
  it('names the computation, expected vs received, and the hint', () => {
    const m = message(() => expectClose(0, 1, { what: 'step(0)', hint: 'use z >= 0' }));
    expect(m).toBe('step(0): expected 1, received 0 (tolerance 0.000001 + 0.000001·|expected|)\nHint: use z >= 0');
  });

  it('points at the first differing index of a vector and of a matrix', () => {
    expect(message(() => expectClose([1, 2, 3], [1, 2, 4]))).toMatch(/^at \[2\] expected 4, received 3/);
    expect(message(() => expectClose([[1, 2], [3, 5]], [[1, 2], [3, 4]]))).toMatch(/^at \[1\]\[1\] expected 4, received 5/);
  });

  it('reports shapes, NaN, ∞, undefined and strings as such', () => {
    expect(message(() => expectClose([1, 2], [1, 2, 3]))).toMatch(/expected 3 values, received 2/);
    expect(message(() => expectClose([[1, 2]], [[1, 2], [3, 4]]))).toMatch(/expected 2×2 values, received 1×2/);
    expect(message(() => expectClose(NaN, 1))).toMatch(/received NaN — NaN: a 0\/0/);
    expect(message(() => expectClose([Infinity], [1]))).toMatch(/received Infinity — an overflow/);
    expect(message(() => expectClose(undefined, 1))).toMatch(/received undefined \(nothing was returned: a missing `return`\?\)/);
    expect(message(() => expectClose('0.5', 0.5))).toMatch(/received the string "0.5"/);
  });

  it('accepts −0 for 0, typed arrays and Matrix-like { rows, cols, data }', () => {
    expectClose(-0, 0, { atol: 0 });
    expectClose(new Float64Array([1, 2]), [1, 2]);
    expectClose({ rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) }, [[1, 2], [3, 4]]);
  });
});

describe('expectEqual', () => {
  it('compares deeply and says where the first difference is', () => {
    expectEqual({ a: [1, 2], b: 'x' }, { a: [1, 2], b: 'x' });
    expect(message(() => expectEqual({ a: [1, 2] }, { a: [1, 3] }, { what: 'the result' }))).toBe('the result: expected at .a[1] 3, received 2');
    expect(message(() => expectEqual('linear', 'not separable'))).toBe('expected "not separable", received the string "linear"');
  });
});

describe('inputs left as they were (teach.ts)', () => {
  it('firstDifference finds the first changed place, NaN equal to NaN, −0 equal to 0', () => {
    expect(firstDifference({ W1: [[1, 2]], hidden: 'tanh' }, { W1: [[1, 2]], hidden: 'tanh' })).toBeUndefined();
    expect(firstDifference([NaN, 0], [NaN, -0])).toBeUndefined();
    expect(firstDifference({ W1: [[1, 2]] }, { W1: [[1, 5]] })).toBe('.W1[0][1]');
    expect(firstDifference([[1], [2]], [[1], [2], [3]])).toBe('');
    expect(firstDifference('tanh', 'relu')).toBe('');
  });

  it('expectArgsUnchanged names the argument, where it changed and the usual fix', () => {
    expectArgsUnchanged('f', ['w', 'eta'], [[[1]], 0.5], [[[1]], 0.5]);
    expect(message(() => expectArgsUnchanged('perceptronUpdate', ['w', 'b'], [[[0.5, 1]], [0]], [[[0.5, 1]], [1]], 'copy first.'))).toBe([
      'perceptronUpdate changed its argument b (first change at b[0])',
      '  expected: b left as it was passed: [0]',
      '  received: [1]',
      '  hint: perceptronUpdate changed its argument b: return new arrays and leave the inputs as they were; copy first.',
    ].join('\n'));
  });

  it('expectFreshResult fails when the result is (or holds) an argument array, even unchanged', () => {
    const w = [[1, 2]];
    const b = [0];
    expectFreshResult('f', ['w', 'b'], { w: [[1, 2]], b: [0] }, [w, b]);
    expect(message(() => expectFreshResult('perceptronUpdate', ['w', 'b'], { w: [[1, 2]], b }, [w, b]))).toBe([
      'perceptronUpdate returned its argument b as its result.b',
      '  expected: a new array',
      '  received: [0]',
      '  hint: perceptronUpdate must return new arrays, not the ones it was given.',
    ].join('\n'));
    expect(message(() => expectFreshResult('f', ['net'], { W1: [w[0]] }, [{ W1: w }]))).toMatch(/^f returned its argument net\.W1\[0\] as its result\.W1\[0\]/);
  });
});
