/**
 * The sweep's parts are public (a worker thread runs them on plain data): each refuses what it
 * cannot use with a named error, in this thread, before any training.
 */
import { InputError, OptionError } from '../../../src/engine/errors';
import { History, mlpClassifier } from '../../../src/engine/mlp';
import { checkShared, labelRun, planSweep, runFromResult, runNote, runSweepJob, sweepResult, sweepRun, toPortable } from '../../../src/engine/diagnostics';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const y = [0, 1, 1, 0];
const model = () => mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed: 1 });
const shared = { epochs: 2, target: 0.1, seed: 0 };

describe("the sweep's parts", () => {
  it('check the shared options once, wherever they come from: names, epochs, target, batch size, optimizer, seed', () => {
    expect(checkShared('s', shared)).toBe(shared);
    expect(() => checkShared('s', { ...shared, epoch: 2 } as never)).toThrow(new OptionError("s: unknown option 'epoch', did you mean 'epochs'? (expected one of: epochs, batchSize, optimizer, seed, target)"));
    expect(() => checkShared('s', { ...shared, target: 0 })).toThrow(/s: target: expected a finite number > 0, got 0/);
    expect(() => checkShared('s', { ...shared, optimizer: 'adma' as never })).toThrow(/s: optimizer: expected one of 'sgd', 'momentum', 'adam'/);
    expect(() => checkShared('s', { ...shared, seed: NaN })).toThrow(/s: seed: expected a finite number or a string, got NaN/);
    // planSweep returns shared options that pass the same check.
    expect(() => planSweep({ model: model(), X, y, learningRates: [0.1], epochs: 2, batchSize: 1.5 })).toThrow(/learningRateSweep: options: batchSize: expected an integer ≥ 1, got 1.5/);
  });

  it('refuse what is not an MLP, a History or a run, naming what was expected', () => {
    expect(() => sweepRun({} as never, X, y, 0.1, shared)).toThrow(new InputError('sweepRun: model: expected an MLP, got an object (Object)'));
    expect(() => labelRun(0.1, { loss: [1] } as never, 0.1, model())).toThrow(/labelRun: history: expected a History/);
    expect(() => sweepResult([], shared)).toThrow(/sweepResult: runs: expected a non-empty list of runs/);
    expect(() => toPortable([[1, NaN]])).toThrow(/toPortable: x: expected finite numbers, but row 0, column 1 is NaN/);
  });

  it('take a job and its result only with the fields they have, and give the same run back', () => {
    const job = { model: model().toJSON(), X, y, learningRate: 0.1, shared };
    const result = runSweepJob(job);
    expect(runFromResult(result, 0.1).history.loss).toEqual(result.history.loss);
    expect(() => runSweepJob({ ...job, learningrate: 0.1 } as never)).toThrow(/runSweepJob: job: unknown option 'learningrate', did you mean 'learningRate'\?/);
    expect(() => runFromResult({ ...result, history: { ...result.history, los: [1] } } as never, 0.1)).toThrow(/runFromResult: history: unknown option 'los', did you mean 'loss'\?/);
  });

  it('make data portable as one block of numbers (rows and a Matrix alike), keep a list of targets as it is, and train a job on it as on the rows', () => {
    expect(toPortable(X)).toEqual({ rows: 4, cols: 2, data: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]) });
    expect(toPortable(y)).toBe(y);
    const onRows = runSweepJob({ model: model().toJSON(), X, y, learningRate: 0.5, shared });
    const onBlock = runSweepJob({ model: model().toJSON(), X: toPortable(X), y: toPortable(y), learningRate: 0.5, shared });
    // bit for bit (toEqual compares numbers with Object.is); the seconds taken may differ
    expect({ ...onBlock, history: { ...onBlock.history, seconds: 0 } }).toEqual({ ...onRows, history: { ...onRows.history, seconds: 0 } });
  });

  it("runNote reads a run's verdict and loss curve, NaN of a diverged run included, and refuses strings", () => {
    const diverged = Object.assign(new History(10), { loss: [1, Infinity], epochs: 2, status: 'diverged' as const });
    expect(runNote({ verdict: 'diverged', history: diverged })).toMatch(/the loss blew up in epoch 2; the weights were restored to epoch 1/);
    expect(() => runNote({ verdict: 'fine' as never, history: { loss: [1], epochs: 1 } })).toThrow(/runNote: verdict: expected one of 'converged', 'too slow', 'oscillating', 'diverged', got 'fine'/);
    expect(() => runNote({ verdict: 'too slow', history: { loss: ['1' as never], epochs: 1 } })).toThrow(/runNote: history.loss: expected numbers, but element 0 is '1'/);
  });
});
