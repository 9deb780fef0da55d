/**
 * Run by resident.test.ts in a Node started with --experimental-wasm-relaxed-simd: there the
 * resident step loads its relaxed-SIMD build (as the matrix kernels do). Trains a W3-like network
 * both ways and prints, as JSON, the kernels' name, whether the resident step ran, and the largest
 * relative differences of the epoch losses and of the weights (relative to each array's scale).
 */
import { MLP } from '../../../src/engine/mlp';
import { ResidentNet, useResidentTraining } from '../../../src/engine/mlp/resident';
import { defaultKernels } from '../../../src/engine/matrix';
import { seededRng } from '../../../src/engine/rng';

const rng = seededRng(8);
const X = Array.from({ length: 200 }, () => Array.from({ length: 64 }, () => rng.uniform(0, 1)));
const y = X.map((r) => Math.floor(r[3] * 10) % 10);
const make = () => new MLP({ inputs: 64, layers: [{ units: 40, activation: 'tanh' }, { units: 10, activation: 'softmax' }], seed: 2 });
const train = (resident: boolean) => {
  useResidentTraining(resident);
  const m = make();
  const used = ResidentNet.create(m.layers, (m as unknown as { head: never }).head, 32, 'sgd') !== null;
  const h = m.fit(X, y, { epochs: 3, batchSize: 32, learningRate: 0.1, seed: 3 });
  return { used, loss: h.loss, params: m.getParameters() };
};
const ref = train(false);
const fast = train(true);
let loss = 0;
fast.loss.forEach((l, i) => (loss = Math.max(loss, Math.abs(l - ref.loss[i]) / ref.loss[i])));
let weights = 0;
ref.params.forEach((p, i) => {
  const scale = Math.max(...Array.from(p, Math.abs));
  p.forEach((v, k) => (weights = Math.max(weights, Math.abs(fast.params[i][k] - v) / scale)));
});
process.stdout.write(JSON.stringify({ kernels: defaultKernels.name, used: [ref.used, fast.used], loss, weights }) + '\n');
