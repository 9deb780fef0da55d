/**
 * Exercise 03 (notebook 03-perceptron-limits) — XOR and the perceptron's limits.
 * One TLU draws one line, and no line separates XOR. Two layers of TLUs do (Géron, Fig. 10-6):
 * a hidden layer computes OR and NAND of the inputs, and an output TLU computes the AND of the two:
 * XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)). A hand-made feature x1·x2 is the other way out.
 */
// Reuse your own exercises here, e.g. `import { handWeights, tluOutput } from './01-neurons';` and `import { trainPerceptron } from './02-perceptron';`.
import { NotImplemented } from './not-implemented';

/** The hidden layer of the XOR network for one input [x1, x2]: [OR(x1, x2), NAND(x1, x2)], two TLUs with hand-chosen weights. */
export function xorHiddenLayer(x: number[]): number[] {
  throw new NotImplemented('xorHiddenLayer', 'notebooks/03-perceptron-limits.ipynb, section "XOR by hand: two layers of TLUs"');
}

/** XOR of one input [x1, x2] by two layers of TLUs: the AND of the hidden layer's outputs. */
export function xorByHand(x: number[]): number {
  throw new NotImplemented('xorByHand', 'notebooks/03-perceptron-limits.ipynb, section "XOR by hand: two layers of TLUs"');
}

/** Whether the perceptron (trained from zeros with η = 1) finds an error-free epoch within maxEpochs: the course's test of linear separability. */
export function isLinearlySeparable(X: number[][], Y: number[][], maxEpochs: number): boolean {
  throw new NotImplemented('isLinearlySeparable', 'notebooks/03-perceptron-limits.ipynb, section "XOR"');
}

/** The hybrid approach to XOR: each row [x1, x2] becomes [x1, x2, x1·x2]. */
export function addProductFeature(X: number[][]): number[][] {
  throw new NotImplemented('addProductFeature', 'notebooks/03-perceptron-limits.ipynb, section "The hybrid approach: a hand-made feature"');
}
