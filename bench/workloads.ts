/**
 * The four benchmark workloads of issue 5, their data and their initial weights.
 *
 * Everything is generated from fixed seeds and written once to build/bench/data/ as raw
 * little-endian Float64 files, so that every contender — JavaScript or Python — reads the
 * very same samples, targets and initial weights, and sees the batches in the same order
 * (the data are shuffled once here; every contender trains with shuffling off).
 */
import * as fs from 'fs';
import * as path from 'path';
import { seededRng, Rng } from '../src/engine/rng';

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4';
export type Hidden = 'sigmoid' | 'tanh' | 'relu';
export type Output = 'sigmoid' | 'softmax';
export type LossName = 'mse' | 'crossEntropy';

/** What a contender needs to know to build and train the network of one workload. */
export interface WorkloadSpec {
  id: WorkloadId;
  /** A one-line description for the tables. */
  title: string;
  /** Layer sizes, inputs first: [2, 4, 1] is a 2-4-1 network. */
  sizes: number[];
  hidden: Hidden;
  output: Output;
  loss: LossName;
  /** Number of training samples. */
  n: number;
  /** Mini-batch size (n means full batch). */
  batchSize: number;
  learningRate: number;
  epochs: number;
  /** Number of classes (0 for the regression target of W1). */
  classes: number;
  /** The data are a subset or fewer epochs than the table (quick mode). */
  quick: boolean;
}

/** The data and initial weights of a workload, as every contender gets them. */
export interface WorkloadData {
  spec: WorkloadSpec;
  /** Inputs [n × sizes[0]], row-major. */
  X: Float64Array;
  /** Targets [n × outputs]: 0/1 for W1, one-hot rows for the classifiers. */
  Y: Float64Array;
  /** Class index (or 0/1 target) per sample. */
  labels: Int32Array;
  /** Initial weights per layer, W[l] is [sizes[l] × sizes[l+1]] row-major. */
  W: Float64Array[];
  /** Initial biases per layer (zeros). */
  b: Float64Array[];
}

/** The table of the issue; `quick` shrinks it for smoke tests. */
export function workloadSpecs(quick = false): WorkloadSpec[] {
  const q = (full: number, small: number): number => (quick ? small : full);
  return [
    { id: 'W1', title: '2-4-1 sigmoid, MSE, XOR, full batch', sizes: [2, 4, 1], hidden: 'sigmoid', output: 'sigmoid', loss: 'mse',
      n: 4, batchSize: 4, learningRate: 0.5, epochs: q(5000, 500), classes: 0, quick },
    { id: 'W2', title: '2-16-16-2 tanh + softmax, two spirals (1000)', sizes: [2, 16, 16, 2], hidden: 'tanh', output: 'softmax', loss: 'crossEntropy',
      n: q(1000, 200), batchSize: 32, learningRate: 0.05, epochs: q(100, 10), classes: 2, quick },
    { id: 'W3', title: '64-64-10 ReLU + softmax, digits 8×8 (1797)', sizes: [64, 64, 10], hidden: 'relu', output: 'softmax', loss: 'crossEntropy',
      n: q(1797, 300), batchSize: 32, learningRate: 0.05, epochs: q(20, 2), classes: 10, quick },
    { id: 'W4', title: '784-128-10 ReLU + softmax, 10,000 synthetic 28×28', sizes: [784, 128, 10], hidden: 'relu', output: 'softmax', loss: 'crossEntropy',
      n: q(10000, 500), batchSize: 64, learningRate: 0.05, epochs: q(2, 1), classes: 10, quick },
  ];
}

/** Number of trainable parameters (weights and biases). */
export function parameterCount(sizes: number[]): number {
  let p = 0;
  for (let l = 0; l + 1 < sizes.length; l++) p += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return p;
}

