/**
 * One run of a learning-rate sweep as plain data, so that it can be sent to another thread and
 * back (structured clone keeps every number exactly): the starting model as MLP.toJSON, the
 * data, the rate and the shared options in; the history and the trained model out. Running a job
 * calls the same {@link sweepRun} as the sequential sweep, so both give the same numbers.
 */
import { Matrix, MatrixLike, toMatrix } from '../matrix';
import { History, MLP, MLPJSON, Targets } from '../mlp';
import { InputError, OptionError, checkPositive, describeValue } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { SweepRun, SweepShared, checkShared, sweepRun, labelRun } from './learning-rate-sweep';

/** Data in a form that crosses threads: a matrix as its shape and values, or plain arrays. */
export type PortableData = { rows: number; cols: number; data: Float64Array } | ReadonlyArray<number> | ReadonlyArray<ReadonlyArray<number>>;

/** What a worker needs for one run. */
export interface SweepJob {
  model: MLPJSON;
  X: PortableData;
  y: PortableData;
  learningRate: number;
  shared: SweepShared;
}

/** The data fields of a History. */
export type HistoryFields = Pick<History, 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy' | 'epochs' | 'seconds' | 'learningRate' | 'status' | 'message'>;

/** What a worker sends back. */
export interface SweepJobResult {
  learningRate: number;
  /** The History's fields (its class does not cross threads). */
  history: HistoryFields;
  /** The trained model. */
  model: MLPJSON;
}

/** The names of a job, its result and a History's fields, listed once. */
const JOB_KEYS = optionKeys<SweepJob>()('model', 'X', 'y', 'learningRate', 'shared');
const RESULT_KEYS = optionKeys<SweepJobResult>()('learningRate', 'history', 'model');
const HISTORY_KEYS = optionKeys<HistoryFields>()('loss', 'valLoss', 'accuracy', 'valAccuracy', 'epochs', 'seconds', 'learningRate', 'status', 'message');

/**
 * `x` in a form that crosses threads: a Matrix or rows of numbers become the shape and the values
 * in one Float64Array (cloned for a worker as one block of memory: rows as arrays cost a worker
 * about 17 ms per run for the digits); a list of numbers (class indices, 1-D targets) stays as it is.
 */
export function toPortable(x: MatrixLike | Targets): PortableData {
  // Checked here (not empty, not ragged, finite), so that a bad value is refused in this thread with a named error.
  const m = toMatrix(x as MatrixLike, 'toPortable: x');
  if (x instanceof Matrix) return { rows: m.rows, cols: m.cols, data: m.data.slice() };
  if (Array.isArray(x) && Array.isArray(x[0])) return { rows: m.rows, cols: m.cols, data: m.data };
  return x as PortableData;
}

function fromPortable(x: PortableData): MatrixLike {
  if (!Array.isArray(x) && typeof x === 'object' && 'data' in x) return new Matrix(x.rows, x.cols, x.data);
  return x as MatrixLike;
}

/** Runs one job (in whichever thread) and returns its result as plain data. */
export function runSweepJob(job: SweepJob): SweepJobResult {
  if (typeof job !== 'object' || job === null) throw new OptionError(`runSweepJob: expected a job { model, X, y, learningRate, shared }, got ${describeValue(job)}`);
  checkOptions('runSweepJob: job', job, JOB_KEYS);
  checkPositive('runSweepJob: learningRate', job.learningRate);
  checkShared('runSweepJob: shared', job.shared);
  const model = MLP.fromJSON(job.model);
  const run = sweepRun(model, fromPortable(job.X), fromPortable(job.y) as Targets, job.learningRate, job.shared);
  return { learningRate: job.learningRate, history: { ...run.history }, model: model.toJSON() };
}

/** The SweepRun of a job's result (History and MLP rebuilt). */
export function runFromResult(r: SweepJobResult, target: number): SweepRun {
  if (typeof r !== 'object' || r === null) throw new OptionError(`runFromResult: expected a job's result { learningRate, history, model }, got ${describeValue(r)}`);
  checkOptions('runFromResult: result', r, RESULT_KEYS);
  checkPositive('runFromResult: learningRate', r.learningRate);
  checkPositive('runFromResult: target', target);
  const h = r.history;
  if (typeof h !== 'object' || h === null || Array.isArray(h)) throw new InputError(`runFromResult: history: expected the fields of a History { loss, epochs, … }, got ${describeValue(h)}`);
  checkOptions('runFromResult: history', h, HISTORY_KEYS);
  const history = Object.assign(new History(r.learningRate), r.history);
  return labelRun(r.learningRate, history, target, MLP.fromJSON(r.model));
}
