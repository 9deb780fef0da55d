// ANNLAB-HIDDEN-CANARY
/**
 * Exercise 9 — hidden tests (lecturer only): the rest of Table 10-1, other splits, the digits.
 */
import { startedExercise } from '../support/sandbox';
import type { CallWithArgs } from '../support/sandbox';
import { accuracy, r2 } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectArgsUnchanged, expectObject, fail } from '../support/teach';

// Three training calls with limits of 20 + 30 + 20 s: the budget (60 s by default) must cover them.
const ex = startedExercise('regression-vs-classification', { budgetMs: 120_000 });

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
  'multilabel binary classification': { activation: ['sigmoid'], loss: ['binaryCrossEntropy'], why: 'one sigmoid per label: labels are not exclusive, so no softmax.' },
  'bounded regression in [0, 1]': { activation: ['sigmoid'], loss: ['mse', 'mae', 'huber'], why: 'the sigmoid maps onto (0, 1).' },
  'bounded regression in [-1, 1]': { activation: ['tanh'], loss: ['mse', 'mae', 'huber'], why: 'tanh maps onto (−1, 1).' },
};

function predictions(got: unknown, n: number, what: string): number[] {
  if (!Array.isArray(got) || got.length !== n || !got.every((v) => typeof v === 'number' && Number.isFinite(v))) fail(what, `${n} finite numbers`, got);
  return got as number[];
}

describe('exercise 9 (hidden): regression versus classification', () => {
  async function checkChoice(task: string): Promise<void> {
    const want = TABLE[task];
    const got = expectObject(await ex.call('chooseOutput', task), ['activation', 'loss'], `chooseOutput('${task}')`);
    if (!want.activation.includes(got.activation as string) || !want.loss.includes(got.loss as string)) {
      fail(`chooseOutput('${task}')`, `activation ${want.activation.join(' or ')} with loss ${want.loss.join(' or ')}`, got, `Table 10-1: ${want.why}`);
    }
  }

  it('[regression-vs-classification.output.multilabel] chooseOutput(\'multilabel binary classification\') follows Table 10-1', () => checkChoice('multilabel binary classification'));
  it('[regression-vs-classification.output.bounded-0-1] chooseOutput(\'bounded regression in [0, 1]\') follows Table 10-1', () => checkChoice('bounded regression in [0, 1]'));
  it('[regression-vs-classification.output.bounded-minus-1-1] chooseOutput(\'bounded regression in [-1, 1]\') follows Table 10-1', () => checkChoice('bounded regression in [-1, 1]'));

  it('[regression-vs-classification.classifier.iris-other-split] iris, another split: still 90% held-out accuracy', async () => {
    const data = split(loadTable('iris'), 0.3, 7);
    const got = await ex.callWith({ timeoutMs: 20000 }, 'trainClassifier', data.XTrain, data.yTrain, 3, data.XTest);
    const acc = accuracy(data.yTest, predictions(got, data.XTest.length, 'trainClassifier(iris, other split)'));
    if (!(acc >= 0.9)) fail('held-out accuracy on iris (other split)', '≥ 0.9', acc);
  }, testMs(20_000));

  it('[regression-vs-classification.classifier.digits] the same classifier code reaches 85% on 8×8 digits (10 classes)', async () => {
    const digits = loadTable('digits');
    const data = split({ X: digits.X.slice(0, 600), y: digits.y.slice(0, 600) }, 1 / 3, 3);
    const got = await ex.callWith({ timeoutMs: 30000 }, 'trainClassifier', data.XTrain, data.yTrain, 10, data.XTest);
    const acc = accuracy(data.yTest, predictions(got, data.XTest.length, 'trainClassifier(digits)'));
    if (!(acc >= 0.85)) fail('held-out accuracy on 200 digits', '≥ 0.85', acc, 'use the classes argument for the output size; constant pixels have std 0 — do not divide by it.');
  }, testMs(30_000));

  it('[regression-vs-classification.regressor.diabetes-other-split] diabetes, another split: still R² ≥ 0.35', async () => {
    const data = DIABETES;
    const got = (await trainDiabetes()).result;
    const score = r2(data.yTest, predictions(got, data.XTest.length, 'trainRegressor(diabetes, other split)'));
    if (!(score >= 0.35)) fail('held-out R² on diabetes (other split)', '≥ 0.35', score);
  }, testMs(20_000));

  it('[regression-vs-classification.regressor.inputs-unchanged] trainRegressor scales copies: XTrain, yTrain and XTest stay as they were', async () => {
    const run = await trainDiabetes();
    expectArgsUnchanged('trainRegressor', ['XTrain', 'yTrain', 'XTest'], [DIABETES.XTrain, DIABETES.yTrain, DIABETES.XTest], run.args,
      'standardise features and target into new arrays: the caller still needs the raw data.');
  }, testMs(20_000));
});
