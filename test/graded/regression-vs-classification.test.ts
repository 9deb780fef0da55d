/**
 * Exercise 9 — regression versus classification (public tests).
 * The data is read HERE and passed in as arrays; predictions come back and are scored here.
 */
import { startedExercise } from '../support/sandbox';
import type { CallWithArgs } from '../support/sandbox';
import { accuracy, r2 } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectArgsUnchanged, expectObject, fail, show } from '../support/teach';

const ex = startedExercise('regression-vs-classification');

/** Per-call limit of a training call (CPU-available time: a starved child gets up to 3× in
 *  wall time), and the jest timeout of a test that makes one: longer than the sandbox's own
 *  worst case, so that a slow machine ends in the sandbox's teaching message, not jest's. */
const TRAIN_LIMIT_MS = 20_000;
const TRAIN_TEST_MS = 3 * TRAIN_LIMIT_MS + 15_000;

const IRIS = split(loadTable('iris'), 0.3, 1);
let irisRun: Promise<CallWithArgs<unknown>> | undefined;
/** The iris classifier is trained once (seeded split, same inputs); two tests read the run. */
function trainIris(): Promise<CallWithArgs<unknown>> {
  if (!irisRun) irisRun = ex.callWith({ timeoutMs: TRAIN_LIMIT_MS, returnArgs: true }, 'trainClassifier', IRIS.XTrain, IRIS.yTrain, 3, IRIS.XTest);
  return irisRun;
}

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

describe('exercise 9: regression versus classification', () => {
  it('[regression-vs-classification.output.binary] chooseOutput(\'binary classification\') follows Table 10-1', () => checkChoice('binary classification'));
  it('[regression-vs-classification.output.multiclass] chooseOutput(\'multiclass classification\') follows Table 10-1', () => checkChoice('multiclass classification'));
  it('[regression-vs-classification.output.regression] chooseOutput(\'regression\') follows Table 10-1', () => checkChoice('regression'));
  it('[regression-vs-classification.output.outliers] chooseOutput(\'regression with outliers\') follows Table 10-1', () => checkChoice('regression with outliers'));
  it('[regression-vs-classification.output.positive] chooseOutput(\'positive regression\') follows Table 10-1', () => checkChoice('positive regression'));

  it('[regression-vs-classification.classifier.iris] a classifier reaches 90% accuracy on held-out iris flowers', async () => {
    const data = IRIS;
    const got = (await trainIris()).result;
    const acc = accuracy(data.yTest, checkPredictions(got, data.XTest.length, 'trainClassifier(iris): predictions', 3));
    if (!(acc >= 0.9)) fail(`held-out accuracy on ${data.XTest.length} iris flowers`, '≥ 0.9', acc, 'standardise the features with the training set\'s mean and std, use softmax + cross-entropy, and train long enough (watch the loss fall).');
  }, TRAIN_TEST_MS);

  it('[regression-vs-classification.classifier.inputs-unchanged] trainClassifier standardises copies: XTrain, yTrain and XTest stay as they were', async () => {
    const run = await trainIris();
    expectArgsUnchanged('trainClassifier', ['XTrain', 'yTrain', 'classes', 'XTest'], [IRIS.XTrain, IRIS.yTrain, 3, IRIS.XTest], run.args,
      'standardise into new rows (XTrain.map((x) => x.map(...))), not into XTrain: the caller still needs the raw data.');
  }, TRAIN_TEST_MS);

  it('[regression-vs-classification.regressor.diabetes] a regressor reaches R² ≥ 0.35 on held-out diabetes patients', async () => {
    const data = split(loadTable('diabetes'), 0.25, 1);
    const got = await ex.callWith({ timeoutMs: TRAIN_LIMIT_MS }, 'trainRegressor', data.XTrain, data.yTrain, data.XTest);
    const score = r2(data.yTest, checkPredictions(got, data.XTest.length, 'trainRegressor(diabetes): predictions'));
    if (!(score >= 0.35)) {
      fail(`held-out R² on ${data.XTest.length} diabetes patients`, '≥ 0.35', score,
        `standardise features and target (the raw target is in the hundreds), use an identity output with MSE, and undo the target's scaling on the predictions. ${show(score) === 'NaN' ? 'NaN: a learning rate too large for unscaled data?' : ''}`);
    }
  }, TRAIN_TEST_MS);
});
