// diagnose(): a hint fits what was received, or falls back to the formula; it says so when
// several mistakes give the same value, and ignores a "mistake" that is right on these inputs.
import { diagnose, expectCloseDiagnosed, hasNonFinite, times } from '../support/diagnose';
import { mseMistakes } from '../support/loss-mistakes';
import { lossOracle } from '../support/oracles';

const SIGN = { hint: 'the sign is flipped', value: [-1, 2] };
const HALF = { hint: 'the factor 2 is missing', value: [0.5, -1] };
const FORMULA = 'g = 2e';

describe('diagnose', () => {
  it('names the one mistake whose value was received', () => {
    expect(diagnose([-1, 2], [1, -2], [SIGN, HALF], FORMULA)).toBe('the sign is flipped');
    expect(diagnose([0.5, -1], [1, -2], [SIGN, HALF], FORMULA)).toBe('the factor 2 is missing');
  });

  it('gives the formula, and blames no mistake, when the value fits none', () => {
    expect(diagnose([7, 7], [1, -2], [SIGN, HALF], FORMULA)).toBe(FORMULA);
    expect(diagnose('a string', [1, -2], [SIGN, HALF], FORMULA)).toBe(FORMULA);
  });

  it('says so when several mistakes give the same value, and names each', () => {
    const hint = diagnose([-1, 2], [1, -2], [SIGN, { hint: 'the error is y − ŷ', value: [-1, 2] }], FORMULA);
    expect(hint).toBe('several mistakes give exactly this value: (1) the sign is flipped; (2) the error is y − ŷ.');
  });

  it('ignores a mistake that gives the right value on these inputs', () => {
    expect(diagnose([1, 9], [1, -2], [{ hint: 'x is missing', value: [1, -2] }], FORMULA)).toBe(FORMULA);
  });

  it('accepts a test on the received value, e.g. "holds a NaN"', () => {
    expect(diagnose([NaN, 1], [1, 1], [{ hint: 'overflow', value: hasNonFinite }], FORMULA)).toBe('overflow');
    expect(hasNonFinite([[1, Infinity]])).toBe(true);
    expect(hasNonFinite([[1, 2]])).toBe(false);
    expect(times([[1, 2]], -2)).toEqual([[-2, -4]]);
  });
});

describe('the MSE mistakes on the course\'s test data', () => {
  const t = [[1.5, -0.5], [0, 2], [3, 1]];
  const p = [[1, 0.5], [0.25, 2.5], [0.5, 1.2]];
  const message = (received: number) => {
    try {
      expectCloseDiagnosed(received, lossOracle.mse(t, p), { rtol: 1e-9, mistakes: mseMistakes(t, p), otherwise: FORMULA });
      return 'passed';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('a missing square is told it is missing a square, not that it averages wrongly', () => {
    const m = message(lossOracle.mae(t, p));
    expect(m).toMatch(/Hint: the square is missing/);
    expect(m).not.toMatch(/average over every entry|samples only/);
  });

  it('a mean over the samples only is told so; a right value passes', () => {
    expect(message(lossOracle.mse(t, p) * 2)).toMatch(/Hint: the sum of the squared errors is divided by the n = 3 samples only/);
    expect(message(lossOracle.mse(t, p))).toBe('passed');
  });
});
