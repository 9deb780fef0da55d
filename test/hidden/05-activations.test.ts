// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 05 — hidden tests (lecturer only): random points, extreme inputs, ties of maxout.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { act, numericalDerivative } from '../support/oracles';
import { property } from '../support/teach';

const ex = startedExercise('05-activations');

describe('exercise 05-activations (hidden): activation functions', () => {
  it('[05-activations.extremes] sigmoid, tanh and elu stay finite and exact for |z| up to 800', async () => {
    const cases: [string, number, number][] = [
      ['sigmoid', 800, 1], ['sigmoid', -800, 0], ['tanh', 800, 1], ['tanh', -800, -1], ['elu', -800, -1],
      ['sigmoidDerivative', 800, 0], ['sigmoidDerivative', -800, 0], ['tanhDerivative', -800, 0],
    ];
    for (const [fn, z, want] of cases) {
      expectClose(await ex.call<number>(fn, z), want, {
        atol: 1e-12, what: `${fn}(${z})`,
        hint: 'e^800 is ∞ in floating point and ∞/∞ is NaN: rewrite the formula so that only e^(−|z|) appears (or use Math.tanh).',
      });
    }
  });

  it('[05-activations.random-points] functions and derivatives agree with the formulas at random points', async () => {
    const z = fc.double({ min: -6, max: 6, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
    await property(z, async (v) => {
      const pairs: [string, (t: number) => number][] = [['sigmoid', act.sigmoid], ['tanh', act.tanh], ['elu', (t) => act.elu(t, 1)], ['leakyRelu', act.leakyRelu]];
      for (const [fn, f] of pairs) {
        expectClose(await ex.call<number>(fn, v), f(v), { atol: 1e-9, rtol: 1e-9, what: `${fn}(${v})` });
        expectClose(await ex.call<number>(`${fn}Derivative`, v), numericalDerivative(f, v), { atol: 1e-6, rtol: 1e-5, what: `${fn}Derivative(${v})` });
      }
    }, { seed: 42, numRuns: 15 });
  });

  it('[05-activations.maxout.ties] maxout on ties and on negative pieces', async () => {
    expectClose(await ex.call<number>('maxout', [-3, -3, -7]), -3, { atol: 0, what: 'maxout([−3, −3, −7])', hint: 'start from the first piece, not from 0.' });
    expectClose(await ex.call<number[]>('maxoutGradient', [-9, -2, -2]), [0, 1, 0], {
      atol: 0, what: 'maxoutGradient([−9, −2, −2])', hint: 'one winner only: on a tie, the first largest piece gets the gradient.',
    });
  });
});
