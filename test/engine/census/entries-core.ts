/** Census entries: errors' helpers, Rng, Matrix and its operations, kernels, TLU, perceptron. */
import * as api from '../../../src';
import { Entry } from './census';
import { X4, Y4, any, boolean, choice, count0, fn, matrix, number, options, positive, seed, size, text, vector, labels, object } from './slots';

const M = () => api.Matrix.fromRows(X4());
const sq = () => [
  [1, 2],
  [3, 4],
];
const tlu = () => new api.TLU({ weights: [1, 1], bias: -1.5 });
const perceptron = () => {
  const p = new api.Perceptron({ learningRate: 1 });
  p.fit(X4(), Y4());
  return p;
};
const PERCEPTRON_KEYS = {
  learningRate: 'positive',
  maxEpochs: 'size',
  init: 'choice',
  seed: 'seed',
  rng: 'object',
  shuffle: 'boolean',
  traceLimit: 'count0',
  activation: 'choice',
  weights: 'matrix',
  bias: 'vector',
} as const;

export const coreEntries: Entry[] = [
  { name: 'describeValue', slots: [any('value', () => 3)], call: api.describeValue },
  { name: 'shapeString', slots: [count0('rows', () => 2), count0('cols', () => 3)], call: api.shapeString },
  { name: 'checkNames', slots: [any('what', () => 'f: choices'), object('names', () => ['a', 'b'])], call: api.checkNames },
  { name: 'checkChoice', slots: [any('what', () => 'x'), any('value', () => 'a'), object('choices', () => ['a', 'b'])], call: api.checkChoice },
  { name: 'checkPositive', slots: [any('what', () => 'x'), any('value', () => 1)], call: api.checkPositive },
  { name: 'checkNumberIn', slots: [any('what', () => 'x'), any('value', () => 0.5), any('lo', () => 0), any('hi', () => 1)], call: api.checkNumberIn },
  { name: 'checkInteger', slots: [any('what', () => 'x'), any('value', () => 1), number('min', () => 1, { optional: true })], call: api.checkInteger },
  { name: 'checkOptions', slots: [any('what', () => 'f'), options('options', {}, () => ({ a: 1 })), object('known', () => ['a'])], call: api.checkOptions },
  { name: 'optionKeys', slots: [], call: () => api.optionKeys<{ a?: number }>()('a') },
  { name: 'seededRng', slots: [seed('seed', () => 1, { optional: true })], call: (s) => api.seededRng(s).uniform() },
  { name: 'isRng', slots: [any('x', () => api.seededRng(1))], call: api.isRng },
  // o is the caller's whole options object (its names are checked by the caller): rngFrom reads seed and rng only.
  { name: 'rngFrom', slots: [any('what', () => 'f'), object('o', () => ({ seed: 1 }), { accepts: { '{}': 'no seed and no rng: the fallback seed, as documented' } })], call: (w, o) => api.rngFrom(w, o).uniform() },
  { name: 'toRng', slots: [seed('seedOrRng', () => 1, { optional: true }), number('fallbackSeed', () => 0, { optional: true })], call: (s, f) => api.toRng(s, f).uniform() },
  // Matrix
  { name: 'Matrix', slots: [count0('rows', () => 2), count0('cols', () => 2), object('data', () => new Float64Array(4), { optional: true })], call: (r, c, d) => new api.Matrix(r, c, d) },
  { name: 'Matrix.zeros', slots: [count0('rows', () => 2), count0('cols', () => 2)], call: (r, c) => api.Matrix.zeros(r, c) },
  { name: 'Matrix.filled', slots: [count0('rows', () => 2), count0('cols', () => 2), number('value', () => 1, { holdsNonFinite: 'a Matrix may hold NaN and ±∞ (a diverged loss curve); every computation refuses them (toMatrix)' })], call: (r, c, v) => api.Matrix.filled(r, c, v) },
  { name: 'Matrix.identity', slots: [count0('n', () => 3)], call: (n) => api.Matrix.identity(n) },
  { name: 'Matrix.fromFunction', slots: [count0('rows', () => 2), count0('cols', () => 2), fn('f', () => (i: number, j: number) => i + j)], call: (r, c, f) => api.Matrix.fromFunction(r, c, f) },
  { name: 'Matrix.fromRows', slots: [matrix('rows', sq, { holdsNonFinite: 'a Matrix may hold NaN and ±∞ (a diverged loss curve); every computation refuses them (toMatrix)', accepts: { '[] (empty)': 'a Matrix may be empty, as new Matrix(0, n) is; every computation refuses it (toMatrix)', '[[]] (no columns)': 'a Matrix may be empty, as new Matrix(n, 0) is; every computation refuses it (toMatrix)' } })], call: (r) => api.Matrix.fromRows(r) },
  { name: 'Matrix.column', slots: [vector('values', () => [1, 2], { holdsNonFinite: 'a Matrix may hold NaN and ±∞ (a diverged loss curve); every computation refuses them (toMatrix)', accepts: { '[] (empty)': 'a Matrix may be empty ([0×1]); every computation refuses it (toMatrix)' } })], call: (v) => api.Matrix.column(v) },
  { name: 'Matrix.row', slots: [vector('values', () => [1, 2], { holdsNonFinite: 'a Matrix may hold NaN and ±∞ (a diverged loss curve); every computation refuses them (toMatrix)', accepts: { '[] (empty)': 'a Matrix may be empty ([1×0]); every computation refuses it (toMatrix)' } })], call: (v) => api.Matrix.row(v) },
  { name: 'Matrix#shape', slots: [], call: () => M().shape },
  { name: 'Matrix#get', slots: [count0('i', () => 1), count0('j', () => 1)], call: (i, j) => M().get(i, j), },
  { name: 'Matrix#set', slots: [count0('i', () => 1), count0('j', () => 1), number('value', () => 2, { holdsNonFinite: 'a Matrix may hold NaN and ±∞ (a diverged loss curve); every computation refuses them (toMatrix)' })], call: (i, j, v) => M().set(i, j, v) },
  { name: 'Matrix#rowView', slots: [count0('i', () => 1)], call: (i) => M().rowView(i) },
  { name: 'Matrix#clone', slots: [], call: () => M().clone() },
  { name: 'Matrix#toArray', slots: [], call: () => M().toArray() },
  { name: 'Matrix#toFlatArray', slots: [], call: () => M().toFlatArray() },
  { name: 'Matrix#toJSON', slots: [], call: () => M().toJSON() },
  { name: 'Matrix#toString', slots: [count0('digits', () => 3, { optional: true })], call: (d) => M().toString(d) },
  { name: 'isMatrix', slots: [any('x', () => M())], call: api.isMatrix },
  { name: 'toMatrix', slots: [matrix('x', sq), any('what', () => 'X'), options('options', { allowEmpty: 'boolean', allowNonFinite: 'boolean' })], call: api.toMatrix },
  { name: 'toVector', slots: [vector('x', () => [1, 2]), any('what', () => 'y'), options('options', { allowEmpty: 'boolean', allowNonFinite: 'boolean' })], call: api.toVector },
  { name: 'checkFinite', slots: [object('m', M), any('what', () => 'X')], call: api.checkFinite },
  { name: 'add', slots: [matrix('a', sq), matrix('b', sq)], call: api.add },
  { name: 'sub', slots: [matrix('a', sq), matrix('b', sq)], call: api.sub },
  { name: 'mul', slots: [matrix('a', sq), matrix('b', sq)], call: api.mul },
  { name: 'matmul', slots: [matrix('a', sq), matrix('b', sq)], call: api.matmul },
  { name: 'transpose', slots: [matrix('a', sq)], call: api.transpose },
  { name: 'scale', slots: [matrix('a', sq), number('s', () => 2)], call: api.scale },
  { name: 'map', slots: [matrix('a', sq), fn('f', () => (v: number) => v * 2)], call: api.map },
  { name: 'sum', slots: [matrix('a', sq), choice('axis', () => 'rows')], call: api.sum },
  { name: 'mean', slots: [matrix('a', sq), choice('axis', () => 'cols')], call: api.mean },
  { name: 'max', slots: [matrix('a', sq), choice('axis', () => 'rows')], call: api.max },
  { name: 'argmaxRows', slots: [matrix('a', sq)], call: api.argmaxRows },
  // Kernels
  { name: 'getKernels', slots: [], call: () => api.getKernels().name },
  { name: 'setKernels', slots: [object('kernels', () => api.getKernels())], call: api.setKernels },
  { name: 'loadWasmKernels', slots: [choice('precision', () => 'float64', { optional: true }), boolean('relaxed', () => true, { optional: true })], call: (p, r) => api.loadWasmKernels(p, r)?.name ?? 'unavailable' },
  // TLU
  {
    name: 'TLU',
    slots: [{ name: 'options', kind: 'options', valid: () => ({ weights: [1, 1], bias: -1.5 }), keys: { weights: 'matrix', bias: 'vector', activation: 'choice' }, accepts: { 'bias: 42': 'one output takes its bias as one number' } }],
    call: (o) => new api.TLU(o).predict(X4()),
  },
  { name: 'TLU#inputs', slots: [], call: () => tlu().inputs },
  { name: 'TLU#outputs', slots: [], call: () => tlu().outputs },
  { name: 'TLU#net', slots: [matrix('X', X4)], call: (X) => tlu().net(X) },
  { name: 'TLU#predict', slots: [matrix('X', X4)], call: (X) => tlu().predict(X) },
  { name: 'TLU#toString', slots: [], call: () => tlu().toString() },
  { name: 'thresholds.step', slots: [number('z', () => 0.5)], call: (z) => api.thresholds.step(z) },
  { name: 'thresholds.sign', slots: [number('z', () => -0.5)], call: (z) => api.thresholds.sign(z) },
  // Perceptron
  { name: 'Perceptron', slots: [options('options', PERCEPTRON_KEYS, () => ({ learningRate: 1 }), { accepts: { 'rng: {}': 'covered by the Rng check: an object without next() is refused at fit' } })], call: (o) => new api.Perceptron(o).fit(X4(), Y4()) },
  { name: 'Perceptron#inputs', slots: [], call: () => perceptron().inputs },
  { name: 'Perceptron#outputs', slots: [], call: () => perceptron().outputs },
  { name: 'Perceptron#fit', slots: [matrix('X', X4), labels('y', Y4)], call: (X, y) => new api.Perceptron().fit(X, y) },
  { name: 'Perceptron#net', slots: [matrix('X', X4)], call: (X) => perceptron().net(X) },
  { name: 'Perceptron#predict', slots: [matrix('X', X4)], call: (X) => perceptron().predict(X) },
  { name: 'Perceptron#score', slots: [matrix('X', X4), labels('y', Y4)], call: (X, y) => perceptron().score(X, y) },
  { name: 'Perceptron#toString', slots: [], call: () => perceptron().toString() },
  {
    name: 'perceptronUpdate',
    slots: [vector('w', () => [0, 0]), number('b', () => 0), vector('x', () => [1, 1]), number('y', () => 0), positive('eta', () => 1), choice('activation', () => 'step', { optional: true })],
    call: api.perceptronUpdate,
  },
];
