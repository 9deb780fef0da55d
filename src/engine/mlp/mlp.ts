/**
 * The multi-layer perceptron: layers of units, trained by backpropagation. `forward` and
 * `backward` show every step (each layer's z and a, each layer's gradients) for a notebook;
 * `fit` trains on preallocated buffers (see fit.ts and network.ts).
 */
import { Activation, getActivation } from '../activations';
import { Loss, getLoss } from '../losses';
import { Matrix, MatrixLike } from '../matrix';
import { accuracy, r2Score } from '../metrics';
import { toRng } from '../rng';
import { InputError, MAX_UNITS, OptionError, StateError, ShapeError, checkChoice, checkInteger, describeValue } from '../errors';
import { DenseLayer, Layer, MAX_PIECES, MaxoutLayer } from './layer';
import { Head, Workspace, backwardRows, batchLoss, forwardRows, makeHead } from './network';
import { InitName, initNames, initWeights } from './init';
import { History } from './history';
import { train, evaluateRows } from './fit';
import { Targets, toInputs, toTargets } from './targets';
import { BackwardResult, FitOptions, ForwardResult, LayerSpec, MLPOptions, Task } from './options';
import { ModelSummary, summarize } from './summary';
import { MLPJSON, loadSavedWeights, modelToJSON, readSavedModel } from './json';
import { resolveFitOptions } from './fit-options';
import { inspectSymbol } from '../inspect';
import { checkOptions, optionKeys } from '../options';

const taskNames = ['classification', 'regression'] as const;

/** The option names of the MLP, listed once. */
const MLP_KEYS = optionKeys<MLPOptions>()('inputs', 'layers', 'loss', 'task', 'init', 'seed');

/** A multi-layer perceptron. */
export class MLP {
  /** Number of input features. */
  readonly inputs: number;
  /** The layers, first hidden layer to output layer. Dense: W [in×out], b [1×out]; Maxout: all pieces side by side. */
  readonly layers: Layer[];
  /** The loss L(ŷ, y). */
  readonly loss: Loss;
  /** 'classification' or 'regression'. */
  readonly task: Task;
  /** How the weights started. */
  readonly init: InitName;
  /** The seed of the initial weights. */
  readonly seed: number | string;
  private readonly head: Head;

  constructor(options: MLPOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new OptionError(`MLP: expected options { inputs, layers, loss?, task?, init?, seed? }, got ${describeValue(options)}`);
    }
    checkOptions('MLP: options', options, MLP_KEYS);
    this.inputs = checkInteger('MLP: inputs', options.inputs, 1, MAX_UNITS);
    if (!Array.isArray(options.layers) || options.layers.length === 0) {
      throw new OptionError(`MLP: layers: expected a non-empty list of layers like { units: 4, activation: 'relu' }, got ${describeValue(options.layers)}`);
    }
    this.init = options.init === undefined ? 'glorot' : checkChoice('MLP: init', options.init, initNames);
    this.seed = options.seed ?? 0;
    if (typeof this.seed !== 'string' && !(typeof this.seed === 'number' && Number.isFinite(this.seed))) {
      throw new OptionError(`MLP: seed: expected a finite number or a string, got ${describeValue(this.seed)}`);
    }
    const specs = options.layers;
    const last = specs[specs.length - 1];
    // The output activation and the loss default to each other (softmax ↔ crossEntropy, sigmoid ↔ binaryCrossEntropy).
    let loss: Loss | undefined = options.loss === undefined ? undefined : getLoss(options.loss);
    let lastAct: Activation | undefined;
    if (last && last.type !== 'maxout' && last.activation !== undefined) {
      try {
        lastAct = getActivation(last.activation);
      } catch (e) {
        if (e instanceof OptionError) throw new OptionError(`MLP: layers[${specs.length - 1}].${e.message}`);
        throw e;
      }
    }
    if (!loss) {
      loss = getLoss(lastAct?.name === 'softmax' ? 'crossEntropy' : lastAct?.name === 'sigmoid' ? 'binaryCrossEntropy' : 'mse');
    }
    const outputDefault = loss.name === 'crossEntropy' ? 'softmax' : loss.name === 'binaryCrossEntropy' ? 'sigmoid' : 'identity';
    this.loss = loss;

