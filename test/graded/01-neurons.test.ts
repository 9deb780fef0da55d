/**
 * Exercise 01 — the threshold logic unit (public tests).
 * Student code runs in the sandbox; expected values come from test/support/oracles.ts.
 */
import { startedExercise } from '../support/sandbox';
import { expectClose } from '../support/compare';
import { expectCloseDiagnosed } from '../support/diagnose';
import { GATES, GATE_INPUTS, tlu } from '../support/oracles';
import { expectObject, fail, show } from '../support/teach';

const ex = startedExercise('01-neurons');

/** Checks hand-chosen weights by running them through the trusted TLU on the whole truth table. */
async function checkGate(gate: 'and' | 'or' | 'nand'): Promise<void> {
  const got = expectObject(await ex.call('handWeights', gate), ['w', 'b'], `handWeights('${gate}')`);
  const w = got.w as number[];
  const b = got.b as number;
  if (!Array.isArray(w) || w.length !== 2 || !w.every(Number.isFinite) || !Number.isFinite(b)) {
    fail(`handWeights('${gate}') must return two finite weights and a finite bias`, '{ w: [w1, w2], b }', got);
  }
  const outputs = GATE_INPUTS.map((x) => tlu(x, w, b));
  if (outputs.join() !== GATES[gate].join()) {
    fail(`handWeights('${gate}') = { w: ${show(w)}, b: ${show(b)} }: the TLU's outputs on (0,0), (0,1), (1,0), (1,1)`,
      show(GATES[gate]), outputs,
      'the unit fires when x·w + b ≥ 0, so −b is the threshold: pick it between the weighted sums that must give 0 and those that must give 1.');
  }
}

describe('exercise 01-neurons: the threshold logic unit', () => {
  it('[01-neurons.step.values] step(z) is 0 for negative z and 1 for positive z', async () => {
    for (const z of [-3, -0.25, -1e-6, 1e-6, 0.5, 7]) {
      expectClose(await ex.call<number>('step', z), z >= 0 ? 1 : 0, { atol: 0, what: `step(${z})` });
    }
  });

  it('[01-neurons.step.zero] step(0) is 1: the Heaviside step of the course fires at the threshold', async () => {
    expectClose(await ex.call<number>('step', 0), 1, {
      atol: 0, what: 'step(0)', hint: 'the course writes φ(z) = 1 if z ≥ 0: use z >= 0, not z > 0.',
    });
  });

  it('[01-neurons.output.examples] tluOutput(x, w, b) = step(x·w + b), bias included', async () => {
    const cases: [number[], number[], number][] = [
      [[1, 0], [0.5, 0.5], -0.6], // 0.5 − 0.6 < 0: only the bias decides
      [[1, 1], [0.5, 0.5], -0.6],
      [[2, -1, 0.5], [1, 2, -2], 0.5], // 2 − 2 − 1 + 0.5 < 0
      [[0, 0], [3, 3], 0], // z = 0 fires
      [[0, 0], [3, 3], -0.1],
    ];
    for (const [x, w, b] of cases) {
      const z = x.reduce((s, xi, i) => s + xi * w[i], 0);
      expectCloseDiagnosed(await ex.call<number>('tluOutput', x, w, b), tlu(x, w, b), {
        atol: 0, rtol: 0, what: `tluOutput(${show(x)}, ${show(w)}, ${b})`,
        mistakes: [
          { hint: 'the bias is missing: z = Σ x_i·w_i + b, then step(z).', value: z >= 0 ? 1 : 0 },
          { hint: 'at z = 0 the unit fires: step(0) = 1, so test z >= 0, not z > 0.', value: z + b > 0 ? 1 : 0 },
        ],
        otherwise: 'compute z = Σ x_i·w_i + b over every input, then return step(z).',
      });
    }
  });

  it('[01-neurons.gates.and] hand-chosen weights make a TLU compute AND', () => checkGate('and'));
  it('[01-neurons.gates.or] hand-chosen weights make a TLU compute OR', () => checkGate('or'));
  it('[01-neurons.gates.nand] hand-chosen weights make a TLU compute NAND', () => checkGate('nand'));
});
