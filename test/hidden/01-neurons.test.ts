// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 01 — hidden tests (lecturer only): random inputs and edge cases.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { tlu } from '../support/oracles';
import { property, show } from '../support/teach';

const ex = startedExercise('01-neurons');

describe('exercise 01-neurons (hidden): the threshold logic unit', () => {
  it('[01-neurons.step.extremes] step handles −0, tiny numbers and ±∞', async () => {
    const cases: [number, number][] = [[-0, 1], [1e-300, 1], [-1e-300, 0], [Infinity, 1], [-Infinity, 0]];
    for (const [z, expected] of cases) {
      expectClose(await ex.call<number>('step', z), expected, { atol: 0, what: `step(${Object.is(z, -0) ? '−0' : z})` });
    }
  });

  it('[01-neurons.output.random] tluOutput matches step(x·w + b) on random inputs of 1 to 6 features', async () => {
    // Dyadic numbers (multiples of 1/8) keep x·w + b exact, so the step never depends on rounding.
    const dyadic = fc.integer({ min: -24, max: 24 }).map((k) => k / 8);
    const caseArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.tuple(fc.array(dyadic, { minLength: n, maxLength: n }), fc.array(dyadic, { minLength: n, maxLength: n }), dyadic));
    await property(caseArb, async ([x, w, b]) => {
      expectClose(await ex.call<number>('tluOutput', x, w, b), tlu(x, w, b), {
        atol: 0, what: `tluOutput(${show(x)}, ${show(w)}, ${b})`, hint: 'z = Σ x_i·w_i + b over every input, then step(z) with step(0) = 1.',
      });
    }, { seed: 42, numRuns: 30 });
  });
});
