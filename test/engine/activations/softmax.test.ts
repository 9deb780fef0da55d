import fc from 'fast-check';
import { softmax, softmaxJacobian, getActivation } from '../../../src/engine/activations';
import { Matrix } from '../../../src/engine/matrix';
import { InputError, OptionError } from '../../../src/engine/errors';

const FC = { seed: 20261128, numRuns: 300 };

describe('softmax', () => {
  it('of a list gives probabilities proportional to e^z', () => {
    const p = softmax([1, 2, 3]);
    const e = [1, 2, 3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    p.forEach((pi, i) => expect(pi).toBeCloseTo(e[i] / s, 14));
  });

  it('works row by row on a matrix (number[][] or Matrix)', () => {
    const rows = [
      [0, 0],
      [1000, -1000],
    ];
    expect(softmax(rows)).toEqual([
      [0.5, 0.5],
      [1, 0],
    ]);
    expect(softmax(Matrix.fromRows(rows))).toEqual(softmax(rows));
  });

  it('sums to 1 and stays finite for any inputs in [−1000, 1000] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }), (z) => {
        const p = softmax(z);
        const s = p.reduce((a, b) => a + b, 0);
        return p.every((x) => Number.isFinite(x) && x >= 0 && x <= 1) && Math.abs(s - 1) < 1e-12;
      }),
      FC,
    );
  });

  it('does not change when a constant is added to every input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (z, c) => {
          const a = softmax(z);
          const b = softmax(z.map((x) => x + c));
          return a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
        },
      ),
      FC,
    );
  });

  it('its Jacobian ŷ_i(δ_ij − ŷ_j) matches centred differences', () => {
    const z = [0.3, -1.2, 2.0, 0.1];
    const J = softmaxJacobian(z);
    const h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const zp = z.slice();
      const zm = z.slice();
      zp[j] += h;
      zm[j] -= h;
      const pp = softmax(zp);
      const pm = softmax(zm);
      for (let i = 0; i < z.length; i++) expect(J[i][j]).toBeCloseTo((pp[i] - pm[i]) / (2 * h), 8);
    }
  });

  it('rejects NaN, ∞ and empty input with an InputError', () => {
    expect(() => softmax([1, NaN])).toThrow(InputError);
    expect(() => softmax([[1, Infinity]])).toThrow(/expected finite numbers/);
    expect(() => softmax([])).toThrow(InputError);
  });

  it('as an activation of one number it explains that softmax acts on a row', () => {
    expect(() => getActivation('softmax').f(1)).toThrow(OptionError);
    expect(() => getActivation('softmax').f(1)).toThrow(/whole row/);
  });
});