/**
 * Floating-point operations of the matrix products the training actually does, per sample of
 * each epoch and each layer l of n_in × n_out weights: the forward product z = x·W (2·n_in·n_out),
 * the weight gradient ∂L/∂W = xᵀ·δ (2·n_in·n_out) and, except for the first layer, whose input
 * needs no gradient, the gradient passed down δ·Wᵀ (2·n_in·n_out). Bias sums, activations and
 * the update are O(units) or O(parameters per batch) and not counted: "6·parameters·samples"
 * would count a product nobody computes (W4: 12.2 GFLOP counted, 8.2 done).
 */
export function trainingFlops(spec: WorkloadSpec): number {
  let perSample = 0;
  for (let l = 0; l + 1 < spec.sizes.length; l++) perSample += 2 * spec.sizes[l] * spec.sizes[l + 1] * (l === 0 ? 2 : 3);
  return perSample * spec.n * spec.epochs;
}

// ---------------------------------------------------------------- data generation

function xor(): { X: number[][]; y: number[] } {
  return { X: [[0, 0], [0, 1], [1, 0], [1, 1]], y: [0, 1, 1, 0] };
}

/** Two interleaved spirals (as in the TensorFlow Playground), radius up to 5, a little noise. */
function spirals(n: number, rng: Rng): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  const half = n / 2;
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = (1.75 * i / half) * 2 * Math.PI + c * Math.PI;
      X.push([r * Math.sin(t) + rng.uniform(-0.2, 0.2), r * Math.cos(t) + rng.uniform(-0.2, 0.2)]);
      y.push(c);
    }
  }
  return { X, y };
}

/** The 8×8 digits of data/digits.csv, pixels divided by 16. */
function digits(root: string): { X: number[][]; y: number[] } {
  const lines = fs.readFileSync(path.join(root, 'data', 'digits.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const X: number[][] = [];
  const y: number[] = [];
  for (const line of lines) {
    const v = line.split(',').map(Number);
    y.push(v.pop() as number);
    X.push(v.map((p) => p / 16));
  }
  return { X, y };
}

/**
 * Synthetic 28×28 "images": each class is a prototype made of three Gaussian blobs; a sample
 * is its prototype shifted by up to 2 pixels, with uniform noise, clipped to [0, 1].
 */
function images(n: number, rng: Rng): { X: number[][]; y: number[] } {
  const side = 28;
  const blobs: { cx: number; cy: number; s: number }[][] = [];
  for (let c = 0; c < 10; c++) {
    const list = [];
    for (let k = 0; k < 3; k++) list.push({ cx: rng.uniform(6, 22), cy: rng.uniform(6, 22), s: rng.uniform(2, 4) });
    blobs.push(list);
  }
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = rng.integer(0, 10);
    const dx = rng.uniform(-2, 2);
    const dy = rng.uniform(-2, 2);
    const img = new Array<number>(side * side);
    for (let r = 0; r < side; r++) {
      for (let q = 0; q < side; q++) {
        let v = 0;
        for (const b of blobs[c]) v += Math.exp(-((q - b.cx - dx) ** 2 + (r - b.cy - dy) ** 2) / (2 * b.s * b.s));
        v += rng.uniform(-0.15, 0.15);
        img[r * side + q] = Math.min(1, Math.max(0, v));
      }
    }
    X.push(img);
    y.push(c);
  }
  return { X, y };
}

/** Builds the data and initial weights of one workload (deterministic). */
export function makeWorkload(spec: WorkloadSpec, root: string): WorkloadData {
  const rng = seededRng(`annlab-bench-${spec.id}`);
  let raw: { X: number[][]; y: number[] };
  if (spec.id === 'W1') raw = xor();
  else if (spec.id === 'W2') raw = spirals(spec.quick ? 1000 : spec.n, rng);
  else if (spec.id === 'W3') raw = digits(root);
  else raw = images(spec.n, rng);
  // Shuffle once (not W1: full batch), then keep the first n (quick mode takes a subset).
  const order = spec.id === 'W1' ? Array.from(raw.X, (_, i) => i) : Array.from(rng.permutation(raw.X.length));
  const idx = order.slice(0, spec.n);
  const inputs = spec.sizes[0];
  const outputs = spec.sizes[spec.sizes.length - 1];
  const X = new Float64Array(spec.n * inputs);
  const Y = new Float64Array(spec.n * outputs);
  const labels = new Int32Array(spec.n);
  idx.forEach((src, i) => {
    X.set(raw.X[src], i * inputs);
    labels[i] = raw.y[src];
    if (spec.classes === 0) Y[i * outputs] = raw.y[src];
    else Y[i * outputs + raw.y[src]] = 1;
  });
  // Glorot-uniform weights U(±√(6/(in+out))), zero biases: one draw for every contender.
  const wrng = seededRng(`annlab-bench-init-${spec.id}`);
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l + 1 < spec.sizes.length; l++) {
    const fanIn = spec.sizes[l];
    const fanOut = spec.sizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = wrng.uniform(-limit, limit);
    W.push(w);
    b.push(new Float64Array(fanOut));
  }
  return { spec, X, Y, labels, W, b };
}

