/**
 * Exercise 08 — the learning rate (public tests).
 * The student's rates are run HERE, by the trusted trainer, and judged by the verdict rules.
 */
import { startedExercise } from '../support/sandbox';
import { expectSame, expectObject, fail, show } from '../support/teach';
import { linearRegressionLosses, verdictOracle } from '../support/oracles';
import { LrProblem, lrProblem } from '../support/lr-problems';

const ex = startedExercise('08-learning-rate');

const problem = lrProblem(1, [1, 3], 100);
let choice: Promise<Record<string, unknown>> | undefined;
/** One sandbox call shared by the three tests below. */
function choose(): Promise<Record<string, unknown>> {
  choice ??= ex.call('chooseLearningRates', problem).then((c) => expectObject(c, ['tooSlow', 'converges', 'diverges'], 'chooseLearningRates(problem)'));
  return choice;
}

async function judge(p: LrProblem, eta: unknown, wanted: string, hint: string): Promise<void> {
  if (typeof eta !== 'number' || !Number.isFinite(eta) || eta <= 0) fail(`a '${wanted}' learning rate`, 'a positive finite number', eta);
  const losses = linearRegressionLosses(p.X, p.y, eta, p.epochs);
  const verdict = verdictOracle(losses, p.target);
  if (verdict !== wanted) {
    const tail = losses.slice(-3).map((l) => show(l)).join(', ');
    fail(`η = ${show(eta)} run for ${p.epochs} epochs (target loss ${show(p.target)}; first loss ${show(losses[0])}, last ones ${tail})`, `'${wanted}'`, verdict, hint);
  }
}

const SLOW = 'a rate far below the stable range still lowers the loss every epoch, just not enough within the budget.';
const CONVERGE = 'for this quadratic loss, gradient descent is stable below 2/λ_max, λ_max the largest curvature of the loss; a rate near 1/λ_max converges fastest. Try a few rates and look at the loss curves.';
const DIVERGE = 'above 2/λ_max each step overshoots the minimum by more than it started from: the loss grows.';

describe('exercise 08-learning-rate: the learning rate', () => {
  it('[08-learning-rate.choose.too-slow] the "too slow" rate leaves the loss falling but above the target', async () => {
    await judge(problem, (await choose()).tooSlow, 'too slow', SLOW);
  });

  it('[08-learning-rate.choose.converges] the "converges" rate reaches the target within the budget', async () => {
    await judge(problem, (await choose()).converges, 'converged', CONVERGE);
  });

  it('[08-learning-rate.choose.diverges] the "diverges" rate makes the loss blow up', async () => {
    await judge(problem, (await choose()).diverges, 'diverged', DIVERGE);
  });

  it('[08-learning-rate.classify.examples] classifyRun reads the four kinds of loss curves', async () => {
    const cases: [number[], number, string, string][] = [
      [[1, 0.5, 0.25, 0.12, 0.06, 0.03], 0.05, 'converged', 'the last loss is at most the target.'],
      [[1, 0.99, 0.98, 0.97, 0.96, 0.95], 0.05, 'too slow', 'finite, never rising, but still above the target.'],
      [[1, 0.6, 0.8, 0.5, 0.7, 0.45, 0.65, 0.4], 0.05, 'oscillating', 'the loss rose in 3 of 7 steps (at least a quarter): it bounces.'],
      [[1, 3, 9, 27, 81], 0.05, 'diverged', 'the last loss is larger than the first.'],
      [[1, 0.5, NaN], 0.05, 'diverged', 'NaN or ∞ anywhere means the run diverged.'],
    ];
    for (const [losses, target, want, hint] of cases) {
      expectSame(await ex.call('classifyRun', losses, target), want, `classifyRun(${show(losses)}, target ${target})`, `check the rules in their order: diverged, converged, oscillating, too slow — ${hint}`);
    }
  });

  it('[08-learning-rate.classify.edges] classifyRun on the edge of each rule', async () => {
    // [losses, target, verdict, the verdict a usual slip gives, the slip]
    const cases: [number[], number, string, string, string][] = [
      [[1, 0.4, 0.1], 0.1, 'converged', 'too slow', 'a last loss equal to the target has converged: "at most the target" is ≤, not <.'],
      [[2, 1.8, 1.9, 1.6, 1.5], 0.1, 'oscillating', 'too slow', '1 rise in 4 steps is exactly a quarter, and "at least a quarter" counts it: ≥, not >.'],
      [[1, 0.5, 1.2], 0.1, 'diverged', 'oscillating', 'every loss is finite, but the run ended above its start: that is "diverged", checked first.'],
      [[1, Infinity, 0.05], 0.1, 'diverged', 'converged', '∞ anywhere in the history means the run diverged, even if a later loss looks fine: check every loss, not only the last.'],
      [[3, 0.5, 2.9, 0.05], 0.1, 'converged', 'oscillating', 'the rules apply in their order: a run that ends at or below the target has converged, however it bounced on the way.'],
    ];
    for (const [losses, target, want, slip, hint] of cases) {
      const got = await ex.call('classifyRun', losses, target);
      expectSame(got, want, `classifyRun(${show(losses)}, target ${target})`,
        got === slip ? hint : 'check the rules in their order: diverged (NaN, ±∞, or last > first), converged (last ≤ target), oscillating (rises in at least a quarter of the steps), too slow.');
    }
  });

  it('[08-learning-rate.classify.real-runs] classifyRun on real runs at rates from tiny to too large', async () => {
    for (const eta of [1e-5, 0.14, 0.288, 0.5]) {
      const losses = linearRegressionLosses(problem.X, problem.y, eta, problem.epochs);
      const want = verdictOracle(losses, problem.target);
      expectSame(await ex.call('classifyRun', losses, problem.target), want, `classifyRun(the ${problem.epochs}-epoch run with η = ${eta})`);
    }
  });
});
