/**
 * Exercise 07 — the regression MLP (public tests).
 * Losses against their formulas, gradients against numerical gradients of the trusted losses,
 * Table 10-1 as a table of accepted answers; the regressor is trained in the sandbox and scored here.
 */
import { startedExercise } from '../support/sandbox';
import { expectCloseDiagnosed } from '../support/diagnose';
import { huberGradientMistakes, huberMistakes, maeGradientMistakes, maeMistakes, mseGradientMistakes, mseMistakes } from '../support/loss-mistakes';
import { lossOracle, numericalGradient, r2 } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectObject, fail, show } from '../support/teach';

const ex = startedExercise('07-regression');

/** Per-call limit of a training call (CPU-available time: a starved child gets up to 3× in
 *  wall time), and the jest timeout of a test that makes one: longer than the sandbox's own
 *  worst case, so that a slow machine ends in the sandbox's teaching message, not jest's. */
const TRAIN_LIMIT_MS = 20_000;
const TRAIN_TEST_MS = 3 * TRAIN_LIMIT_MS + 15_000;

const yTrue = [[1.5, -0.5], [0, 2], [3, 1]];
const yPred = [[1, 0.5], [0.25, 2.5], [0.5, 1.2]]; // errors −0.5, 1, 0.25, 0.5, −2.5, 0.2: inside and outside δ = 1

const GRAD_HINT = 'differentiate the mean too: each entry\'s gradient carries the factor 1/(n·k).';

/** Table 10-1 (Géron): the answers accepted for each description. */
const TABLE: Record<string, { activation: string[]; loss: string[]; why: string }> = {
  'binary classification': { activation: ['sigmoid'], loss: ['binaryCrossEntropy'], why: 'one output: the probability of the positive class (sigmoid), trained with binary cross-entropy.' },
  'multiclass classification': { activation: ['softmax'], loss: ['crossEntropy'], why: 'exclusive classes: softmax gives probabilities that sum to 1; cross-entropy is the loss.' },
  regression: { activation: ['none'], loss: ['mse'], why: 'an unbounded target needs no output activation; MSE is the default loss.' },
  'regression with outliers': { activation: ['none'], loss: ['huber', 'mae'], why: 'MSE squares an outlier\'s error; MAE or Huber grow only linearly far from 0.' },
  'positive regression': { activation: ['relu', 'softplus'], loss: ['mse', 'mae', 'huber'], why: 'ReLU or softplus keep every output ≥ 0.' },
};

async function checkChoice(task: string): Promise<void> {
  const want = TABLE[task];
  const got = expectObject(await ex.call('chooseOutput', task), ['activation', 'loss'], `chooseOutput('${task}')`);
  if (!want.activation.includes(got.activation as string) || !want.loss.includes(got.loss as string)) {
    fail(`chooseOutput('${task}')`, `activation ${want.activation.map((a) => `'${a}'`).join(' or ')} with loss ${want.loss.map((l) => `'${l}'`).join(' or ')}`, got, `Table 10-1: ${want.why}`);
  }
}

function checkPredictions(got: unknown, n: number, what: string, classes?: number): number[] {
  if (!Array.isArray(got) || got.length !== n || !got.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    fail(what, `${n} finite numbers, one prediction per test row`, got);
  }
  if (classes !== undefined && !got.every((v) => Number.isInteger(v) && v >= 0 && v < classes)) {
    fail(what, `class indices 0..${classes - 1}`, got, 'return the index of the most probable class (argmax), not the probabilities.');
  }
  return got as number[];
}