    const rng = toRng(this.seed);
    this.layers = [];
    let inputs = this.inputs;
    specs.forEach((spec, i) => {
      const where = `MLP: layers[${i}]`;
      if (typeof spec !== 'object' || spec === null) throw new OptionError(`${where}: expected { units, activation? } or { type: 'maxout', units, pieces? }, got ${describeValue(spec)}`);
      const type = spec.type === undefined ? 'dense' : checkChoice(`${where}.type`, spec.type, ['dense', 'maxout'] as const);
      const units = checkInteger(`${where}.units`, spec.units, 1, MAX_UNITS);
      let layer: Layer;
      if (type === 'maxout') {
        const pieces = checkInteger(`${where}.pieces`, (spec as { pieces?: number }).pieces ?? 2, 1, MAX_PIECES);
        layer = new MaxoutLayer(inputs, units, pieces);
      } else {
        const act = (spec as { activation?: unknown }).activation;
        const actName = act === undefined ? (i === specs.length - 1 ? outputDefault : 'relu') : act;
        try {
          layer = new DenseLayer(inputs, units, getActivation(actName));
        } catch (e) {
          if (e instanceof OptionError) throw new OptionError(`${where}.${e.message}`);
          throw e;
        }
      }
      initWeights(this.init, layer.W.data, inputs, units, rng);
      this.layers.push(layer);
      inputs = units;
    });
    const out = this.layers[this.layers.length - 1];
    if (out.type === 'dense' && out.activation.name === 'softmax' && out.units < 2) {
      throw new OptionError(`MLP: a softmax output layer needs at least 2 units (one per class), got ${out.units}; use 1 sigmoid unit for two classes`);
    }
    this.head = makeHead(out, loss);
    this.task =
      options.task === undefined
        ? loss.name === 'crossEntropy' || loss.name === 'binaryCrossEntropy'
          ? 'classification'
          : 'regression'
        : checkChoice('MLP: task', options.task, taskNames);
  }

  /** Number of outputs (units of the output layer). */
  get outputs(): number {
    return this.layers[this.layers.length - 1].units;
  }

  /** Number of classes of a classifier (2 for one sigmoid output). */
  get classes(): number {
    return this.outputs === 1 ? 2 : this.outputs;
  }

  private get isClassifier(): boolean {
    return this.task === 'classification';
  }

  /** Runs X through the network in chunks; calls `use` with the output buffer of each chunk. */
  private outputRows(X: Matrix, each: (out: Float64Array, from: number, rows: number) => void): void {
    const cap = Math.min(X.rows, 1024);
    const ws = new Workspace(this.layers, cap, false);
    const d = X.cols;
    for (let from = 0; from < X.rows; from += cap) {
      const rows = Math.min(cap, X.rows - from);
      ws.x.set(X.data.subarray(from * d, (from + rows) * d));
      forwardRows(this.layers, ws, rows);
      each(ws.a[this.layers.length - 1], from, rows);
    }
  }

  /** The output ŷ for every row of X, as a Matrix [rows × outputs]. */
  private outputMatrix(X: Matrix): Matrix {
    const m = this.outputs;
    const out = new Matrix(X.rows, m);
    this.outputRows(X, (a, from, rows) => out.data.set(a.subarray(0, rows * m), from * m));
    return out;
  }

  /** The forward pass, keeping every layer's pre-activation z and activation a. */
  forward(X: MatrixLike): ForwardResult {
    const M = toInputs(X, this.inputs, 'forward');
    const ws = new Workspace(this.layers, M.rows, false);
    ws.x.set(M.data);
    forwardRows(this.layers, ws, M.rows);
    const layers = this.layers.map((l, i) => ({ z: new Matrix(M.rows, l.zCols, ws.z[i]), a: new Matrix(M.rows, l.units, ws.a[i]) }));
    return { output: layers[layers.length - 1].a, layers };
  }

  /** The loss on (X, y) and every layer's gradients dL/dW, dL/db, by backpropagation. Updates nothing. */
  backward(X: MatrixLike, y: Targets): BackwardResult {
    const M = toInputs(X, this.inputs, 'backward');
    const Y = toTargets(y, M.rows, this.outputs, this.isClassifier, 'backward');
    const ws = new Workspace(this.layers, M.rows, true);
    ws.x.set(M.data);
    ws.y.set(Y.data);
    forwardRows(this.layers, ws, M.rows);
    const loss = batchLoss(this.layers, this.head, ws, M.rows);
    backwardRows(this.layers, this.head, ws, M.rows);
    const gradients = this.layers.map((l, i) => ({ dW: new Matrix(l.W.rows, l.W.cols, ws.gW[i]), db: new Matrix(1, l.b.cols, ws.gb[i]) }));
    return { loss, gradients };
  }

  /** The loss on (X, y) (and the accuracy for a classifier), without changing anything. */
  evaluate(X: MatrixLike, y: Targets): { loss: number; accuracy?: number } {
    const M = toInputs(X, this.inputs, 'evaluate');
    const Y = toTargets(y, M.rows, this.outputs, this.isClassifier, 'evaluate');
    const ws = new Workspace(this.layers, Math.min(M.rows, 1024), false);
    const r = evaluateRows(this.layers, this.head, ws, M, Y);
    return this.isClassifier ? { loss: r.loss, accuracy: r.correct / M.rows } : { loss: r.loss };
  }

  /** Trains the network by mini-batch gradient descent; returns the History. Never throws for divergence. */
  fit(X: MatrixLike, y: Targets, options: FitOptions = {}): History {
    const o = resolveFitOptions(options, (VX, vy) => {
      const M = toInputs(VX as MatrixLike, this.inputs, 'fit: validationData');
      return { X: M, Y: toTargets(vy as Targets, M.rows, this.outputs, this.isClassifier, 'fit: validationData') };
    });
    const M = toInputs(X, this.inputs, 'fit');
    const Y = toTargets(y, M.rows, this.outputs, this.isClassifier, 'fit');
    return train(this, this.layers, this.head, this.isClassifier, M, Y, o);
  }

  /**
   * Predictions: for a classifier the class index of each row (0/1 for one sigmoid output);
   * for a regressor a number per row (one output) or a row of numbers (several outputs).
   */
  predict(X: MatrixLike): number[] | number[][] {
    const M = toInputs(X, this.inputs, 'predict');
    const m = this.outputs;
    const out = this.outputMatrix(M);
    if (this.isClassifier) {
      const labels = new Array<number>(M.rows);
      for (let i = 0; i < M.rows; i++) {
        if (m === 1) labels[i] = out.data[i] >= 0.5 ? 1 : 0;
        else {
          let best = 0;
          for (let j = 1; j < m; j++) if (out.data[i * m + j] > out.data[i * m + best]) best = j;
          labels[i] = best;
        }
      }
      return labels;
    }
    return m === 1 ? Array.from(out.data) : out.toArray();
  }

  /** Class probabilities of a classifier, one row per sample (one column = P(class 1) for a sigmoid output). */
  predictProba(X: MatrixLike): number[][] {
    if (!this.isClassifier) throw new StateError('predictProba: this model is a regressor; it has no class probabilities (use predict)');
    return this.outputMatrix(toInputs(X, this.inputs, 'predictProba')).toArray();
  }

  /** Accuracy (classifier) or R² (regressor) on (X, y). */
  score(X: MatrixLike, y: Targets): number {
    const M = toInputs(X, this.inputs, 'score');
    const Y = toTargets(y, M.rows, this.outputs, this.isClassifier, 'score');
    if (this.isClassifier) {
      const pred = this.predict(M) as number[];
      const truth = new Array<number>(M.rows);
      const m = Y.cols;
      for (let i = 0; i < M.rows; i++) {
        let best = 0;
        if (m === 1) best = Y.data[i] >= 0.5 ? 1 : 0;
        else for (let j = 1; j < m; j++) if (Y.data[i * m + j] > Y.data[i * m + best]) best = j;
        truth[i] = best;
      }
      return accuracy(truth, pred);
    }
    const out = this.outputMatrix(M);
    if (out.cols === 1) return r2Score(Y.data, out.data);
    // several outputs: the mean R² over the outputs (scikit-learn's 'uniform_average')
    let s = 0;
    for (let j = 0; j < out.cols; j++) {
      const col = (A: Matrix) => Array.from({ length: A.rows }, (_, i) => A.data[i * A.cols + j]);
      s += r2Score(col(Y), col(out));
    }
    return s / out.cols;
  }

  /** The live parameter arrays [W0, b0, W1, b1, …] (writing to them changes the model). */
  getParameters(): Float64Array[] {
    const out: Float64Array[] = [];
    for (const l of this.layers) out.push(l.W.data, l.b.data);
    return out;
  }

  /** Copies parameter arrays (as from getParameters) into the model. */
  setParameters(params: ReadonlyArray<ArrayLike<number>>): void {
    const own = this.getParameters();
    if (!Array.isArray(params) || params.length !== own.length) {
      throw new ShapeError(`setParameters: expected ${own.length} arrays [W0, b0, W1, b1, …], got ${describeValue(params)}`);
    }
    own.forEach((p, k) => {
      if (params[k].length !== p.length) throw new ShapeError(`setParameters: array ${k} has ${params[k].length} values, expected ${p.length}`);
      for (let i = 0; i < p.length; i++) {
        if (!Number.isFinite(params[k][i])) throw new InputError(`setParameters: expected finite numbers, but array ${k}, element ${i} is ${params[k][i]}`);
      }
    });
    own.forEach((p, k) => p.set(params[k]));
  }

  /** Layers, parameter counts and multiply-adds per sample. */
  summary(): ModelSummary {
    return summarize(this);
  }

  /** The layer specs that rebuild this architecture. */
  layerSpecs(): LayerSpec[] {
    return this.layers.map((l) => (l.type === 'maxout' ? { type: 'maxout', units: l.units, pieces: l.pieces } : { units: l.units, activation: l.activation }));
  }

  /** A plain object with the architecture and the weights (JSON.stringify-able). */
  toJSON(): MLPJSON {
    return modelToJSON(this);
  }

  /** Rebuilds a model saved by toJSON (an object or its JSON string). */
  static fromJSON(json: MLPJSON | string): MLP {
    const j = readSavedModel(json);
    const model = new MLP({
      inputs: j.inputs,
      task: j.task,
      init: j.init,
      seed: j.seed,
      loss: getLoss(j.loss?.name, j.loss?.params),
      layers: j.layers.map((l) =>
        l.type === 'maxout' ? { type: 'maxout', units: l.units, pieces: l.pieces } : { units: l.units, activation: getActivation(l.activation?.name, l.activation?.params) },
      ),
    });
    loadSavedWeights(model.layers, j);
    return model;
  }

  /** An independent copy (same architecture, same weights); custom activation/loss objects are shared. */
  clone(): MLP {
    const copy = new MLP({ inputs: this.inputs, layers: this.layerSpecs(), loss: this.loss, task: this.task, init: this.init, seed: this.seed });
    copy.setParameters(this.getParameters());
    return copy;
  }

  /** Prints as toString() in a notebook (tslab console.logs a cell's value). */
  [inspectSymbol](): string {
    return this.toString();
  }

  /** E.g. `MLP classifier 4 → 16 relu → 3 softmax, loss crossEntropy, 131 parameters`. */
  toString(): string {
    const parts = [String(this.inputs), ...this.layers.map((l) => (l.type === 'maxout' ? `${l.units} maxout(${l.pieces})` : `${l.units} ${l.activation.name}`))];
    const kind = this.isClassifier ? 'classifier' : 'regressor';
    return `MLP ${kind} ${parts.join(' → ')}, loss ${this.loss.name}, ${this.summary().parameters} parameters`;
  }
}

/** True when `x` is an MLP. */
export function isMLP(x: unknown): x is MLP {
  return x instanceof MLP;
}
