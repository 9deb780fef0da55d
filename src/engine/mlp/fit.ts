/**
 * The training loop: mini-batch gradient descent on buffers allocated once per fit. Every
 * matrix product goes through the kernels (matrix/kernels.ts). A diverging run stops at
 * once, restores the weights of its last finite epoch and says so in its History: it never
 * throws and never prints.
 */
import { Matrix } from '../matrix';
import { toRng } from '../rng';
import { Layer } from './layer';
import { Head, Workspace, forwardRows, backwardRows, batchLoss, countCorrect, gatherRows } from './network';
import { createOptimizer, Optimizer, OptimizerName } from './optimizers';
import { ResidentNet } from './resident';
import { History } from './history';
import type { EpochInfo, FitOptions } from './options';
import type { MLP } from './mlp';

/** Fit options after checks and defaults. */
export interface ResolvedFit {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  momentum: number;
  shuffle: boolean;
  seed: FitOptions['seed'];
  validation?: { X: Matrix; Y: Matrix };
  onEpoch?: FitOptions['onEpoch'];
}

/** A batch loss this many times the initial loss (the first batch's, before any update; at least 1) counts as divergence. */
export const DIVERGENCE_FACTOR = 1e6;

/** Loss (and correct count) of a whole data set, in chunks through `ws`. */
export function evaluateRows(layers: readonly Layer[], head: Head, ws: Workspace, X: Matrix, Y: Matrix): { loss: number; correct: number } {
  const n = X.rows;
  const d = X.cols;
  const m = Y.cols;
  let loss = 0;
  let correct = 0;
  for (let from = 0; from < n; from += ws.capacity) {
    const rows = Math.min(ws.capacity, n - from);
    // the passes only read the batch, so views into the data do (no copy)
    ws.batchX = X.data.subarray(from * d, (from + rows) * d);
    ws.batchY = Y.data.subarray(from * m, (from + rows) * m);
    forwardRows(layers, ws, rows);
    loss += batchLoss(layers, head, ws, rows) * rows;
    correct += countCorrect(ws.a[layers.length - 1], ws.batchY, rows, m);
  }
  return { loss: loss / n, correct };
}

/**
 * True when every parameter is finite. (v − v is 0 exactly for a finite v, NaN for NaN and ±∞.)
 * Loops like this one sit outside `train`: a hot loop makes the engine compile its whole function.
 */
function allFinite(params: Float64Array[]): boolean {
  for (const a of params) {
    for (let k = 0, len = a.length; k < len; k++) {
      const v = a[k];
      if (v - v !== 0) return false;
    }
  }
  return true;
}

/**
 * The divergence rule, kept across epochs: the first batch's loss (before any update) is the
 * initial loss; a batch loss that is NaN, ∞ or above DIVERGENCE_FACTOR × max(initial, 1) means
 * the run blew up.
 */
class DivergenceWatch {
  /** The loss of the untrained weights on the first batch (NaN until it is seen). */
  initialLoss = NaN;
  private limit = Infinity;

  /** False when `loss` means the run diverged. */
  accept(loss: number): boolean {
    if (!Number.isFinite(loss) || loss > this.limit) return false;
    if (this.limit === Infinity) {
      this.initialLoss = loss;
      this.limit = DIVERGENCE_FACTOR * Math.max(loss, 1);
    }
    return true;
  }
}

/** One epoch's sums; `bad`: it stopped at a diverged batch, whose loss is `lossSum`. */
interface EpochSums {
  lossSum: number;
  correct: number;
  bad: boolean;
}

/**
 * One epoch of mini-batches, the reference (network.ts): gather the batch, forward pass, loss,
 * reverse pass, step. Plain SGD steps inside backwardRows (`sgdRate`); other optimisers after it.
 */
