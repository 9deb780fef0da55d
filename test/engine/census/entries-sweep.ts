/**
 * Census entries: the learning-rate sweep's parts (planned, run, labelled, sent to a worker
 * and back), the parallel sweep, and runNote. The runs are tiny (4 samples, 2 epochs) and the
 * parallel sweep runs on one thread (threads: 1 starts no worker), so these stay cheap.
 */
import * as api from '../../../src';
import { Entry } from './census';
import { X4, Y4, any, labels, matrix, object, positive, required, text } from './slots';

const classifier = () => api.mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed: 1 });
const shared = () => ({ epochs: 2, target: 0.1, seed: 0 });
const sweepOptions = () => ({ model: classifier(), X: X4(), y: Y4(), learningRates: [0.01, 0.1], epochs: 2 });
const SWEEP_KEYS = { model: 'object', X: 'matrix', y: 'labels', learningRates: 'vector', epochs: 'size', batchSize: 'size', optimizer: 'choice', seed: 'seed', target: 'positive' } as const;
const SHARED_KEYS = { epochs: 'size', batchSize: 'size', optimizer: 'choice', seed: 'seed', target: 'positive' } as const;
const run = () => api.sweepRun(classifier(), X4(), Y4(), 0.1, shared());
const job = () => ({ model: classifier().toJSON(), X: X4(), y: Y4(), learningRate: 0.1, shared: shared() });
/** A run's result as a worker sends it back (plain data). */
const jobResult = () => api.runSweepJob(job());
/** What a check of a run reads: its learning rate, verdict, label and final loss (not the model). */
const summary = (r: api.SweepRun) => ({ learningRate: r.learningRate, verdict: r.verdict, label: r.label, loss: r.history.finalLoss });
const sharedSlot = (name: string) => required(name, SHARED_KEYS, shared);

export const sweepEntries: Entry[] = [
  {
    name: 'planSweep',
    slots: [
      required('o', SWEEP_KEYS, sweepOptions),
      text('caller', () => 'learningRateSweep', { optional: true }),
      object('extraKeys', () => ['threads'], { optional: true, accepts: { '[]': 'no extra option names: the sequential sweep' } }),
    ],
    call: (o, c, k) => {
      const plan = api.planSweep(o, c, k);
      return { learningRates: plan.learningRates, shared: plan.shared, inputs: plan.fresh().inputs };
    },
  },
  {
    name: 'sweepRun',
    slots: [object('model', classifier), matrix('X', X4), labels('y', Y4), positive('learningRate', () => 0.1), sharedSlot('s'), { ...object('onEpoch', () => undefined), kind: 'function', optional: true }],
    call: (m, X, y, r, s, f) => summary(api.sweepRun(m, X, y, r, s, f)),
  },
  {
    name: 'labelRun',
    slots: [positive('learningRate', () => 0.1), object('history', () => classifier().fit(X4(), Y4(), { epochs: 2 })), positive('target', () => 0.1), object('model', classifier)],
    call: (r, h, t, m) => summary(api.labelRun(r, h, t, m)),
  },
  {
    name: 'sweepResult',
    slots: [object('runs', () => [run()]), sharedSlot('s')],
    call: (runs, s) => api.sweepResult(runs, s).toString(),
  },
  { name: 'checkShared', slots: [any('what', () => 'sweep'), sharedSlot('s')], call: api.checkShared },
  { name: 'toPortable', slots: [matrix('x', X4)], call: (x) => api.toPortable(x) },
  {
    name: 'runSweepJob',
    slots: [required('job', { model: 'object', X: 'matrix', y: 'labels', learningRate: 'positive', shared: 'object' }, job)],
    call: (j) => {
      const r = api.runSweepJob(j);
      return { learningRate: r.learningRate, loss: r.history.loss };
    },
  },
  {
    name: 'runFromResult',
    slots: [required('r', { learningRate: 'positive', history: 'object', model: 'object' }, jobResult), positive('target', () => 0.1)],
    call: (r, t) => summary(api.runFromResult(r, t)),
  },
  { name: 'sweepWorkerStats', slots: [], call: api.sweepWorkerStats },
  {
    name: 'closeSweepWorkers',
    slots: [],
    call: async () => {
      await api.closeSweepWorkers();
      return api.sweepWorkerStats().workers;
    },
  },
  {
    name: 'parallelLearningRateSweep',
    // threads: 1 trains every run in this thread: no worker starts, and jest has none to wait for.
    slots: [required('o', { ...SWEEP_KEYS, threads: 'size' }, () => ({ ...sweepOptions(), threads: 1 }))],
    call: async (o) => (await api.parallelLearningRateSweep(o)).toString(),
  },
  {
    name: 'runNote',
    slots: [object('run', run, { extra: [{ label: 'a run with a string loss', make: () => ({ verdict: 'too slow', history: { loss: ['1'], epochs: 1 } }) }, { label: "verdict 'fine'", make: () => ({ verdict: 'fine', history: { loss: [1], epochs: 1 } }) }] })],
    call: api.runNote,
  },
];
