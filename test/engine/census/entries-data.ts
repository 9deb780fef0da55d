/** Census entries: data sets and their preparation, activations, losses, metrics. */
import * as api from '../../../src';
import { Entry } from './census';
import { Kind } from './kinds';
import { X4, Y4, any, choice, labels, matrix, number, object, options, positive, required, size, text, vector } from './slots';

const GEN_KEYS: Record<string, Kind> = { n: 'size', noise: 'number', seed: 'seed', rng: 'object' };
const csv = () => 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n';
const probs = () => [
  [0.7, 0.2, 0.1],
  [0.1, 0.8, 0.1],
];
const oneHot3 = () => [
  [1, 0, 0],
  [0, 1, 0],
];

const SPLIT_KEYS: Record<string, Kind> = { testSize: 'fraction', seed: 'seed', rng: 'object', stratify: 'boolean' };
const REGRESSION_TARGETS = {
  '[0.5] (a float label)': 'regression targets are any finite numbers',
  '[-1] (a negative label)': 'regression targets are any finite numbers',
  '[1e9] (a huge label)': 'regression targets are any finite numbers: nothing is allocated per value',
};
/** Accuracy compares labels: −1/+1 are those of a sign perceptron. */
const SIGN_LABELS = { accepts: { '[-1] (a negative label)': '−1/+1 are the labels of a sign perceptron' } };

const generators: Entry[] = (['circleData', 'xorData', 'gaussData', 'spiralData', 'moonsData'] as const).map((name) => ({
  name,
  slots: [options('options', GEN_KEYS, () => ({ n: 20, seed: 1 }), { accepts: { 'noise: -Infinity': 'see noise', 'rng: {}': 'see seed' } })],
  call: (o: api.PlaygroundOptions) => api[name](o),
}));

const activationEntries: Entry[] = Object.keys(api.activations).flatMap((name) =>
  (['f', 'df'] as const).map((part) => ({
    name: `activations.${name}.${part}`,
    slots: [number('z', () => 0.5, { holdsNonFinite: 'NaN and ±∞ pass: inside training a diverging z must reach fit’s divergence check' })],
    call: (z: number) => api.activations[name as keyof typeof api.activations][part](z),
  })),
);

const lossEntries: Entry[] = Object.keys(api.losses).flatMap((name) =>
  (['value', 'grad'] as const).map((part) => ({
    name: `losses.${name}.${part}`,
    // Plain arrays are accepted, as everywhere a Matrix is.
    slots: name === 'crossEntropy' ? [matrix('yPred', probs), matrix('yTrue', oneHot3)] : [matrix('yPred', () => [[0.2], [0.9]]), matrix('yTrue', () => [[0], [1]])],
    call: (p: api.Matrix, t: api.Matrix) => api.losses[name as keyof typeof api.losses][part](p, t),
  })),
);

