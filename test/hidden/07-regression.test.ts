// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 07 — hidden tests (lecturer only): random shapes, a perfect prediction, the rest of
 * Table 10-1, another diabetes split.
 */
import fc from 'fast-check';
import { startedExercise } from '../support/sandbox';
import type { CallWithArgs } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { lossOracle, mulberry32, numericalGradient, r2, randomMatrix } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectArgsUnchanged, expectObject, fail, property } from '../support/teach';

const ex = startedExercise('07-regression');

/** The jest timeout of a test that makes one training call with limit `ms` (CPU-available
 *  time, up to 3× in wall time for a starved child): beyond the sandbox's own worst case. */
const testMs = (ms: number) => 3 * ms + 15_000;

const DIABETES = split(loadTable('diabetes'), 0.25, 11);
let diabetesRun: Promise<CallWithArgs<unknown>> | undefined;
/** The diabetes regressor is trained once (seeded split); two tests read the run. */
function trainDiabetes(): Promise<CallWithArgs<unknown>> {
  if (!diabetesRun) diabetesRun = ex.callWith({ timeoutMs: 20_000, returnArgs: true }, 'trainRegressor', DIABETES.XTrain, DIABETES.yTrain, DIABETES.XTest);
  return diabetesRun;
}

const TABLE: Record<string, { activation: string[]; loss: string[]; why: string }> = {
  'bounded regression in [0, 1]': { activation: ['sigmoid'], loss: ['mse', 'mae', 'huber'], why: 'the sigmoid maps onto (0, 1).' },
  'bounded regression in [-1, 1]': { activation: ['tanh'], loss: ['mse', 'mae', 'huber'], why: 'tanh maps onto (−1, 1).' },
};

function predictions(got: unknown, n: number, what: string): number[] {
  if (!Array.isArray(got) || got.length !== n || !got.every((v) => typeof v === 'number' && Number.isFinite(v))) fail(what, `${n} finite numbers`, got);
  return got as number[];
}

describe('exercise 07-regression (hidden): the regression MLP', () => {
  async function checkChoice(task: string): Promise<void> {
    const want = TABLE[task];
    const got = expectObject(await ex.call('chooseOutput', task), ['activation', 'loss'], `chooseOutput('${task}')`);
    if (!want.activation.includes(got.activation as string) || !want.loss.includes(got.loss as string)) {
      fail(`chooseOutput('${task}')`, `activation ${want.activation.join(' or ')} with loss ${want.loss.join(' or ')}`, got, `Table 10-1: ${want.why}`);
    }
  }

  it('[07-regression.losses.random] mse, mae and huber with their gradients on random shapes', async () => {
    const caseArb = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), n: fc.integer({ min: 1, max: 6 }), k: fc.integer({ min: 1, max: 4 }), delta: fc.constantFrom(0.5, 1, 3) });
    await property(caseArb, async ({ seed, n, k, delta }) => {
      const rand = mulberry32(seed);
      const t = randomMatrix(rand, n, k, -3, 3);
      const p = randomMatrix(rand, n, k, -3, 3);
      const shape = `[${n}×${k}]`;
      expectClose(await ex.call<number>('mse', t, p), lossOracle.mse(t, p), { rtol: 1e-9, what: `mse ${shape}`, hint: 'the mean over all n·k entries, for any shape.' });
      expectClose(await ex.call<number>('mae', t, p), lossOracle.mae(t, p), { rtol: 1e-9, what: `mae ${shape}` });
      expectClose(await ex.call<number>('huber', t, p, delta), lossOracle.huber(t, p, delta), { rtol: 1e-9, what: `huber ${shape}, δ = ${delta}`, hint: 'use the δ argument: e²/2 inside |e| ≤ δ, δ(|e| − δ/2) outside.' });
      expectClose(await ex.call<number[][]>('mseGradient', t, p), numericalGradient((P) => lossOracle.mse(t, P), p), { atol: 1e-6, rtol: 1e-5, what: `mseGradient ${shape}` });
      expectClose(await ex.call<number[][]>('huberGradient', t, p, delta), numericalGradient((P) => lossOracle.huber(t, P, delta), p), { atol: 1e-6, rtol: 1e-5, what: `huberGradient ${shape}, δ = ${delta}`, hint: 'e inside |e| ≤ δ, δ·sign(e) outside, divided by n·k.' });
    }, { seed: 42, numRuns: 20 });
  });

  it('[07-regression.losses.perfect] a perfect prediction has loss 0 and gradient 0', async () => {
    const Y = [[0.5, -2]];
    expectClose(await ex.call<number>('mse', Y, Y), 0, { atol: 0, what: 'mse(y, y)' });
    expectClose(await ex.call<number[][]>('maeGradient', Y, Y), [[0, 0]], { atol: 0, what: 'maeGradient(y, y)', hint: 'sign(0) = 0: no error, no push.' });
    expectClose(await ex.call<number[][]>('huberGradient', Y, Y, 1), [[0, 0]], { atol: 0, what: 'huberGradient(y, y, 1)' });
  });

  it('[07-regression.output.bounded-0-1] chooseOutput(\'bounded regression in [0, 1]\') follows Table 10-1', () => checkChoice('bounded regression in [0, 1]'));

  it('[07-regression.output.bounded-minus-1-1] chooseOutput(\'bounded regression in [-1, 1]\') follows Table 10-1', () => checkChoice('bounded regression in [-1, 1]'));

  it('[07-regression.regressor.diabetes-other-split] diabetes, another split: still R² ≥ 0.35', async () => {
    const data = DIABETES;
    const got = (await trainDiabetes()).result;
    const score = r2(data.yTest, predictions(got, data.XTest.length, 'trainRegressor(diabetes, other split)'));
    if (!(score >= 0.35)) fail('held-out R² on diabetes (other split)', '≥ 0.35', score);
  }, testMs(20_000));

  it('[07-regression.regressor.inputs-unchanged] trainRegressor scales copies: XTrain, yTrain and XTest stay as they were', async () => {
    const run = await trainDiabetes();
    expectArgsUnchanged('trainRegressor', ['XTrain', 'yTrain', 'XTest'], [DIABETES.XTrain, DIABETES.yTrain, DIABETES.XTest], run.args,
      'standardise features and target into new arrays: the caller still needs the raw data.');
  }, testMs(20_000));
});
