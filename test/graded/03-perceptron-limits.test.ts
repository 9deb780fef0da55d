/**
 * Exercise 03 — XOR and the perceptron's limits (public tests).
 * The XOR network of TLUs is checked on the whole truth table; when it is wrong, the hint names
 * the gate the student's units actually computed.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { GATES, GATE_INPUTS, trainPerceptronOracle } from '../support/oracles';
import { expectSame, fail, show } from '../support/teach';
import { gateOf } from '../support/gates';

const ex = startedExercise('03-perceptron-limits');

const truth = (gate: keyof typeof GATES) => GATES[gate].map((y) => [y]);

/** What the hidden layer's outputs say about the usual wiring mistakes. */
function hiddenHint(received: number[][]): string {
  const units = [0, 1].map((u) => gateOf(received.map((row) => row[u])));
  if (units[0] === 'nand' && units[1] === 'or') return 'the two units are swapped: the order is [OR, NAND].';
  const hints: string[] = [];
  if (units[0] && units[0] !== 'or') hints.push(`the first unit computes ${units[0].toUpperCase()}, not OR`);
  if (units[1] === 'and') hints.push('the second unit computes AND, not NAND: NAND is AND with every sign flipped (weights and bias)');
  else if (units[1] && units[1] !== 'nand') hints.push(`the second unit computes ${units[1].toUpperCase()}, not NAND`);
  if (hints.length) return `${hints.join('; ')}. Use handWeights('or') and handWeights('nand') from exercise 01.`;
  return 'each hidden unit is one TLU: tluOutput(x, w, b) with the weights of handWeights(\'or\') and handWeights(\'nand\') from exercise 01.';
}

/** What a wrong XOR truth table says about the wiring. */
function networkHint(received: number[]): string {
  const gate = gateOf(received);
  if (gate === 'and') return 'you got AND: AND(OR, AND) is AND again; the hidden layer needs NAND, not AND.';
  if (gate === 'or' || gate === 'nand') return `you got ${gate.toUpperCase()}, the output of one hidden unit: the output unit must combine both hidden outputs with AND.`;
  if (gate === 'xnor') return 'you got XNOR, every output flipped: the output unit is AND (weights [1, 1], bias −1.5), not NAND or NOR.';
  return 'XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)): feed xorHiddenLayer(x) into a TLU with the weights of handWeights(\'and\').';
}

describe('exercise 03-perceptron-limits: XOR', () => {
  it('[03-perceptron-limits.xor.hidden-layer] the hidden layer computes [OR, NAND] of the inputs', async () => {
    const received: number[][] = [];
    for (const x of GATE_INPUTS) {
      const got = await ex.call<number[]>('xorHiddenLayer', x);
      if (!Array.isArray(got) || got.length !== 2 || !got.every((v) => v === 0 || v === 1)) {
        fail(`xorHiddenLayer(${show(x)})`, 'two outputs 0 or 1: [OR(x1, x2), NAND(x1, x2)]', got, 'each hidden unit is a TLU, whose output is step(z): 0 or 1.');
      }
      received.push(got);
    }
    const want = GATE_INPUTS.map((_, i) => [GATES.or[i], GATES.nand[i]]);
    expectClose(received, want, { atol: 0, what: 'xorHiddenLayer on (0,0), (0,1), (1,0), (1,1)', hint: hiddenHint(received) });
  });

  it('[03-perceptron-limits.xor.network] two layers of TLUs compute XOR', async () => {
    const received: number[] = [];
    for (const x of GATE_INPUTS) received.push(await ex.call<number>('xorByHand', x));
    expectClose(received, GATES.xor, { atol: 0, what: 'xorByHand on (0,0), (0,1), (1,0), (1,1)', hint: networkHint(received) });
  });

  it('[03-perceptron-limits.separable.gates] the perceptron finishes AND and OR, never XOR', async () => {
    for (const gate of ['and', 'or', 'xor'] as const) {
      const want = trainPerceptronOracle(GATE_INPUTS, truth(gate), 1, 50).converged;
      expectSame(await ex.call('isLinearlySeparable', GATE_INPUTS, truth(gate), 50), want, `isLinearlySeparable(${gate.toUpperCase()}, 50 epochs)`,
        'train with your trainPerceptron (η = 1, from zeros) and return its converged flag.');
    }
  });

  it('[03-perceptron-limits.product-feature.values] addProductFeature appends x1·x2 to each row', async () => {
    const want = GATE_INPUTS.map(([a, c]) => [a, c, a * c]);
    expectClose(await ex.call<number[][]>('addProductFeature', GATE_INPUTS), want, { atol: 0, what: 'addProductFeature(XOR inputs)', hint: 'each row [x1, x2] becomes [x1, x2, x1·x2].' });
  });

  it('[03-perceptron-limits.product-feature.separable] with the feature x1·x2, XOR becomes separable', async () => {
    const mapped = GATE_INPUTS.map(([a, c]) => [a, c, a * c]);
    expectSame(trainPerceptronOracle(mapped, truth('xor'), 1, 50).converged, true, 'the course\'s perceptron on [x1, x2, x1·x2]');
    expectSame(await ex.call('isLinearlySeparable', mapped, truth('xor'), 50), true, 'isLinearlySeparable([x1, x2, x1·x2], XOR, 50 epochs)',
      'isLinearlySeparable must work for any number of inputs: use X[0].length, not 2.');
  });
});
