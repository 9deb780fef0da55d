/**
 * One run of a learning-rate sweep as plain data, so that it can be sent to another thread and
 * back (structured clone keeps every number exactly): the starting model as MLP.toJSON, the
 * data, the rate and the shared options in; the history and the trained model out. Running a job
 * calls the same {@link sweepRun} as the sequential sweep, so both give the same numbers.
 */
import { Matrix, MatrixLike } from '../matrix';
import { History, MLP, MLPJSON, Targets } from '../mlp';
import { SweepRun, SweepShared, sweepRun, labelRun } from './learning-rate-sweep';

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

/** `x` in a form that crosses threads (a Matrix becomes its shape and a copy of its values). */
export function toPortable(x: MatrixLike | Targets): PortableData {
  if (x instanceof Matrix) return { rows: x.rows, cols: x.cols, data: x.data.slice() };
  return x as PortableData;
}

function fromPortable(x: PortableData): MatrixLike {
  if (!Array.isArray(x) && typeof x === 'object' && 'data' in x) return new Matrix(x.rows, x.cols, x.data);
  return x as MatrixLike;
}

/** Runs one job (in whichever thread) and returns its result as plain data. */
export function runSweepJob(job: SweepJob): SweepJobResult {
  const model = MLP.fromJSON(job.model);
  const run = sweepRun(model, fromPortable(job.X), fromPortable(job.y) as Targets, job.learningRate, job.shared);
  return { learningRate: job.learningRate, history: { ...run.history }, model: model.toJSON() };
}

/** The SweepRun of a job's result (History and MLP rebuilt). */
export function runFromResult(r: SweepJobResult, target: number): SweepRun {
  const history = Object.assign(new History(r.learningRate), r.history);
  return labelRun(r.learningRate, history, target, MLP.fromJSON(r.model));
}
