/**
 * Contender "tfjs-cpu" / "tfjs-wasm" (`--backend cpu|wasm`): @tensorflow/tfjs at its fastest for
 * plain SGD: dense layers started from the workload's weights, the batches sliced once into
 * tensors, and one `optimizer.minimize` per batch (on W1, 2.2× faster than `model.fit` over the
 * same batches, which spends its time in callbacks and per-batch bookkeeping). The classifiers'
 * output layer is linear inside the loop and the loss is `tf.losses.softmaxCrossEntropy` on its
 * logits: the same function as softmax then cross-entropy, with tfjs's fused gradient.
 * `--loop fit` times `model.fit` instead. float32 (tfjs computes in float32 only), so its loss
 * agrees with annlab's to about 1e-3.
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const tf = require('@tensorflow/tfjs');
const argOf = (name: string, fallback: string): string => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const backend = argOf('backend', 'cpu');
const loop = argOf('loop', 'minimize');
if (loop !== 'minimize' && loop !== 'fit') throw new Error(`--loop: expected minimize or fit, got ${loop}`);

async function main(): Promise<void> {
  if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs backend ${backend} could not start`);
  await tf.ready();
  const notes = `tfjs ${tf.version_core}, backend ${tf.getBackend()}, ${loop === 'minimize' ? 'optimizer.minimize per batch' : 'model.fit'}`;
  await runChild({ sameStart: true, sameOrder: true, sameNetwork: true, precision: 'f32', notes }, (data: WorkloadData) => {
    const { spec } = data;
    const L = spec.sizes.length - 1;
    const softmax = spec.output === 'softmax';
    const model = tf.sequential();
    for (let l = 0; l < L; l++) {
      const last = l === L - 1;
      // minimize: the softmax is inside the loss (logits out); fit: the model ends in its softmax
      const activation = last ? (softmax && loop === 'minimize' ? 'linear' : spec.output) : spec.hidden;
      model.add(tf.layers.dense({ units: spec.sizes[l + 1], inputShape: l === 0 ? [spec.sizes[0]] : undefined, activation }));
      model.layers[l].setWeights([tf.tensor2d(Float32Array.from(data.W[l]), [spec.sizes[l], spec.sizes[l + 1]]), tf.tensor1d(Float32Array.from(data.b[l]))]);
    }
    const x = tf.tensor2d(Float32Array.from(data.X), [spec.n, spec.sizes[0]]);
    const y = tf.tensor2d(Float32Array.from(data.Y), [spec.n, spec.sizes[L]]);
    const batches: { x: any; y: any }[] = [];
    for (let s = 0; s < spec.n; s += spec.batchSize) {
      const m = Math.min(spec.batchSize, spec.n - s);
      batches.push({ x: x.slice([s, 0], [m, -1]), y: y.slice([s, 0], [m, -1]) });
    }
    const optimizer = tf.train.sgd(spec.learningRate);
    const lossOf = (xb: any, yb: any): any =>
      softmax ? tf.losses.softmaxCrossEntropy(yb, model.apply(xb)) : tf.losses.meanSquaredError(yb, model.apply(xb));
    if (loop === 'fit') model.compile({ optimizer, loss: softmax ? 'categoricalCrossentropy' : 'meanSquaredError' });
    return {
      async train() {
        if (loop === 'fit') {
          await model.fit(x, y, { batchSize: spec.batchSize, epochs: spec.epochs, shuffle: false, verbose: 0 });
          return;
        }
        for (let e = 0; e < spec.epochs; e++) {
          for (const b of batches) optimizer.minimize(() => lossOf(b.x, b.y), false);
        }
        // the cpu backend computes eagerly; wasm too, but wait for any pending work all the same
        const w = model.layers[0].getWeights()[0];
        await w.data();
      },
      async outputs() {
        const p = tf.tidy(() => (softmax && loop === 'minimize' ? tf.softmax(model.predict(x)) : model.predict(x)));
        const v = await p.data();
        p.dispose();
        return v;
      },
      dispose() {
        for (const b of batches) {
          b.x.dispose();
          b.y.dispose();
        }
        x.dispose();
        y.dispose();
        optimizer.dispose();
        model.dispose();
      },
    };
  });
}

main().catch((e) => {
  process.stdout.write(`BENCH_ERROR ${JSON.stringify(String(e?.message ?? e))}\n`);
  process.exitCode = 1;
});
