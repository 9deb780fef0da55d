/** Census entries: the MLP, its layers and training, diagnostics. */
import * as api from '../../../src';
import { Bad } from './kinds';
import { Entry } from './census';
import { X4, Y4, any, boolean, choice, count0, fn, matrix, number, object, options, positive, required, seed, size, vector, labels } from './slots';

const classifier = () => api.mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed: 1 });
const regressor = () => api.mlpRegressor({ inputs: 2, hidden: [3], seed: 1 });
const json = () => classifier().toJSON();
const FIT_KEYS = {
  epochs: 'size',
  batchSize: 'size',
  learningRate: 'positive',
  optimizer: 'choice',
  momentum: 'fraction',
  shuffle: 'boolean',
  seed: 'seed',
  validationData: 'object',
  onEpoch: 'function',
} as const;

/** fromJSON must refuse every broken file, never load a silent 0 or NaN. */
const brokenJSON: Bad[] = [
  ['format version 99', (j: any) => (j.format = 'annlab-mlp/99')],
  ['no format', (j: any) => delete j.format],
  ['W missing', (j: any) => delete j.layers[0].W],
  ['W not an array', (j: any) => (j.layers[0].W = 'w')],
  ['b missing', (j: any) => delete j.layers[0].b],
  ['W wrong shape', (j: any) => j.layers[0].W.pop()],
  ['b wrong length', (j: any) => j.layers[1].b.push(0)],
  ['a null weight', (j: any) => (j.layers[0].W[0][0] = null)],
  ["a string weight '1'", (j: any) => (j.layers[0].W[0][1] = '1')],
  ['a NaN bias', (j: any) => (j.layers[0].b[0] = NaN)],
  ['unknown layer type', (j: any) => (j.layers[0].type = 'conv')],
  ['unknown activation', (j: any) => (j.layers[0].activation = { name: 'relux' })],
  ['layers empty', (j: any) => (j.layers = [])],
  ['inputs 0', (j: any) => (j.inputs = 0)],
  ['unknown loss', (j: any) => (j.loss = { name: 'hinge' })],
  ['unknown task', (j: any) => (j.task = 'clustering')],
  ['an unknown field', (j: any) => (j.extra = 1)],
].map(([label, edit]) => ({
  label: label as string,
  make: () => {
    const j = JSON.parse(JSON.stringify(json()));
    (edit as (j: unknown) => void)(j);
    return j;
  },
}));

