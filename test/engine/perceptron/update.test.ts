import fc from 'fast-check';
import { perceptronUpdate, InputError, ShapeError, OptionError } from '../../../src';

const FC = { seed: 1928, numRuns: 200 };
const num = fc.double({ min: -5, max: 5, noNaN: true }).map((v) => v + 0); // no −0: −0 + 0 is +0
const dot = (x: number[], w: number[]) => x.reduce((s, xi, i) => s + xi * w[i], 0);

describe('perceptronUpdate', () => {
  it('applies w_i ← w_i + η (y − ŷ) x_i and b ← b + η (y − ŷ) to a misclassified sample', () => {
    // ŷ = step(0·1 + 0·1 + 0) = step(0) = 1, but y = 0: every weight of an active input drops by η.
    const r = perceptronUpdate([0, 0], 0, [1, 1], 0, 0.5);
    expect(r).toEqual({ w: [-0.5, -0.5], b: -0.5, deltaW: [-0.5, -0.5], deltaB: -0.5, yHat: 1, z: 0 });
  });

  it('leaves the weights unchanged when the sample is classified correctly', () => {
    const r = perceptronUpdate([1, 1], -1.5, [1, 1], 1, 1);
    expect(r.yHat).toBe(1);
    expect(r.w).toEqual([1, 1]);
    expect(r.b).toBe(-1.5);
    expect(r.deltaW).toEqual([0, 0]);
    expect(r.deltaB).toBe(0);
  });

  it('does not modify its arguments (pure)', () => {
    const w = [0.2, -0.3];
    const x = [1, 2];
    perceptronUpdate(w, 0.1, x, 1, 1);
    expect(w).toEqual([0.2, -0.3]);
    expect(x).toEqual([1, 2]);
  });

  it('moves the net input z of a misclassified sample towards the target: Δz = η (y − ŷ)(‖x‖² + 1)', () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.record({
      w: fc.array(num, { minLength: n, maxLength: n }),
      x: fc.array(num, { minLength: n, maxLength: n }),
      b: num,
      y: fc.constantFrom(0, 1),
      eta: fc.double({ min: 0.01, max: 2, noNaN: true }),
    }));
    fc.assert(fc.property(arb, ({ w, x, b, y, eta }) => {
      const before = dot(x, w) + b;
      const r = perceptronUpdate(w, b, x, y, eta);
      const after = dot(x, r.w) + r.b;
      const err = y - r.yHat;
      expect(r.z).toBeCloseTo(before, 10);
      if (err === 0) {
        expect(r.w).toEqual(w);
        expect(r.b).toBe(b);
      } else {
        // The direction: z goes up when the target is 1 and the TLU said 0, down otherwise.
        expect(Math.sign(after - before)).toBe(Math.sign(err));
        expect(after - before).toBeCloseTo(eta * err * (dot(x, x) + 1), 8);
      }
    }), FC);
  });

  it('updates every output j separately for several outputs: w_ij ← w_ij + η (y_j − ŷ_j) x_i', () => {
    const w = [[0, 1], [0, 1]];
    const r = perceptronUpdate(w, [0, -3], [1, 2], [0, 1], 1);
    // Output 0: z = 0 → ŷ = 1, y = 0 → Δ = −x. Output 1: z = 1 + 2 − 3 = 0 → ŷ = 1 = y → no change.
    expect(r.yHat).toEqual([1, 1]);
    expect(r.deltaW).toEqual([[-1, 0], [-2, 0]]);
    expect(r.w).toEqual([[-1, 1], [-2, 1]]);
    expect(r.b).toEqual([-1, -3]);
    expect(r.deltaB).toEqual([-1, 0]);
  });

  it('with the sign threshold, corrects a wrong ±1 output by 2η·x', () => {
    const r = perceptronUpdate([1, 0], 0, [1, 0], -1, 1, 'sign');
    expect(r.yHat).toBe(1);
    expect(r.deltaW).toEqual([-2, -0]);
  });

  it('refuses a learning rate ≤ 0, shapes that do not fit and NaN with named errors', () => {
    expect(() => perceptronUpdate([0, 0], 0, [1, 1], 1, 0)).toThrow(OptionError);
    expect(() => perceptronUpdate([0, 0], 0, [1, 1], 1, -1)).toThrow('perceptronUpdate: learning rate η: expected a finite number > 0, got -1');
    expect(() => perceptronUpdate([0, 0], 0, [1, 1, 1], 1, 1)).toThrow(ShapeError);
    expect(() => perceptronUpdate([0, 0], 0, [1, 1, 1], 1, 1)).toThrow('perceptronUpdate: x: expected 2 values, got 3');
    expect(() => perceptronUpdate([0, NaN], 0, [1, 1], 1, 1)).toThrow(InputError);
    expect(() => perceptronUpdate([[0], [0]], [0], [1, 1], [1, 0], 1)).toThrow('perceptronUpdate: y: expected 1 values, got 2');
    expect(() => perceptronUpdate([0, 0], 0, [1, 1], 1, 1, 'relu' as 'step')).toThrow(OptionError);
  });
});