export const dataEntries: Entry[] = [
  { name: 'truthTable', slots: [choice('gate', () => 'xor')], call: api.truthTable },
  ...generators,
  { name: 'playground', slots: [choice('name', () => 'spiral'), options('options', GEN_KEYS, () => ({ n: 20 }), { accepts: { 'noise: -Infinity': 'see noise', 'rng: {}': 'see seed' } })], call: api.playground },
  {
    name: 'planeData',
    slots: [options('options', { n: 'size', noise: 'number', coefficients: 'vector', intercept: 'number', seed: 'seed', rng: 'object' }, () => ({ n: 20 }))],
    call: api.planeData,
  },
  { name: 'sineData', slots: [options('options', { n: 'size', noise: 'number', range: 'vector', seed: 'seed', rng: 'object' }, () => ({ n: 20 }))], call: api.sineData },
  { name: 'featureMap', slots: [matrix('X', X4), object('features', () => ['x1', 'x1*x2'])], call: api.featureMap },
  { name: 'parseCsv', slots: [text('text', csv), any('what', () => 'data.csv')], call: api.parseCsv },
  {
    name: 'csvToDataset',
    slots: [text('text', csv), required('options', { target: 'text', task: 'choice', classNames: 'object', what: 'text' }, () => ({ target: 'label', task: 'classification' }))],
    call: api.csvToDataset,
  },
  {
    name: 'trainTestSplit',
    // Without stratify, y may be regression targets: any finite numbers.
    slots: [matrix('X', X4), labels('y', Y4, { accepts: REGRESSION_TARGETS }), options('options', SPLIT_KEYS, () => ({ testSize: 0.5 }), { accepts: { 'testSize: 1': 'a whole number is a count of test samples: 1 sample' } })],
    call: api.trainTestSplit,
  },
  {
    name: 'trainTestSplit (stratified)',
    slots: [
      matrix('X', X4),
      labels('y', () => [0, 1, 0, 1], {
        accepts: {
          '[-1] (a negative label)': '−1/+1 are the classes of a sign perceptron',
          '[1e9] (a huge label)': 'classes are grouped by value: nothing is allocated per class index',
        },
      }),
      options('options', SPLIT_KEYS, () => ({ testSize: 0.5, stratify: true }), { accepts: { 'testSize: 1': 'a whole number is a count of test samples: 1 sample' } }),
    ],
    call: api.trainTestSplit,
  },
  { name: 'fitStandardizer', slots: [matrix('X', X4)], call: (X) => api.fitStandardizer(X) },
  { name: 'Standardizer#transform', slots: [matrix('X', X4)], call: (X) => api.fitStandardizer(X4()).transform(X) },
  { name: 'Standardizer#inverseTransform', slots: [matrix('X', X4)], call: (X) => api.fitStandardizer(X4()).inverseTransform(X) },
  { name: 'standardize', slots: [matrix('XTrain', X4), matrix('XTest', X4, { optional: true })], call: api.standardize },
  { name: 'oneHot', slots: [labels('labels', () => [0, 2, 1]), { ...size('classes', () => 3), optional: true }], call: api.oneHot },
  // Activations
  ...activationEntries,
  { name: 'sigmoidValue', slots: [number('z', () => 0.5, { holdsNonFinite: 'σ is activations.sigmoid.f: NaN and ±∞ pass, so that a diverging z reaches fit’s divergence check' })], call: api.sigmoidValue },
  { name: 'leakyRelu', slots: [positive('slope', () => 0.1, { optional: true, accepts: { '0': 'slope 0 is plain ReLU: the slope is in [0, 1)' } })], call: (s) => api.leakyRelu(s).f(-1) },
  { name: 'elu', slots: [positive('alpha', () => 1, { optional: true })], call: (a) => api.elu(a).f(-1) },
  { name: 'softmax', slots: [matrix('z', () => [[1, 2, 3]])], call: api.softmax },
  { name: 'softmaxJacobian', slots: [vector('z', () => [1, 2, 3])], call: api.softmaxJacobian },
  { name: 'softmaxActivation.f', slots: [number('z', () => 1)], call: (z) => api.softmaxActivation.f(z), skipValid: 'softmax is row-wise: f of one number is refused on purpose' },
  { name: 'softmaxActivation.df', slots: [number('z', () => 1)], call: (z) => api.softmaxActivation.df(z), skipValid: 'softmax is row-wise: df of one number is refused on purpose' },
  { name: 'getActivation', slots: [choice('nameOrActivation', () => 'relu'), options('params', { slope: 'positive', alpha: 'positive' })], call: (n, p) => api.getActivation(n, p).f(1) },
  { name: 'isActivation', slots: [any('x', () => api.activations.relu)], call: api.isActivation },
  // Losses
  ...lossEntries,
  { name: 'huber', slots: [positive('delta', () => 1, { optional: true })], call: (d) => api.huber(d).value(api.Matrix.column([1]), api.Matrix.column([3])) },
  { name: 'getLoss', slots: [choice('nameOrLoss', () => 'huber'), options('params', { delta: 'positive' })], call: (n, p) => api.getLoss(n, p).name },
  { name: 'isLoss', slots: [any('x', () => api.losses.mse)], call: api.isLoss },
  // Metrics
  { name: 'accuracy', slots: [labels('yTrue', Y4, SIGN_LABELS), labels('yPred', () => [0, 1, 0, 1], SIGN_LABELS)], call: api.accuracy },
  { name: 'r2Score', slots: [vector('yTrue', () => [1, 2, 3, 4]), vector('yPred', () => [1.1, 1.9, 3.2, 3.9])], call: api.r2Score },
  { name: 'confusionMatrix', slots: [labels('yTrue', Y4), labels('yPred', () => [0, 1, 0, 1]), { ...size('classes', () => 2), optional: true }], call: api.confusionMatrix },
];