describe('exercise 07-regression: the regression MLP', () => {
  it('[07-regression.mse.value] mse = mean of (ŷ − y)²', async () => {
    expectCloseDiagnosed(await ex.call<number>('mse', yTrue, yPred), lossOracle.mse(yTrue, yPred), {
      rtol: 1e-9, what: 'mse(yTrue [3×2], yPred)', mistakes: mseMistakes(yTrue, yPred), otherwise: 'mse = (1/(n·k)) Σ (ŷ − y)²: square each error, then average over every entry.',
    });
  });

  it('[07-regression.mse.gradient] mseGradient = 2(ŷ − y)/(nk)', async () => {
    expectCloseDiagnosed(await ex.call<number[][]>('mseGradient', yTrue, yPred), numericalGradient((P) => lossOracle.mse(yTrue, P), yPred), {
      atol: 1e-7, rtol: 1e-5, what: 'mseGradient(yTrue, yPred) against the numerical gradient', mistakes: mseGradientMistakes(yTrue, yPred), otherwise: `each entry's gradient is 2(ŷ − y)/(n·k). ${GRAD_HINT}`,
    });
  });

  it('[07-regression.mae] mae = mean |ŷ − y| and its gradient sign(ŷ − y)/(nk)', async () => {
    expectCloseDiagnosed(await ex.call<number>('mae', yTrue, yPred), lossOracle.mae(yTrue, yPred), {
      rtol: 1e-9, what: 'mae(yTrue, yPred)', mistakes: maeMistakes(yTrue, yPred), otherwise: 'mae = (1/(n·k)) Σ |ŷ − y|.',
    });
    expectCloseDiagnosed(await ex.call<number[][]>('maeGradient', yTrue, yPred), numericalGradient((P) => lossOracle.mae(yTrue, P), yPred), {
      atol: 1e-7, rtol: 1e-5, what: 'maeGradient(yTrue, yPred)', mistakes: maeGradientMistakes(yTrue, yPred), otherwise: `|e| has slope sign(e) = ±1 whatever the size of the error. ${GRAD_HINT}`,
    });
  });

  it('[07-regression.huber] huber (δ = 1 and δ = 2) and its gradient', async () => {
    for (const delta of [1, 2]) {
      expectCloseDiagnosed(await ex.call<number>('huber', yTrue, yPred, delta), lossOracle.huber(yTrue, yPred, delta), {
        rtol: 1e-9, what: `huber(yTrue, yPred, ${delta})`, mistakes: huberMistakes(yTrue, yPred, delta), otherwise: 'ℓ(e) = e²/2 when |e| ≤ δ, else δ(|e| − δ/2); then the mean over all entries.',
      });
      expectCloseDiagnosed(await ex.call<number[][]>('huberGradient', yTrue, yPred, delta), numericalGradient((P) => lossOracle.huber(yTrue, P, delta), yPred), {
        atol: 1e-7, rtol: 1e-5, what: `huberGradient(yTrue, yPred, ${delta})`, mistakes: huberGradientMistakes(yTrue, yPred, delta), otherwise: `e where |e| ≤ δ, δ·sign(e) beyond: the gradient is capped, which is why Huber resists outliers. ${GRAD_HINT}`,
      });
    }
  });

  it('[07-regression.output.binary] chooseOutput(\'binary classification\') follows Table 10-1', () => checkChoice('binary classification'));
  it('[07-regression.output.multiclass] chooseOutput(\'multiclass classification\') follows Table 10-1', () => checkChoice('multiclass classification'));
  it('[07-regression.output.regression] chooseOutput(\'regression\') follows Table 10-1', () => checkChoice('regression'));
  it('[07-regression.output.outliers] chooseOutput(\'regression with outliers\') follows Table 10-1', () => checkChoice('regression with outliers'));
  it('[07-regression.output.positive] chooseOutput(\'positive regression\') follows Table 10-1', () => checkChoice('positive regression'));

  it('[07-regression.regressor.diabetes] a regressor reaches R² ≥ 0.35 on held-out diabetes patients', async () => {
    const data = split(loadTable('diabetes'), 0.25, 1);
    const got = await ex.callWith({ timeoutMs: TRAIN_LIMIT_MS }, 'trainRegressor', data.XTrain, data.yTrain, data.XTest);
    const score = r2(data.yTest, checkPredictions(got, data.XTest.length, 'trainRegressor(diabetes): predictions'));
    if (!(score >= 0.35)) {
      fail(`held-out R² on ${data.XTest.length} diabetes patients`, '≥ 0.35', score,
        `standardise features and target (the raw target is in the hundreds), use an identity output with MSE, and undo the target's scaling on the predictions. ${show(score) === 'NaN' ? 'NaN: a learning rate too large for unscaled data?' : ''}`);
    }
  }, TRAIN_TEST_MS);
});
