/**
 * Contender "synaptic": Architect.Perceptron trained by its Trainer, one update per sample,
 * logistic output (no softmax), its own random start. A different network from the workload's:
 * shown for speed, not compared on loss.
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const synaptic = require('synaptic');
const version = require('synaptic/package.json').version;

runChild((data) => ({ sameStart: false, sameOrder: false, sameNetwork: data.spec.id === 'W1', precision: 'f64',
  notes: `synaptic ${version}: one update per sample, own random start${data.spec.id === 'W1' ? '' : ', logistic outputs + cross-entropy (no softmax)'}` }),
(data: WorkloadData) => {
  const { spec } = data;
  const L = spec.sizes.length - 1;
  const k = spec.sizes[L];
  const d = spec.sizes[0];
  const set = [];
  for (let i = 0; i < spec.n; i++) {
    set.push({ input: Array.from(data.X.subarray(i * d, (i + 1) * d)), output: Array.from(data.Y.subarray(i * k, (i + 1) * k)) });
  }
  const net = new synaptic.Architect.Perceptron(...spec.sizes);
  const squash = { sigmoid: synaptic.Neuron.squash.LOGISTIC, tanh: synaptic.Neuron.squash.TANH, relu: synaptic.Neuron.squash.ReLU }[spec.hidden];
  for (const layer of net.layers.hidden) layer.set({ squash });
  const trainer = new synaptic.Trainer(net);
  return {
    train() {
      trainer.train(set, { rate: spec.learningRate, iterations: spec.epochs, error: -1, shuffle: false,
        cost: spec.loss === 'mse' ? synaptic.Trainer.cost.MSE : synaptic.Trainer.cost.CROSS_ENTROPY });
    },
    outputs() {
      const out = new Float64Array(spec.n * k);
      for (let i = 0; i < spec.n; i++) {
        const o: number[] = net.activate(set[i].input);
        if (spec.output === 'softmax') {
          const s = o.reduce((a, v) => a + Math.max(v, 1e-12), 0);
          o.forEach((v, j) => (out[i * k + j] = Math.max(v, 1e-12) / s));
        } else out.set(o, i * k);
      }
      return out;
    },
  };
});