export const mlpEntries: Entry[] = [
  {
    name: 'MLP',
    slots: [required('options', { inputs: 'size', layers: 'object', loss: 'choice', task: 'choice', init: 'choice', seed: 'seed' }, () => ({ inputs: 2, layers: [{ units: 3 }, { units: 1, activation: 'sigmoid' }] }))],
    call: (o) => new api.MLP(o).predict(X4()),
  },
  {
    name: 'mlpClassifier',
    slots: [required('options', { inputs: 'size', classes: 'size', hidden: 'vector', activation: 'choice', init: 'choice', seed: 'seed' }, () => ({ inputs: 2, classes: 3, hidden: [4] }), { accepts: { 'hidden: [] (empty)': 'no hidden layer: softmax regression, a valid model' } })],
    call: (o) => api.mlpClassifier(o).predict(X4()),
  },
  {
    name: 'mlpRegressor',
    slots: [
      required(
        'options',
        { inputs: 'size', outputs: 'size', hidden: 'vector', activation: 'choice', outputActivation: 'choice', loss: 'choice', huberDelta: 'positive', init: 'choice', seed: 'seed' },
        () => ({ inputs: 2, hidden: [4] }),
        { accepts: { 'hidden: [] (empty)': 'no hidden layer: linear regression, a valid model' } },
      ),
    ],
    call: (o) => api.mlpRegressor(o).predict(X4()),
  },
  { name: 'isMLP', slots: [any('x', classifier)], call: api.isMLP },
  { name: 'MLP#outputs', slots: [], call: () => classifier().outputs },
  { name: 'MLP#classes', slots: [], call: () => classifier().classes },
  { name: 'MLP#forward', slots: [matrix('X', X4)], call: (X) => classifier().forward(X) },
  { name: 'MLP#backward', slots: [matrix('X', X4), labels('y', Y4)], call: (X, y) => classifier().backward(X, y) },
  { name: 'MLP#evaluate', slots: [matrix('X', X4), labels('y', Y4)], call: (X, y) => classifier().evaluate(X, y) },
  {
    name: 'MLP#fit',
    slots: [matrix('X', X4), labels('y', Y4), options('options', FIT_KEYS, () => ({ epochs: 3 }), { accepts: { 'momentum: 0': 'μ = 0 is plain SGD: momentum is in [0, 1)' } })],
    call: (X, y, o) => classifier().fit(X, y, o),
  },
  { name: 'MLP#fit (regression)', slots: [matrix('X', X4), { ...matrix('y', () => [[1], [2], [3], [4]]) }, options('options', FIT_KEYS, () => ({ epochs: 3 }), { accepts: { 'momentum: 0': 'μ = 0 is plain SGD' } })], call: (X, y, o) => regressor().fit(X, y, o) },
  { name: 'MLP#predict', slots: [matrix('X', X4)], call: (X) => classifier().predict(X) },
  { name: 'MLP#predictProba', slots: [matrix('X', X4)], call: (X) => classifier().predictProba(X) },
  { name: 'MLP#score', slots: [matrix('X', X4), labels('y', Y4)], call: (X, y) => classifier().score(X, y) },
  { name: 'MLP#getParameters', slots: [], call: () => classifier().getParameters() },
  { name: 'MLP#setParameters', slots: [object('params', () => classifier().getParameters())], call: (p) => classifier().setParameters(p) },
  { name: 'MLP#summary', slots: [], call: () => classifier().summary().toString() },
  { name: 'MLP#layerSpecs', slots: [], call: () => classifier().layerSpecs() },
  { name: 'MLP#toJSON', slots: [], call: () => classifier().toJSON() },
  { name: 'MLP#clone', slots: [], call: () => classifier().clone().predict(X4()) },
  { name: 'MLP#toString', slots: [], call: () => classifier().toString() },
  { name: 'MLP.fromJSON', slots: [object('json', json, { extra: brokenJSON })], call: (j) => api.MLP.fromJSON(j).predict(X4()) },
  { name: 'DenseLayer', slots: [size('inputs', () => 2), size('units', () => 3), choice('activation', () => 'relu', { optional: true })], call: (i, u, a) => new api.DenseLayer(i, u, a).activationName },
  { name: 'MaxoutLayer', slots: [size('inputs', () => 2), size('units', () => 3), size('pieces', () => 2, { optional: true })], call: (i, u, p) => new api.MaxoutLayer(i, u, p).activationName },
  { name: 'MaxoutLayer#piece', slots: [count0('p', () => 1)], call: (p) => new api.MaxoutLayer(2, 3, 2).piece(p) },
  { name: 'initWeights', slots: [choice('init', () => 'he'), object('w', () => new Float64Array(6)), size('fanIn', () => 2), size('fanOut', () => 3), object('rng', () => api.seededRng(1))], call: (i, w, a, b, r) => { api.initWeights(i, w, a, b, r); return w; } },
  { name: 'createOptimizer', slots: [choice('name', () => 'adam'), object('params', () => [new Float64Array(2)]), { ...number('momentum', () => 0.9), optional: true }], call: (n, p, m) => typeof api.createOptimizer(n, p, m).step },
  { name: 'History', slots: [positive('learningRate', () => 0.1)], call: (r) => new api.History(r).toString() },
  { name: 'History#finalLoss', slots: [], call: () => classifier().fit(X4(), Y4(), { epochs: 2 }).finalLoss },
  { name: 'History#toString', slots: [], call: () => classifier().fit(X4(), Y4(), { epochs: 2 }).toString() },
  { name: 'summarize', slots: [object('model', classifier)], call: (m) => api.summarize(m).toString() },
  // Diagnostics
  { name: 'relativeError', slots: [vector('a', () => [1, 2]), vector('b', () => [1, 2.1])], call: api.relativeError },
  {
    name: 'gradientCheck',
    slots: [object('model', classifier), matrix('X', X4), labels('y', Y4), options('options', { epsilon: 'positive', tolerance: 'positive' })],
    call: api.gradientCheck,
  },
  { name: 'classifyRun', slots: [vector('loss', () => [1, 0.5, 0.1], { holdsNonFinite: 'a NaN or ∞ loss is what a diverged run leaves: the verdict is diverged', accepts: { '[] (empty)': 'an empty curve: nothing happened, the verdict is too slow' } }), positive('target', () => 0.2)], call: api.classifyRun },
  {
    name: 'learningRateSweep',
    slots: [
      required(
        'options',
        { model: 'object', X: 'matrix', y: 'labels', learningRates: 'vector', epochs: 'size', batchSize: 'size', optimizer: 'choice', seed: 'seed', target: 'positive', onEpoch: 'function' },
        () => ({ model: classifier(), X: X4(), y: Y4(), learningRates: [0.01, 0.1], epochs: 3 }),
      ),
    ],
    call: api.learningRateSweep,
  },
];
export { boolean, fn, seed };
