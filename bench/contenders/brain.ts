/**
 * Contender "brain.js": NeuralNetwork (CPU). brain.js updates after every sample (no mini-batches),
 * uses the hidden activation on the output layer too (no softmax) and its own squared error,
 * so it trains a different network; it starts from the workload's weights.
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const brain = require('brain.js');
const version = require('brain.js/package.json').version;

// brain.js 2 computes in float32 (Float32Array weights), 1.x in float64.
const precision = version.startsWith('1.') ? 'f64' : 'f32';

runChild((data) => ({ sameStart: true, sameOrder: false, sameNetwork: data.spec.id === 'W1', precision,
  notes: `brain.js ${version}: one update per sample${data.spec.id === 'W1' ? '' : `, ${data.spec.hidden} output + squared error (no softmax)`}` }),
(data: WorkloadData) => {
  const { spec } = data;
  const L = spec.sizes.length - 1;
  const k = spec.sizes[L];
  const d = spec.sizes[0];
  const samples = [];
  for (let i = 0; i < spec.n; i++) {
    samples.push({ input: Array.from(data.X.subarray(i * d, (i + 1) * d)), output: Array.from(data.Y.subarray(i * k, (i + 1) * k)) });
  }
  const net = new brain.NeuralNetwork({ hiddenLayers: spec.sizes.slice(1, -1), activation: spec.hidden });
  net.sizes = spec.sizes.slice();
  net.initialize();
  for (let l = 0; l < L; l++) {
    const nout = spec.sizes[l + 1];
    for (let j = 0; j < nout; j++) {
      for (let i = 0; i < spec.sizes[l]; i++) net.weights[l + 1][j][i] = data.W[l][i * nout + j];
      net.biases[l + 1][j] = data.b[l][j];
    }
  }
  return {
    train() {
      net.train(samples, { iterations: spec.epochs, errorThresh: Number.MIN_VALUE, learningRate: spec.learningRate, momentum: Number.MIN_VALUE /* brain.js refuses 0; 5e-324·change is 0 */, log: false, timeout: Infinity });
    },
    outputs() {
      const out = new Float64Array(spec.n * k);
      for (let i = 0; i < spec.n; i++) {
        const o = Array.from(net.run(samples[i].input) as ArrayLike<number>);
        if (spec.output === 'softmax') {
          // brain.js has no softmax: normalise its (clipped) outputs to probabilities for the yardstick.
          const c = o.map((v) => Math.max(v, 1e-12));
          const s = c.reduce((a, v) => a + v, 0);
          c.forEach((v, j) => (out[i * k + j] = v / s));
        } else out.set(o, i * k);
      }
      return out;
    },
  };
});
