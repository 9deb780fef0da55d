/**
 * Exercise 5 — losses and their gradients (public tests).
 * Gradients are compared with numerical gradients of the trusted losses.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { lossOracle, numericalGradient, softmaxOracle } from '../support/oracles';

const ex = startedExercise('losses');

const yTrue = [[1.5, -0.5], [0, 2], [3, 1]];
const yPred = [[1, 0.5], [0.25, 2.5], [0.5, 1.2]]; // errors −0.5, 1, 0.25, 0.5, −2.5, 0.2: inside and outside δ = 1

const labels = [[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]];
const logits = [[2, 0.5, -1], [0.1, 0.2, 0.3], [-1, 3, 0], [1, 1, 1]];
const probabilities = logits.map(softmaxOracle);

const MEAN_HINT = 'average over every entry (n samples × k outputs), not only over the samples.';
const GRAD_HINT = 'differentiate the mean too: each entry\'s gradient carries the factor 1/(n·k).';

describe('exercise 5: losses', () => {
  it('[losses.mse.value] mse = mean of (ŷ − y)²', async () => {
    expectClose(await ex.call<number>('mse', yTrue, yPred), lossOracle.mse(yTrue, yPred), { rtol: 1e-9, what: 'mse(yTrue [3×2], yPred)', hint: MEAN_HINT });
  });

  it('[losses.mse.gradient] mseGradient = 2(ŷ − y)/(nk)', async () => {
    expectClose(await ex.call<number[][]>('mseGradient', yTrue, yPred), numericalGradient((P) => lossOracle.mse(yTrue, P), yPred), {
      atol: 1e-7, rtol: 1e-5, what: 'mseGradient(yTrue, yPred) against the numerical gradient', hint: `the sign follows (ŷ − y): predicting too high gives a positive gradient. ${GRAD_HINT}`,
    });
  });

  it('[losses.mae] mae = mean |ŷ − y| and its gradient sign(ŷ − y)/(nk)', async () => {
    expectClose(await ex.call<number>('mae', yTrue, yPred), lossOracle.mae(yTrue, yPred), { rtol: 1e-9, what: 'mae(yTrue, yPred)', hint: MEAN_HINT });
    expectClose(await ex.call<number[][]>('maeGradient', yTrue, yPred), numericalGradient((P) => lossOracle.mae(yTrue, P), yPred), {
      atol: 1e-7, rtol: 1e-5, what: 'maeGradient(yTrue, yPred)', hint: `|e| has slope sign(e) = ±1 whatever the size of the error. ${GRAD_HINT}`,
    });
  });

  it('[losses.huber] huber (δ = 1 and δ = 2) and its gradient', async () => {
    for (const delta of [1, 2]) {
      expectClose(await ex.call<number>('huber', yTrue, yPred, delta), lossOracle.huber(yTrue, yPred, delta), {
        rtol: 1e-9, what: `huber(yTrue, yPred, ${delta})`, hint: 'ℓ(e) = e²/2 when |e| ≤ δ, else δ(|e| − δ/2); then the mean over all entries.',
      });
      expectClose(await ex.call<number[][]>('huberGradient', yTrue, yPred, delta), numericalGradient((P) => lossOracle.huber(yTrue, P, delta), yPred), {
        atol: 1e-7, rtol: 1e-5, what: `huberGradient(yTrue, yPred, ${delta})`, hint: `e where |e| ≤ δ, δ·sign(e) beyond: the gradient is capped, which is why Huber resists outliers. ${GRAD_HINT}`,
      });
    }
  });

  it('[losses.cross-entropy] crossEntropy of probabilities and its gradient −y/(n·p)', async () => {
    expectClose(await ex.call<number>('crossEntropy', labels, probabilities), lossOracle.crossEntropy(labels, probabilities), {
      rtol: 1e-9, what: 'crossEntropy(one-hot labels [4×3], probabilities)', hint: '−(1/n) Σ_i Σ_k y_ik·log p_ik: the minus sign, the natural log, and the mean over the n samples (not over n·k).',
    });
    expectClose(await ex.call<number[][]>('crossEntropyGradient', labels, probabilities), numericalGradient((P) => lossOracle.crossEntropy(labels, P), probabilities), {
      atol: 1e-6, rtol: 1e-5, what: 'crossEntropyGradient(labels, probabilities)', hint: '∂/∂p_ik of −y_ik·log p_ik / n is −y_ik / (n·p_ik); 0 where y_ik = 0.',
    });
  });

  it('[losses.softmax-cross-entropy] cross-entropy from logits and its gradient (softmax(z) − y)/n', async () => {
    expectClose(await ex.call<number>('softmaxCrossEntropy', labels, logits), lossOracle.softmaxCrossEntropy(labels, logits), {
      rtol: 1e-9, what: 'softmaxCrossEntropy(labels, logits)', hint: 'log softmax(z)_k = z_k − log Σ_j e^(z_j).',
    });
    expectClose(await ex.call<number[][]>('softmaxCrossEntropyGradient', labels, logits), numericalGradient((Z) => lossOracle.softmaxCrossEntropy(labels, Z), logits), {
      atol: 1e-7, rtol: 1e-5, what: 'softmaxCrossEntropyGradient(labels, logits)', hint: 'softmax and cross-entropy together have the simple gradient (ŷ − y)/n: prediction minus target.',
    });
  });
});
