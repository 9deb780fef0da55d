// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 08 — hidden tests (lecturer only): problems of other curvatures (no fixed rates
 * answer them all) and generated loss histories, boundaries included.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import { expectObject, expectSame, fail, property, show } from '../support/teach';
import { linearRegressionLosses, verdictOracle } from '../support/oracles';
import { lrProblem } from '../support/lr-problems';

const ex = startedExercise('08-learning-rate');

describe('exercise 08-learning-rate (hidden): the learning rate', () => {
  it('[08-learning-rate.choose.other-problems] the three rates work on problems of very different curvature', async () => {
    const problems = [lrProblem(2, [10, 30, 20], 100), lrProblem(3, [0.2, 0.5], 200), lrProblem(4, [5], 60)];
    for (const p of problems) {
      const c = expectObject(await ex.call('chooseLearningRates', p), ['tooSlow', 'converges', 'diverges'], 'chooseLearningRates');
      for (const [key, want] of [['tooSlow', 'too slow'], ['converges', 'converged'], ['diverges', 'diverged']] as const) {
        const eta = c[key];
        if (typeof eta !== 'number' || !(eta > 0) || !Number.isFinite(eta)) fail(`chooseLearningRates(...).${key}`, 'a positive finite number', eta);
        const verdict = verdictOracle(linearRegressionLosses(p.X, p.y, eta, p.epochs), p.target);
        expectSame(verdict, want, `η = ${show(eta)} (${key}) on a problem with feature scales up to ${show(Math.max(...p.X.flat().map(Math.abs)))}`,
          'the stable range depends on the data\'s scale: derive the rates from the problem (its curvature, or trial runs), do not hard-code them.');
      }
    }
  });

  it('[08-learning-rate.classify.boundaries] classifyRun at the edges of its rules', async () => {
    const cases: [number[], number, string][] = [
      [[1, 0.5, 0.05], 0.05, 'converged'], // last = target counts
      [[1, 0.9, 0.95, 0.8, 0.7], 0.05, 'oscillating'], // exactly 1 rise in 4 steps = a quarter
      [[1, 0.9, 0.95, 0.8, 0.7, 0.6], 0.05, 'too slow'], // 1 rise in 5 steps
      [[1, 1.5, 1.0000001], 0.05, 'diverged'], // ends above its start
      [[1, Infinity, 0.01], 0.05, 'diverged'], // ∞ on the way
      [[2, 1.5, 2, 1.5, 2, 0.01], 0.05, 'converged'], // bounced, but ended below the target
      [[0.3], 0.05, 'too slow'], // one epoch, above target
      [[0.3], 0.5, 'converged'],
    ];
    for (const [losses, target, want] of cases) {
      expectSame(await ex.call('classifyRun', losses, target), want, `classifyRun(${show(losses)}, target ${target})`, 'apply the four rules in their order, with ≤ for the target and "at least a quarter" for rises.');
    }
  });

  it('[08-learning-rate.classify.generated] classifyRun on generated histories', async () => {
    const history = fc.record({
      start: fc.double({ min: 0.5, max: 10, noNaN: true }),
      rate: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      wobble: fc.double({ min: 0, max: 0.6, noNaN: true }),
      length: fc.integer({ min: 2, max: 40 }),
      target: fc.double({ min: 0.001, max: 1, noNaN: true }),
      nanAt: fc.option(fc.integer({ min: 0, max: 39 }), { nil: undefined }),
    }).map(({ start, rate, wobble, length, target, nanAt }) => {
      const losses = Array.from({ length }, (_, i) => start * rate ** i * (1 + wobble * (i % 2)));
      if (nanAt !== undefined && nanAt < length) losses[nanAt] = NaN;
      return { losses, target };
    });
    await property(history, async ({ losses, target }) => {
      expectSame(await ex.call('classifyRun', losses, target), verdictOracle(losses, target), `classifyRun(${show(losses)}, target ${show(target)})`);
    }, { seed: 42, numRuns: 30 });
  });
});