function referenceEpoch(layers: readonly Layer[], head: Head, ws: Workspace, X: Matrix, Y: Matrix, idx: Int32Array, o: ResolvedFit, classification: boolean,
  watch: DivergenceWatch, sgdRate: number, optimizer: Optimizer | null, grads: Float64Array[]): EpochSums {
  const n = X.rows;
  const B = ws.capacity;
  const fusedDelta = head.fused !== null;
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < n; from += B) {
    const rows = Math.min(B, n - from);
    gatherRows(X, Y, idx, from, rows, ws, !o.shuffle);
    forwardRows(layers, ws, rows);
    const bl = batchLoss(layers, head, ws, rows, fusedDelta);
    if (!watch.accept(bl)) return { lossSum: bl, correct, bad: true }; // one NaN/∞ (or exploded) batch is enough
    lossSum += bl * rows;
    if (classification) correct += countCorrect(ws.a[layers.length - 1], ws.batchY, rows, Y.cols);
    backwardRows(layers, head, ws, rows, fusedDelta, sgdRate);
    if (optimizer) optimizer.step(grads, o.learningRate);
  }
  return { lossSum, correct, bad: false };
}

/**
 * The same epoch on the resident twin of the passes (resident.ts). Like referenceEpoch, a
 * function of its own, so that the engine compiles this small hot loop rather than all of `train`.
 */
function residentEpoch(fast: ResidentNet, X: Matrix, Y: Matrix, idx: Int32Array, B: number, o: ResolvedFit, classification: boolean, watch: DivergenceWatch): EpochSums {
  const n = X.rows;
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < n; from += B) {
    const rows = Math.min(B, n - from);
    fast.gather(X, Y, idx, from, rows, !o.shuffle);
    const bl = fast.forwardLoss(rows);
    if (!watch.accept(bl)) return { lossSum: bl, correct, bad: true };
    lossSum += bl * rows;
    if (classification) correct += fast.correct(rows);
    fast.backwardStep(rows, o.learningRate);
  }
  return { lossSum, correct, bad: false };
}

/** Everything one fit keeps across its epochs (see `train`). */
interface Run {
  readonly model: MLP;
  readonly layers: readonly Layer[];
  readonly head: Head;
  readonly classification: boolean;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly o: ResolvedFit;
  readonly start: number;
  readonly B: number;
  readonly fast: ResidentNet | null;
  /**
   * The resident step, and nobody reads the weights before training ends (no validation, no
   * onEpoch): they stay in the module, checked and kept there each epoch, and come out once.
   */
  readonly inModule: boolean;
  readonly ws: Workspace;
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  readonly snapshot: Float64Array[];
  readonly sgdRate: number;
  readonly optimizer: Optimizer | null;
  readonly rng: ReturnType<typeof toRng>;
  readonly idx: Int32Array;
  readonly h: History;
  readonly watch: DivergenceWatch;
}

/** Trains `layers` on X, Y (already checked) and returns the History. */
export function train(model: MLP, layers: readonly Layer[], head: Head, classification: boolean, X: Matrix, Y: Matrix, o: ResolvedFit): History {
  const start = Date.now();
  const n = X.rows;
  const B = Math.min(o.batchSize, n);
  // The same step in WebAssembly on resident buffers where it applies (resident.ts, tested against
  // the reference below); null: the reference runs.
  const fast = ResidentNet.create(layers, head, B, o.optimizer, o.momentum);
  // the reference's buffers; with the resident step only the forward ones (validation)
  const ws = new Workspace(layers, B, !fast);
  const params: Float64Array[] = [];
  for (const l of layers) params.push(l.W.data, l.b.data);
  // plain SGD updates each layer inside the backward pass (see backwardRows); the others step after it
  const sgdRate = o.optimizer === 'sgd' ? o.learningRate : 0;
  const h = new History(o.learningRate);
  if (classification) h.accuracy = [];
  if (o.validation) {
    h.valLoss = [];
    if (classification) h.valAccuracy = [];
  }
  const run: Run = {
    model, layers, head, classification, X, Y, o, start, B, fast, ws, params, sgdRate, h,
    inModule: fast !== null && !o.validation && !o.onEpoch,
    grads: ws.gradientArrays(),
    snapshot: params.map((p) => p.slice()), // the weights after the last finite epoch
    optimizer: sgdRate > 0 || fast ? null : createOptimizer(o.optimizer, params, o.momentum),
    rng: toRng(o.seed, 0),
    idx: Int32Array.from({ length: n }, (_, i) => i), // the order of the rows, shuffled in place
    watch: new DivergenceWatch(),
  };
  // The loop stays this small and each epoch is a function of its own: the engine then compiles
  // `epoch` once, early, as a whole function, instead of recompiling all of `train` mid-loop.
  for (let e = 1; e <= o.epochs; e++) if (!epoch(run, e)) break;
  if (run.inModule && h.status !== 'diverged') fast!.store(); // (a diverged run restored them already)
  fast?.release();
  if (h.status === 'completed') h.message = `completed ${h.epochs} epochs, loss ${h.finalLoss.toPrecision(4)}`;
  h.seconds = (Date.now() - start) / 1000;
  return h;
}

