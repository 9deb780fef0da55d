/**
 * Exercise 06 — the classification MLP (public tests).
 * Softmax and the cross-entropies against log-sum-exp oracles, gradients against central differences
 * of the trusted loss; the classifier is trained in the sandbox and scored here on held-out data.
 */
import { startedExercise } from '../support/sandbox';
import type { CallWithArgs } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { expectCloseDiagnosed, hasNonFinite } from '../support/diagnose';
import { crossEntropyGradientMistakes, crossEntropyMistakes, softmaxCrossEntropyGradientMistakes } from '../support/loss-mistakes';
import { OracleNet, accuracy, lossOracle, mulberry32, netNumericalGradients, numericalGradient, oneHot, randomMatrix, randomNet, softmaxOracle } from '../support/oracles';
import { loadTable, split } from '../support/course-data';
import { expectArgsUnchanged, expectFreshResult, expectObject, expectShape, fail, show } from '../support/teach';

const ex = startedExercise('06-classification');

const labels = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]];
const logits = [[2, 0.5, -1], [0.1, 0.2, 0.3], [-1, 3, 0], [1, 1, 1]];
const probabilities = logits.map(softmaxOracle);

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

const GRAD_HINTS: Record<string, string> = {
  loss: 'run the forward pass first: Z1 = XW1 + b1, H = φ(Z1), Z2 = HW2 + b2, then the cross-entropy of softmax(Z2), averaged over the n samples.',
  dW2: 'dW2 = Hᵀδ2 with H the hidden ACTIVATIONS (after φ) and δ2 = (softmax(Z2) − Y)/n.',
  db2: 'db2 sums δ2 over the samples (rows).',
  dW1: 'δ1 = (δ2·W2ᵀ) ⊙ φ\'(Z1), then dW1 = Xᵀδ1: the derivative of the network\'s own hidden activation (net.hidden), at Z1.',
  db1: 'db1 sums δ1 over the samples; do not forget it.',
};

