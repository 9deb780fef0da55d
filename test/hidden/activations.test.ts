// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 3 — hidden tests (lecturer only): random points, extreme inputs, the softmax Jacobian.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { act, numericalDerivative, softmaxOracle } from '../support/oracles';
import { property, show } from '../support/teach';

const ex = startedExercise('activations');

describe('exercise 3 (hidden): activation functions', () => {
  it('[activations.extremes] sigmoid, tanh and elu stay finite and exact for |z| up to 800', async () => {
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

  it('[activations.random-points] functions and derivatives agree with the formulas at random points', async () => {
    const z = fc.double({ min: -6, max: 6, noNaN: true }).filter((v) => Math.abs(v) > 1e-3);
    await property(z, async (v) => {
      const pairs: [string, (t: number) => number][] = [['sigmoid', act.sigmoid], ['tanh', act.tanh], ['elu', (t) => act.elu(t, 1)], ['leakyRelu', act.leakyRelu]];
      for (const [fn, f] of pairs) {
        expectClose(await ex.call<number>(fn, v), f(v), { atol: 1e-9, rtol: 1e-9, what: `${fn}(${v})` });
        expectClose(await ex.call<number>(`${fn}Derivative`, v), numericalDerivative(f, v), { atol: 1e-6, rtol: 1e-5, what: `${fn}Derivative(${v})` });
      }
    }, { seed: 42, numRuns: 15 });
  });

  it('[activations.softmax.random] softmax matches log-sum-exp on random logits, large ones included', async () => {
    const logits = fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 8 });
    await property(logits, async (z) => {
      expectClose(await ex.call<number[]>('softmax', z), softmaxOracle(z), {
        atol: 1e-12, rtol: 1e-9, what: `softmax(${show(z)})`, hint: 'subtract max(z) before exponentiating; the result must sum to 1 and never be NaN.',
      });
    }, { seed: 42, numRuns: 30 });
    const negative = [-1000, -1001, -999];
    expectClose(await ex.call<number[]>('softmax', negative), softmaxOracle(negative), {
      atol: 1e-12, rtol: 1e-9, what: `softmax(${show(negative)})`, hint: 'e^(−1000) underflows to 0 and 0/0 is NaN: subtract the maximum first.',
    });
  });

  it('[activations.softmax.jacobian] softmaxJacobian(z)[i][j] = ∂s_i/∂z_j, checked numerically', async () => {
    for (const z of [[0.5, -1, 2], [3, 3], [-2, 0, 1, 0.25]]) {
      const numerical = z.map((_, i) => z.map((__, j) => numericalDerivative((t) => softmaxOracle(z.map((v, k) => (k === j ? t : v)))[i], z[j])));
      expectClose(await ex.call<number[][]>('softmaxJacobian', z), numerical, {
        atol: 1e-7, rtol: 1e-5, what: `softmaxJacobian(${show(z)})`, hint: 'J[i][j] = s_i(δ_ij − s_j): s_i(1 − s_i) on the diagonal, −s_i·s_j elsewhere.',
      });
    }
  });

  it('[activations.maxout.ties] maxout on ties and on negative pieces', async () => {
    expectClose(await ex.call<number>('maxout', [-3, -3, -7]), -3, { atol: 0, what: 'maxout([−3, −3, −7])', hint: 'start from the first piece, not from 0.' });
    expectClose(await ex.call<number[]>('maxoutGradient', [-9, -2, -2]), [0, 1, 0], {
      atol: 0, what: 'maxoutGradient([−9, −2, −2])', hint: 'one winner only: on a tie, the first largest piece gets the gradient.',
    });
  });
});
