/**
 * Contender "convnetjs": fc layers + softmax started from the workload's weights, Trainer 'sgd'
 * with momentum 0 and no decay. Its Trainer counts batches across epoch ends (it updates after
 * every batch_size samples), so when n is not a multiple of the batch size the batches differ a
 * little from the workload's. W1: convnetjs' regression layer adds a linear output (no sigmoid).
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const convnetjs = require('convnetjs');

runChild((data) => ({ sameStart: data.spec.id !== 'W1', sameOrder: data.spec.n % data.spec.batchSize === 0, sameNetwork: data.spec.id !== 'W1', precision: 'f64',
  notes: 'convnetjs 0.3.0' + (data.spec.id === 'W1' ? ': linear output + ½·squared error (its regression layer)'
    : data.spec.n % data.spec.batchSize ? ': batches run across epoch ends' : '') }),
(data: WorkloadData) => {
  const { spec } = data;
  const L = spec.sizes.length - 1;
  const k = spec.sizes[L];
  const d = spec.sizes[0];
  const defs: object[] = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: d }];
  for (let l = 1; l < L; l++) defs.push({ type: 'fc', num_neurons: spec.sizes[l], activation: spec.hidden });
  defs.push(spec.output === 'softmax' ? { type: 'softmax', num_classes: k } : { type: 'regression', num_neurons: k });
  const net = new convnetjs.Net();
  net.makeLayers(defs);
  if (spec.id !== 'W1') {
    const fcs = net.layers.filter((layer: { layer_type: string }) => layer.layer_type === 'fc');
    fcs.forEach((layer: { filters: { w: Float64Array }[]; biases: { w: Float64Array } }, l: number) => {
      const nout = spec.sizes[l + 1];
      for (let j = 0; j < nout; j++) {
        for (let i = 0; i < spec.sizes[l]; i++) layer.filters[j].w[i] = data.W[l][i * nout + j];
        layer.biases.w[j] = data.b[l][j];
      }
    });
  }
  const trainer = new convnetjs.Trainer(net, { method: 'sgd', learning_rate: spec.learningRate, momentum: 0, batch_size: spec.batchSize, l2_decay: 0, l1_decay: 0 });
  const vols = [];
  for (let i = 0; i < spec.n; i++) {
    const v = new convnetjs.Vol(1, 1, d, 0);
    for (let j = 0; j < d; j++) v.w[j] = data.X[i * d + j];
    vols.push(v);
  }
  const targets = spec.output === 'softmax' ? Array.from(data.labels) : Array.from(data.labels, (y) => [y]);
  return {
    train() {
      for (let e = 0; e < spec.epochs; e++) for (let i = 0; i < spec.n; i++) trainer.train(vols[i], targets[i]);
    },
    outputs() {
      const out = new Float64Array(spec.n * k);
      for (let i = 0; i < spec.n; i++) out.set(net.forward(vols[i]).w, i * k);
      return out;
    },
  };
});
