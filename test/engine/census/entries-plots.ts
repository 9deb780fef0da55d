/** Census entries: the plot builders (pure data). */
import * as api from '../../../src';
import { Bad, Kind } from './kinds';
import { Entry } from './census';
import { PLOT_KEYS, X4, Y4, matrix, number, object, options, vector, labels } from './slots';

const keys = (more: Record<string, Kind>): Record<string, Kind> => ({ ...PLOT_KEYS, ...more });
const classifier = () => api.mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed: 1 });
const and = () => ({ X: X4(), y: Y4() });
const perceptronResult = () => new api.Perceptron({ learningRate: 1 }).fit(X4(), Y4());
const history = () => classifier().fit(X4(), Y4(), { epochs: 3 });

/** Data objects whose labels or values are poisoned: plots refuse them, never draw "NaN". */
const badData: Bad[] = [
  { label: 'y with NaN', make: () => ({ X: X4(), y: [0, NaN, 0, 1] }) },
  { label: 'y with a float label 0.5', make: () => ({ X: X4(), y: [0, 0.5, 0, 1] }) },
  { label: 'X with NaN', make: () => ({ X: [[0, 0], [0, NaN], [1, 0], [1, 1]], y: Y4() }) },
  { label: 'X and y of different lengths', make: () => ({ X: X4(), y: [0, 1] }) },
  { label: 'X missing', make: () => ({ y: Y4() }) },
];
const badLosses: Bad[] = [
  { label: 'loss with a string', make: () => ({ loss: [1, '0.5'] }) },
  { label: 'loss not a list', make: () => ({ loss: 3 }) },
  { label: 'loss empty', make: () => ({ loss: [] }) },
];

export const plotEntries: Entry[] = [
  { name: 'truthTablePlot', slots: [object('table', () => api.truthTable('and'), { extra: badData }), options('options', keys({ output: 'object' }))], call: api.truthTablePlot },
  {
    name: 'trainingHistoryPlot',
    slots: [
      object('history', history, { extra: badLosses, accepts: { 'loss empty': 'the live training curve is drawn before the first epoch ends: an empty history is an empty plot ("final training loss none")' } }),
      options('options', keys({ logY: 'boolean' })),
    ],
    call: api.trainingHistoryPlot,
  },
  {
    name: 'confusionMatrixPlot',
    slots: [object('input', () => ({ yTrue: Y4(), yPred: [0, 1, 0, 1] }), { extra: [{ label: 'yPred with 0.5', make: () => ({ yTrue: Y4(), yPred: [0, 0.5, 0, 1] }) }, { label: 'yTrue with a huge label 1e9', make: () => ({ yTrue: [1e9, 0, 0, 1], yPred: Y4() }), huge: true }] }), options('options', keys({ classNames: 'object', normalize: 'boolean' }))],
    call: api.confusionMatrixPlot,
  },
  {
    name: 'digitsPlot',
    slots: [matrix('images', () => [Array.from({ length: 64 }, (_, k) => k % 16)]), options('options', keys({ labels: 'labels', predictions: 'labels', columns: 'size', max: 'size', side: 'size', cellSize: 'size' }))],
    call: api.digitsPlot,
  },
  {
    name: 'perceptronLearningPlot',
    slots: [object('result', perceptronResult), object('data', and, { extra: badData }), options('options', keys({ output: 'count0', start: 'count0', margin: 'number', featureNames: 'object' }))],
    call: api.perceptronLearningPlot,
  },
  {
    name: 'regressionPlot',
    slots: [object('model', () => api.mlpRegressor({ inputs: 1, hidden: [2], seed: 1 })), object('data', () => ({ X: [[0], [1], [2]], y: [0, 1, 4] }), { extra: [{ label: 'y with NaN', make: () => ({ X: [[0], [1], [2]], y: [0, NaN, 4] }) }] }), options('options', keys({ output: 'count0', samples: 'size' }))],
    call: api.regressionPlot,
  },
  {
    name: 'activationPlot',
    slots: [object('list', () => [api.activations.relu, api.activations.tanh]), options('options', keys({ range: 'vector', samples: 'size', layout: 'choice', derivative: 'boolean', columns: 'size' }))],
    call: api.activationPlot,
  },
  {
    name: 'decisionBoundaryPlot',
    slots: [object('model', classifier), object('data', and, { extra: badData }), options('options', keys({ test: 'object', output: 'choice', resolution: 'size', margin: 'number', transform: 'function', featureNames: 'object', classNames: 'object', boundary: 'boolean', note: 'text' }))],
    call: api.decisionBoundaryPlot,
  },
  { name: 'networkDiagram', slots: [object('model', classifier), options('options', keys({ inputNames: 'object', outputNames: 'object', maxNeurons: 'size', maxWeight: 'positive' }))], call: api.networkDiagram },
  {
    name: 'learningRateConvergencePlot',
    slots: [
      object('sweep', () => [history()], {
        extra: [
          { label: 'a history with NaN loss and no status', make: () => [{ loss: [1, NaN] }] },
          { label: 'a history with a string loss', make: () => [{ loss: [1, '0.5'] }] },
        ],
        accepts: { 'a history with NaN loss and no status': "a loss that became NaN is a diverged run, what this plot exists to show: drawn up to there, marked ✕ and labelled 'diverged' (no NaN in the spec)" },
      }),
      options('options', keys({ logY: 'boolean', showTarget: 'boolean' })),
    ],
    call: api.learningRateConvergencePlot,
  },
  {
    name: 'perceptronStepsPlot',
    slots: [object('result', perceptronResult), object('data', and, { extra: badData }), options('options', keys({ every: 'choice', columns: 'size', max: 'size', output: 'count0', margin: 'number', featureNames: 'object' }))],
    call: api.perceptronStepsPlot,
  },
  {
    name: 'neuronActivationPlot',
    slots: [object('model', classifier), object('data', and, { extra: badData }), options('options', keys({ resolution: 'size', margin: 'number', output: 'boolean', featureNames: 'object' }), () => ({ resolution: 4 }))],
    call: api.neuronActivationPlot,
  },
  { name: 'boundarySegment', slots: [number('w1', () => 1), number('w2', () => 1), number('b', () => -1), vector('box', () => [0, 1, 0, 1])], call: api.boundarySegment },
];
export { labels };
