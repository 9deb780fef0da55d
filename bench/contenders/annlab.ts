/**
 * Contender "annlab": the MLP class of this repository, as a student calls it — new MLP(...),
 * then model.fit(X, Y, { optimizer: 'sgd', shuffle: false, ... }) — started from the workload's
 * weights. `--kernels js` runs it on the reference i-k-j kernels instead of annlab's default,
 * `--kernels wasm-f32` on the opt-in float32 WebAssembly kernels.
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';
import { useKernels } from './kernels-flag';
import { MLP } from '../../src/engine/mlp';
import { Matrix } from '../../src/engine/matrix';

const kernelsName = useKernels();

const f32 = kernelsName.endsWith('f32');
runChild({ sameStart: true, sameOrder: true, sameNetwork: true, precision: f32 ? 'f32' : 'f64',
  notes: `kernels: ${kernelsName}${f32 ? ' (products in float32, weights float64)' : ''}` }, (data: WorkloadData) => {
  const { spec } = data;
  const L = spec.sizes.length - 1;
  const model = new MLP({
    inputs: spec.sizes[0],
    layers: spec.sizes.slice(1).map((units, l) => ({ units, activation: l === L - 1 ? spec.output : spec.hidden })),
    loss: spec.loss,
  });
  model.layers.forEach((layer, l) => {
    layer.W.data.set(data.W[l]);
    layer.b.data.set(data.b[l]);
  });
  const X = new Matrix(spec.n, spec.sizes[0], data.X);
  const Y = new Matrix(spec.n, spec.sizes[L], data.Y);
  return {
    train() {
      const h = model.fit(X, Y, { epochs: spec.epochs, batchSize: spec.batchSize, learningRate: spec.learningRate, optimizer: 'sgd', shuffle: false });
      if (h.status !== 'completed') throw new Error(`annlab fit: ${h.message}`);
    },
    outputs() {
      // predictProba runs in chunks (forward() would keep every layer's activations of all n rows).
      return spec.classes > 0 ? Float64Array.from(model.predictProba(X).flat()) : model.forward(X).output.data;
    },
  };
});