// ---------------------------------------------------------------- files shared with the children

function writeF64(file: string, a: Float64Array): void {
  fs.writeFileSync(file, Buffer.from(a.buffer, a.byteOffset, a.byteLength));
}

function readF64(file: string): Float64Array {
  const buf = fs.readFileSync(file);
  const out = new Float64Array(buf.byteLength / 8);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** Writes a workload to `dir/ID/` (spec.json, X.f64, Y.f64, labels.f64, W0.f64, b0.f64, …). */
export function writeWorkload(data: WorkloadData, dir: string): string {
  const d = path.join(dir, data.spec.id);
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'spec.json'), JSON.stringify(data.spec, null, 1));
  writeF64(path.join(d, 'X.f64'), data.X);
  writeF64(path.join(d, 'Y.f64'), data.Y);
  writeF64(path.join(d, 'labels.f64'), Float64Array.from(data.labels));
  data.W.forEach((w, l) => writeF64(path.join(d, `W${l}.f64`), w));
  data.b.forEach((w, l) => writeF64(path.join(d, `b${l}.f64`), w));
  return d;
}

/** Reads what {@link writeWorkload} wrote. */
export function readWorkload(d: string): WorkloadData {
  const spec = JSON.parse(fs.readFileSync(path.join(d, 'spec.json'), 'utf8')) as WorkloadSpec;
  const layers = spec.sizes.length - 1;
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l < layers; l++) {
    W.push(readF64(path.join(d, `W${l}.f64`)));
    b.push(readF64(path.join(d, `b${l}.f64`)));
  }
  return { spec, X: readF64(path.join(d, 'X.f64')), Y: readF64(path.join(d, 'Y.f64')),
    labels: Int32Array.from(readF64(path.join(d, 'labels.f64'))), W, b };
}

// ---------------------------------------------------------------- one yardstick for every contender

/**
 * Final loss and accuracy from a contender's outputs on the training set ([n × outputs]:
 * sigmoid outputs for W1, class probabilities otherwise). MSE = mean (ŷ − y)²;
 * cross-entropy = −mean log p(true class). The same formula for everyone, so that the
 * numbers compare even where a library defines its own loss differently (e.g. ½·MSE).
 */
export function evaluate(data: WorkloadData, out: ArrayLike<number>): { loss: number; accuracy: number } {
  const { spec, Y, labels } = data;
  const k = spec.sizes[spec.sizes.length - 1];
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < spec.n; i++) {
    if (spec.loss === 'mse') {
      for (let j = 0; j < k; j++) loss += (out[i * k + j] - Y[i * k + j]) ** 2 / k;
      if ((out[i * k] >= 0.5 ? 1 : 0) === labels[i]) correct++;
    } else {
      loss -= Math.log(Math.max(out[i * k + labels[i]], 1e-300));
      let best = 0;
      for (let j = 1; j < k; j++) if (out[i * k + j] > out[i * k + best]) best = j;
      if (best === labels[i]) correct++;
    }
  }
  return { loss: loss / spec.n, accuracy: correct / spec.n };
}