/** Calls backpropSoftmaxCrossEntropy and compares every part with numerical gradients. */
async function checkGradients(net: OracleNet, X: number[][], Y: number[][], label: string): Promise<void> {
  const want = netNumericalGradients(net, X, Y, 'softmaxCrossEntropy');
  const got = expectObject(await ex.call('backpropSoftmaxCrossEntropy', net, X, Y), ['loss', 'dW1', 'db1', 'dW2', 'db2'], `backpropSoftmaxCrossEntropy(${label})`);
  for (const key of ['loss', 'dW2', 'db2', 'dW1', 'db1'] as const) {
    expectClose(got[key], want[key], { atol: 1e-6, rtol: 1e-4, what: `backpropSoftmaxCrossEntropy(${label}).${key}`, hint: GRAD_HINTS[key] });
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

describe('exercise 06-classification: the classification MLP', () => {
  it('[06-classification.softmax.values] softmax(z) is positive, sums to 1 and keeps the order of z', async () => {
    for (const z of [[1, 2, 3], [0, 0], [-1, 0.5, 2, 0.1], [4]]) {
      expectClose(await ex.call<number[]>('softmax', z), softmaxOracle(z), {
        atol: 1e-12, rtol: 1e-9, what: `softmax(${show(z)})`, hint: 'softmax(z)_k = e^(z_k) / Σ_j e^(z_j).',
      });
    }
  });

  it('[06-classification.softmax.inputs-unchanged] softmax returns a new array and leaves z as it was', async () => {
    const z = [3, -1, 0.5, 2];
    const got = await ex.callWith({ returnArgs: true }, 'softmax', z);
    expectShape(got.result, z.length, undefined, `softmax(${show(z)})`);
    expectArgsUnchanged('softmax', ['z'], [z], got.args,
      'subtract the maximum into a new array (z.map((v) => v − max)), not into z: the caller still needs the logits.');
    expectFreshResult('softmax', ['z'], got.result, got.args);
  });

  it('[06-classification.softmax.stable] softmax of large logits stays finite (subtract the maximum first)', async () => {
    for (const z of [[1000, 1001, 1002], [-1000, -1001, -999]]) {
      expectCloseDiagnosed(await ex.call<number[]>('softmax', z), softmaxOracle(z), {
        atol: 1e-12, rtol: 1e-9, what: `softmax(${show(z)})`,
        mistakes: [{ hint: `e^(${z[0]}) ${z[0] > 0 ? 'overflows to ∞ and ∞/∞' : 'underflows to 0 and 0/0'} is NaN: softmax(z) = softmax(z − max(z)), so subtract the largest logit before exponentiating.`, value: hasNonFinite }],
        otherwise: 'softmax(z)_k = e^(z_k − m) / Σ_j e^(z_j − m) with m = max(z): the same probabilities as without m.',
      });
    }
  });

  it('[06-classification.cross-entropy] crossEntropy of probabilities and its gradient −y/(n·p)', async () => {
    expectCloseDiagnosed(await ex.call<number>('crossEntropy', labels, probabilities), lossOracle.crossEntropy(labels, probabilities), {
      rtol: 1e-9, what: 'crossEntropy(one-hot labels [4×3], probabilities)', mistakes: crossEntropyMistakes(labels, probabilities),
      otherwise: '−(1/n) Σ_i Σ_k y_ik·log p_ik: the minus sign, the natural log, and the mean over the n samples (not over n·k).',
    });
    expectCloseDiagnosed(await ex.call<number[][]>('crossEntropyGradient', labels, probabilities), numericalGradient((P) => lossOracle.crossEntropy(labels, P), probabilities), {
      atol: 1e-6, rtol: 1e-5, what: 'crossEntropyGradient(labels, probabilities)', mistakes: crossEntropyGradientMistakes(labels, probabilities),
      otherwise: '∂/∂p_ik of −y_ik·log p_ik / n is −y_ik / (n·p_ik); 0 where y_ik = 0.',
    });
  });

  it('[06-classification.cross-entropy.zero-probability] a probability of 0 for a wrong class costs nothing (0·log 0 counts as 0)', async () => {
    const Y = [[1, 0, 0], [0, 0, 1]];
    const P = [[0.8, 0.2, 0], [0, 0.5, 0.5]];
    expectCloseDiagnosed(await ex.call<number>('crossEntropy', Y, P), lossOracle.crossEntropy(Y, P), {
      rtol: 1e-9, what: `crossEntropy(${show(Y)}, ${show(P)})`, mistakes: crossEntropyMistakes(Y, P), otherwise: 'only the true class\'s probability counts: −(1/n) Σ_i log p_i,true.',
    });
    expectCloseDiagnosed(await ex.call<number[][]>('crossEntropyGradient', Y, P), [[-1 / (2 * 0.8), 0, 0], [0, 0, -1 / (2 * 0.5)]], {
      atol: 1e-12, what: `crossEntropyGradient(${show(Y)}, ${show(P)})`, mistakes: crossEntropyGradientMistakes(Y, P), otherwise: '−y/(n·p) where y = 1, and 0 where y = 0 (whatever p is there).',
    });
  });

  it('[06-classification.softmax-cross-entropy] cross-entropy from logits and its gradient (softmax(z) − y)/n', async () => {
    expectClose(await ex.call<number>('softmaxCrossEntropy', labels, logits), lossOracle.softmaxCrossEntropy(labels, logits), {
      rtol: 1e-9, what: 'softmaxCrossEntropy(labels, logits)', hint: 'log softmax(z)_k = z_k − log Σ_j e^(z_j).',
    });
    expectCloseDiagnosed(await ex.call<number[][]>('softmaxCrossEntropyGradient', labels, logits), numericalGradient((Z) => lossOracle.softmaxCrossEntropy(labels, Z), logits), {
      atol: 1e-7, rtol: 1e-5, what: 'softmaxCrossEntropyGradient(labels, logits)', mistakes: softmaxCrossEntropyGradientMistakes(labels, logits),
      otherwise: 'softmax and cross-entropy together have the simple gradient (softmax(z) − y)/n: prediction minus target.',
    });
  });

  it('[06-classification.backprop.softmax-ce] gradients of a 4-5-3 tanh network, softmax + cross-entropy', async () => {
    const rand = mulberry32(3);
    const net = randomNet(rand, 4, 5, 3, 'tanh');
    const labels = [0, 2, 1, 2, 0, 1];
    await checkGradients(net, randomMatrix(rand, 6, 4), oneHot(labels, 3), '4-5-3 tanh net, 3 classes');
  });

  it('[06-classification.backprop.relu] gradients through a ReLU hidden layer', async () => {
    const rand = mulberry32(5);
    const net = randomNet(rand, 2, 4, 2, 'relu');
    // Inputs chosen so that no hidden pre-activation sits at the kink z = 0.
    await checkGradients(net, [[1, -0.5], [0.3, 0.8], [-1, 0.2]], oneHot([1, 0, 1], 2), '2-4-2 relu net');
  });

  it('[06-classification.classifier.iris] a classifier reaches 90% accuracy on held-out iris flowers', async () => {
    const data = IRIS;
    const got = (await trainIris()).result;
    const acc = accuracy(data.yTest, checkPredictions(got, data.XTest.length, 'trainClassifier(iris): predictions', 3));
    if (!(acc >= 0.9)) fail(`held-out accuracy on ${data.XTest.length} iris flowers`, '≥ 0.9', acc, 'standardise the features with the training set\'s mean and std, use softmax + cross-entropy, and train long enough (watch the loss fall).');
  }, TRAIN_TEST_MS);

  it('[06-classification.classifier.inputs-unchanged] trainClassifier standardises copies: XTrain, yTrain and XTest stay as they were', async () => {
    const run = await trainIris();
    expectArgsUnchanged('trainClassifier', ['XTrain', 'yTrain', 'classes', 'XTest'], [IRIS.XTrain, IRIS.yTrain, 3, IRIS.XTest], run.args,
      'standardise into new rows (XTrain.map((x) => x.map(...))), not into XTrain: the caller still needs the raw data.');
  }, TRAIN_TEST_MS);

  it('[06-classification.classifier.four-classes] the same code with four classes: handwritten 0, 1, 2 and 3', async () => {
    const digits = loadTable('digits');
    const keep = digits.y.map((c, i) => (c < 4 ? i : -1)).filter((i) => i >= 0).slice(0, 300);
    const data = split({ X: keep.map((i) => digits.X[i]), y: keep.map((i) => digits.y[i]) }, 1 / 3, 2);
    const got = await ex.callWith({ timeoutMs: TRAIN_LIMIT_MS }, 'trainClassifier', data.XTrain, data.yTrain, 4, data.XTest);
    const predictions = checkPredictions(got, data.XTest.length, 'trainClassifier(digits 0–3, classes = 4): predictions', 4);
    const acc = accuracy(data.yTest, predictions);
    if (!(acc >= 0.9)) {
      fail(`held-out accuracy on ${data.XTest.length} handwritten digits 0–3`, '≥ 0.9', acc, predictions.includes(3)
        ? 'the code that classifies three iris species must work for four digit classes too: standardise (a blank pixel has std 0) and train long enough.'
        : 'no digit was ever predicted as 3: size the output layer (and the one-hot targets) with the classes argument, not 3.');
    }
  }, TRAIN_TEST_MS);

  it('[06-classification.classifier.constant-feature] a constant feature and a held-out set of one flower: the training set\'s statistics standardise both', async () => {
    // A constant column of zeros (std exactly 0, like the blank pixels of the digits) and a test set
    // of a single setosa flower, whose own std is 0 too.
    const withConstant = (X: number[][]) => X.map((x) => [...x, 0]);
    const setosa = IRIS.XTest[IRIS.yTest.indexOf(0)];
    const got = await ex.callWith({ timeoutMs: TRAIN_LIMIT_MS }, 'trainClassifier', withConstant(IRIS.XTrain), IRIS.yTrain, 3, withConstant([setosa]));
    if (!Array.isArray(got) || got.length !== 1 || !Number.isInteger(got[0]) || got[0] < 0 || got[0] > 2) {
      fail(`trainClassifier(iris + a constant feature, XTest = one setosa flower ${show(setosa)})`, 'one class index, 0', got,
        'no class index: a NaN somewhere? Two mistakes give one here: (1) dividing by the standard deviation 0 of the constant feature (use 1 where the std is 0); (2) standardising the test rows with their own statistics (one row has std 0): use the training set\'s mean and std for every set.');
    }
    if (got[0] !== 0) {
      fail(`trainClassifier(iris + a constant feature, XTest = one setosa flower ${show(setosa)})`, '[0] (setosa)', got,
        'standardise the test rows with the TRAINING set\'s mean and std: standardised with its own statistics, a single flower becomes all zeros, the "average flower".');
    }
  }, TRAIN_TEST_MS);
});