/** Epoch `e` of a run, its History entries included; false: training stops here. */
function epoch(r: Run, e: number): boolean {
  const { o, fast, h, params, inModule } = r;
  const n = r.X.rows;
  if (o.shuffle) r.rng.shuffle(r.idx);
  if (fast && (e === 1 || o.onEpoch)) fast.load(); // onEpoch may have changed the weights
  if (inModule && e === 1) fast!.keep();
  const { lossSum, correct, bad } = fast
    ? residentEpoch(fast, r.X, r.Y, r.idx, r.B, o, r.classification, r.watch)
    : referenceEpoch(r.layers, r.head, r.ws, r.X, r.Y, r.idx, o, r.classification, r.watch, r.sgdRate, r.optimizer, r.grads);
  if (fast && !bad && !inModule) fast.store();
  const loss = bad ? lossSum : lossSum / n;
  h.loss.push(loss);
  h.epochs = e;
  const finiteWeights = bad || (inModule ? fast!.finite() : allFinite(params));
  if (bad || !finiteWeights) {
    diverged(r, e, loss, finiteWeights);
    return false;
  }
  if (inModule) fast!.keep();
  else {
    const snapshot = r.snapshot;
    for (let p = 0; p < params.length; p++) snapshot[p].set(params[p]);
  }
  if (h.accuracy) h.accuracy.push(correct / n);
  if (o.validation) {
    const v = evaluateRows(r.layers, r.head, r.ws, o.validation.X, o.validation.Y);
    h.valLoss!.push(v.loss);
    if (h.valAccuracy) h.valAccuracy.push(v.correct / o.validation.X.rows);
  }
  return o.onEpoch ? callOnEpoch(r, e, loss) : true;
}

/** Restores the weights of the last finite epoch and says in the History why training stopped at epoch `e`. */
function diverged(r: Run, e: number, loss: number, finiteWeights: boolean): void {
  const { params, snapshot, h } = r;
  if (r.inModule) {
    r.fast!.restoreKept();
    r.fast!.store();
  } else {
    for (let p = 0; p < params.length; p++) params[p].set(snapshot[p]);
  }
  h.status = 'diverged';
  const what = !finiteWeights
    ? 'the weights became NaN or ∞'
    : !Number.isFinite(loss)
      ? `loss became ${loss}`
      : `loss reached ${loss.toPrecision(3)}, over ${DIVERGENCE_FACTOR.toExponential(0)}× the initial ${r.watch.initialLoss.toPrecision(3)}`;
  h.message =
    `diverged at epoch ${e}: ${what} (learning rate ${r.o.learningRate} is too large); ` +
    (e > 1 ? `weights restored to epoch ${e - 1}` : 'weights restored to their initial values');
}

/** Calls onEpoch after epoch `e`; false when it stopped training before the last epoch. */
function callOnEpoch(r: Run, e: number, loss: number): boolean {
  const { o, h } = r;
  const info: EpochInfo = {
    epoch: e,
    epochs: o.epochs,
    loss,
    seconds: (Date.now() - r.start) / 1000,
    model: r.model,
  };
  if (h.accuracy) info.accuracy = h.accuracy[h.accuracy.length - 1];
  if (h.valLoss) info.valLoss = h.valLoss[h.valLoss.length - 1];
  if (h.valAccuracy) info.valAccuracy = h.valAccuracy[h.valAccuracy.length - 1];
  if (o.onEpoch!(info) === false && e < o.epochs) {
    h.status = 'stopped';
    h.message = `stopped by onEpoch after epoch ${e} of ${o.epochs}, loss ${loss.toPrecision(4)}`;
    return false;
  }
  return true;
}
