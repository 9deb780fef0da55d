/**
 * Contender "tfjs-cpu" / "tfjs-wasm" (`--backend cpu|wasm`): @tensorflow/tfjs layers API,
 * dense layers started from the workload's weights, SGD, model.fit with shuffling off.
 * float32 (tfjs computes in float32 only), so its loss agrees with annlab's to about 1e-3.
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const tf = require('@tensorflow/tfjs');
const backend = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : 'cpu';

async function main(): Promise<void> {
  if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs backend ${backend} could not start`);
  await tf.ready();
  await runChild({ sameStart: true, sameOrder: true, sameNetwork: true, precision: 'f32', notes: `tfjs ${tf.version_core}, backend ${tf.getBackend()}` }, (data: WorkloadData) => {
    const { spec } = data;
    const L = spec.sizes.length - 1;
    const model = tf.sequential();
    for (let l = 0; l < L; l++) {
      const last = l === L - 1;
      model.add(tf.layers.dense({ units: spec.sizes[l + 1], inputShape: l === 0 ? [spec.sizes[0]] : undefined,
        activation: last ? spec.output : spec.hidden }));
      model.layers[l].setWeights([tf.tensor2d(Float32Array.from(data.W[l]), [spec.sizes[l], spec.sizes[l + 1]]), tf.tensor1d(Float32Array.from(data.b[l]))]);
    }
    model.compile({ optimizer: tf.train.sgd(spec.learningRate), loss: spec.loss === 'mse' ? 'meanSquaredError' : 'categoricalCrossentropy' });
    const x = tf.tensor2d(Float32Array.from(data.X), [spec.n, spec.sizes[0]]);
    const y = tf.tensor2d(Float32Array.from(data.Y), [spec.n, spec.sizes[L]]);
    return {
      async train() {
        await model.fit(x, y, { batchSize: spec.batchSize, epochs: spec.epochs, shuffle: false, verbose: 0 });
      },
      async outputs() {
        const p = model.predict(x);
        const v = await p.data();
        p.dispose();
        return v;
      },
      dispose() {
        x.dispose();
        y.dispose();
        model.dispose();
      },
    };
  });
}

main().catch((e) => {
  process.stdout.write(`BENCH_ERROR ${JSON.stringify(String(e?.message ?? e))}\n`);
  process.exitCode = 1;
});
