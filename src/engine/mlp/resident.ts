/**
 * The resident training step: the tested twin of forwardRows, batchLoss, backwardRows and
 * Layer.sgdStep (network.ts, layer.ts), run in WebAssembly (wasm/train.ts) on buffers that live
 * in the module's memory: weights, biases, z, a, the deltas and the batch. Per batch only the
 * batch goes in (not even that when the module already holds it) and the loss comes out. With
 * validation or onEpoch the weights are copied in when an epoch starts and back out when it ends,
 * for those to read; without, they stay in the module, where fit checks that they are finite and
 * keeps the last finite epoch's (`finite`, `keep`, `restoreKept`), and come out once at the end.
 *
 * It takes dense networks with the course's elementwise activations, softmax + cross-entropy,
 * sigmoid + binary cross-entropy or MSE, and plain SGD or momentum, on the default float64
 * kernels. Anything else (maxout, other losses or optimisers, kernels chosen with setKernels, no
 * WebAssembly, a memory that cannot grow) returns null from `ResidentNet.create`, and fit runs
 * the readable reference instead.
 */
import { activations, softmaxActivation, type Activation } from '../activations';
import { losses } from '../losses';
import { Matrix, defaultKernels, getKernels } from '../matrix';
import { decodeBase64 } from '../matrix/wasm/base64';
import type { Head } from './network';
import type { Layer } from './layer';
import type { OptimizerName } from './optimizers';
import { TRAIN_WASM_BASE64, TRAIN_RELAXED_WASM_BASE64 } from './wasm/train-binary';

/** What wasm/train.ts exports (pointers are byte offsets into its memory). */
interface TrainExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  gemm(mP: number, nP: number, k: number, a: number, ars: number, acs: number, b: number, c: number, accumulate: number): void;
  transpose(rows: number, cols: number, src: number, dst: number, rowsP: number): void;
  addBias(rows: number, stride: number, z: number, b: number): void;
  activate(kind: number, p: number, rows: number, units: number, stride: number, z: number, a: number): void;
  deactivate(kind: number, p: number, n: number, z: number, a: number, dA: number, dZ: number): void;
  softmaxCrossEntropy(rows: number, m: number, stride: number, z: number, a: number, y: number, dZ: number): number;
  sigmoidBinaryCrossEntropy(rows: number, m: number, stride: number, z: number, a: number, y: number, dZ: number): number;
  meanSquaredError(rows: number, m: number, stride: number, a: number, y: number, dA: number): number;
  sgdBias(rows: number, stride: number, dZ: number, gb: number, b: number, rate: number): void;
  biasGradient(rows: number, stride: number, dZ: number, gb: number): void;
  momentumStep(n: number, theta: number, g: number, v: number, mu: number, rate: number): void;
  countCorrect(rows: number, m: number, stride: number, a: number, y: number): number;
  copyRows(rows: number, cols: number, src: number, srcStride: number, dst: number, dstStride: number): void;
  forwardLoss(layers: number, table: number, head: number, rows: number, X: number, d: number, Y: number): number;
  backwardStep(layers: number, table: number, head: number, rows: number, X: number, d: number, wt: number, rate: number, momentum: number, mu: number): void;
}

/** The heads of wasm/train.ts. */
const HEAD_CODES = { softmaxCrossEntropy: 0, sigmoidBinaryCrossEntropy: 1, mse: 2 } as const;

/** The fields of a layer's row in the table wasm/train.ts reads (16 numbers a layer). */
const FIELDS = ['kind', 'p', 'n', 'nP', 'u', 'uP', 'W', 'b', 'gb', 'z', 'a', 'dZ', 'dA', 'vW', 'vb', 'gW'] as const;

/** The activation codes of wasm/train.ts. */
export const ACTIVATION_CODES = { identity: 0, relu: 1, sigmoid: 2, tanh: 3, leakyRelu: 4, elu: 5, selu: 6, softplus: 7, step: 8, sign: 9 } as const;

/** The code and parameter of an elementwise activation the module computes, or null. */
export function activationCode(act: Activation): { kind: number; p: number } | null {
  if (act.name === 'leakyRelu' && typeof act.params?.slope === 'number') return { kind: ACTIVATION_CODES.leakyRelu, p: act.params.slope };
  if (act.name === 'elu' && typeof act.params?.alpha === 'number') return { kind: ACTIVATION_CODES.elu, p: act.params.alpha };
  for (const name of ['identity', 'relu', 'sigmoid', 'tanh', 'selu', 'softplus', 'step', 'sign'] as const) {
    if (act === activations[name]) return { kind: ACTIVATION_CODES[name], p: 0 };
  }
  return null;
}

let compiled: unknown = null; // the compiled module (WebAssembly.Module), made once
let failed = false;

/** A fresh instance of the training module, or null where WebAssembly (or its SIMD) is missing. */
export function instantiateTrainModule(): TrainExports | null {
  if (failed) return null;
  try {
    // WebAssembly is a global of every engine annlab runs on, but not of the ES2020 type library.
    const WA = (globalThis as unknown as { WebAssembly?: any }).WebAssembly;
    if (!WA) throw new Error('no WebAssembly');
    if (!compiled) {
      // the relaxed build exactly where the matrix kernels use theirs, so both round alike
      const fma = defaultKernels.name.includes('-fma');
      compiled = new WA.Module(decodeBase64(fma ? TRAIN_RELAXED_WASM_BASE64 : TRAIN_WASM_BASE64));
    }
    return new WA.Instance(compiled, {}).exports as TrainExports;
  } catch {
    failed = true;
    return null;
  }
}

/** Memories up to this size (bytes) are kept for the next fit; larger ones go to the collector. */
const KEEP_BYTES = 64 * 2 ** 20;
let idle: TrainExports | null = null; // an instance no fit is using, kept to save the next one's setup

/** The idle instance, or a new one (a fit inside another fit's onEpoch gets its own). */
function acquire(): TrainExports | null {
  const ex = idle ?? instantiateTrainModule();
  idle = null;
  return ex;
}

// Compiled and instantiated when annlab loads, as the matrix kernels are (a few milliseconds),
// so that the first fit does not pay for it.
idle = instantiateTrainModule();

let enabled = true;

/**
 * Turns the resident step on or off (on by default); returns the previous setting. Off, fit
 * always runs the reference in network.ts — what the tests compare the resident step with.
 */
export function useResidentTraining(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

const up4 = (x: number): number => (x + 3) & ~3;

/** One layer's place in the module's memory (offsets in float64 numbers). */
interface Slot {
  layer: Layer;
  kind: number;
  p: number;
  n: number; // inputs
  nP: number; // inputs rounded up to 4 (rows of W)
  u: number; // units
  uP: number; // units rounded up to 4 (row stride of W, z, a, deltas)
  W: number;
  b: number;
  gb: number;
  z: number;
  a: number;
  dZ: number;
  dA: number;
  vW: number; // momentum's velocities (0 without momentum)
  vb: number;
  gW: number; // the weight gradient (momentum only; SGD accumulates into W)
}

/** A dense network whose training step runs in WebAssembly; see the file's comment. */
export class ResidentNet {
  private readonly ex: TrainExports;
  private heap: Float64Array;
  private readonly slots: Slot[];
  private readonly head: Head;
  private readonly rowsP: number;
  private readonly X: number;
  private readonly Y: number;
  private readonly Wt: number;
  private readonly d: number;
  private readonly m: number;
  private readonly momentum: number | null;
  private readonly table: number;
  private readonly headCode: number;
  /** Per layer, views of W (as the scratch area holds it after copyRows) and of b: made once, none per epoch. */
  private readonly outW: Float64Array[];
  private readonly outB: Float64Array[];
  /** Per layer, views of the padded W and b in the module, and a copy of them (`keep`, `restoreKept`). */
  private readonly padW: Float64Array[];
  private readonly padB: Float64Array[];
  private readonly keptW: Float64Array[];
  private readonly keptB: Float64Array[];
  /** The rows the batch area holds (from `gather`; heldX null: none known); reset by `load`. See `gather`. */
  private heldX: Float64Array | null = null;
  private heldY: Float64Array | null = null;
  private heldFrom = 0;
  private heldRows = 0;

  /**
   * A resident copy of `layers` for batches of up to `capacity` rows, or null where the
   * network, loss, optimiser or kernels are not ones it computes, or its memory cannot be had.
   */
  static create(layers: readonly Layer[], head: Head, capacity: number, optimizer: OptimizerName, momentum = 0.9): ResidentNet | null {
    if (!enabled || getKernels() !== defaultKernels || !defaultKernels.name.startsWith('wasm')) return null;
    if (optimizer !== 'sgd' && optimizer !== 'momentum') return null;
    const L = layers.length - 1;
    for (let l = 0; l <= L; l++) {
      const layer = layers[l];
      if (layer.type !== 'dense') return null;
      const softmaxOut = l === L && layer.activation === softmaxActivation && head.fused === 'softmaxCrossEntropy';
      if (!softmaxOut && !activationCode(layer.activation)) return null;
    }
    if (!head.fused && head.loss !== losses.mse) return null;
    const ex = acquire();
    if (!ex) return null;
    try {
      return new ResidentNet(ex, layers, head, capacity, optimizer === 'momentum' ? momentum : null);
    } catch {
      return null; // the memory could not grow (an address-space cap): the reference path runs
    }
  }

  /** Hands the module back for the next fit (call once, when training ends). */
  release(): void {
    if (this.ex.memory.buffer.byteLength <= KEEP_BYTES) idle = this.ex;
  }

  private constructor(ex: TrainExports, layers: readonly Layer[], head: Head, capacity: number, momentum: number | null) {
    this.ex = ex;
    this.head = head;
    this.momentum = momentum;
    const rP = up4(capacity);
    this.rowsP = rP;
    this.d = layers[0].inputs;
    this.m = head.outputs;
    let top = Math.ceil(ex.heapBase() / 8);
    /** Reserves `count` numbers, each region starting on 16 numbers (128 bytes). */
    const take = (count: number): number => {
      const at = (top + 15) & ~15;
      top = at + count;
      return at;
    };
    this.X = take(rP * this.d + 4); // + 4: the transposed read of the last row's padding
    this.Y = take(rP * this.m);
    let wt = 0;
    this.slots = layers.map((layer) => {
      const l = layer as Extract<Layer, { type: 'dense' }>;
      const code = activationCode(l.activation) ?? { kind: -1, p: 0 }; // −1: the fused softmax head
      const n = l.inputs;
      const u = l.units;
      const nP = up4(n);
      const uP = up4(u);
      wt = Math.max(wt, nP * uP); // Wᵀ in the backward pass; W on its way in and out (load, store)
      const withMomentum = momentum !== null;
      return {
        layer, kind: code.kind, p: code.p, n, nP, u, uP,
        W: take(nP * uP), b: take(uP), gb: take(uP),
        z: take(rP * uP), a: take(rP * uP), dZ: take(rP * uP), dA: take(rP * uP),
        vW: withMomentum ? take(nP * uP) : 0, vb: withMomentum ? take(uP) : 0, gW: withMomentum ? take(nP * uP) : 0,
      };
    });
    this.Wt = take(wt);
    this.table = take(16 * this.slots.length);
    this.headCode = HEAD_CODES[head.fused ?? 'mse'];
    const bytes = (top + 16) * 8;
    const have = ex.memory.buffer.byteLength;
    if (bytes > have) ex.memory.grow(Math.ceil((bytes - have) / 65536)); // throws where it cannot
    this.heap = new Float64Array(ex.memory.buffer); // the memory does not grow after this: views stay valid
    this.heap.fill(0, Math.ceil(ex.heapBase() / 8), top + 16); // zero padding everywhere
    this.outW = this.slots.map((s) => this.heap.subarray(this.Wt, this.Wt + s.n * s.u));
    this.outB = this.slots.map((s) => this.heap.subarray(s.b, s.b + s.u));
    this.padW = this.slots.map((s) => this.heap.subarray(s.W, s.W + s.nP * s.uP));
    this.padB = this.slots.map((s) => this.heap.subarray(s.b, s.b + s.uP));
    this.keptW = this.padW.map((v) => new Float64Array(v.length));
    this.keptB = this.padB.map((v) => new Float64Array(v.length));
    // the table: numbers as they are, offsets in bytes
    this.slots.forEach((s, l) => {
      FIELDS.forEach((f, i) => {
        const v = s[f];
        this.heap[this.table + 16 * l + i] = i < 6 || v === 0 ? v : v * 8;
      });
    });
  }

  /**
   * Copies every layer's W and b into the module (padded entries stay 0): W goes in whole to
   * the scratch area, and the module spreads its rows to the padded stride (no view per row,
   * no JavaScript loop for the engine to compile).
   */
  load(): void {
    const h = this.heap;
    this.heldX = null; // whoever changed the weights may have changed the data too
    for (const s of this.slots) {
      h.set(s.layer.W.data, this.Wt);
      this.ex.copyRows(s.n, s.u, this.Wt * 8, s.u, s.W * 8, s.uP);
      h.set(s.layer.b.data, s.b);
    }
  }

  /** Copies every layer's W and b back out of the module (the reverse of `load`). */
  store(): void {
    const slots = this.slots;
    for (let l = 0; l < slots.length; l++) {
      const s = slots[l];
      this.ex.copyRows(s.n, s.u, s.W * 8, s.uP, this.Wt * 8, s.u);
      s.layer.W.data.set(this.outW[l]);
      s.layer.b.data.set(this.outB[l]);
    }
  }

  /**
   * True when every weight and bias in the module is finite (fit's check, on the module's copy:
   * a fit that reads the weights only at its end need not copy them out every epoch).
   */
  finite(): boolean {
    const h = this.heap;
    for (const s of this.slots) {
      // v − v is 0 exactly for a finite v, NaN for NaN and ±∞; padding is not looked at
      for (let i = 0; i < s.n; i++) {
        for (let k = s.W + i * s.uP, end = k + s.u; k < end; k++) if (h[k] - h[k] !== 0) return false;
      }
      for (let k = s.b, end = k + s.u; k < end; k++) if (h[k] - h[k] !== 0) return false;
    }
    return true;
  }

  /** Keeps a copy of the weights and biases in the module (fit's snapshot of the last finite epoch). */
  keep(): void {
    for (let l = 0; l < this.slots.length; l++) {
      this.keptW[l].set(this.padW[l]);
      this.keptB[l].set(this.padB[l]);
    }
  }

  /** Puts the copy made by `keep` back into the module. */
  restoreKept(): void {
    for (let l = 0; l < this.slots.length; l++) {
      this.padW[l].set(this.keptW[l]);
      this.padB[l].set(this.keptB[l]);
    }
  }

  /**
   * Copies rows idx[from … from+rows−1] of X and Y in (one copy when `consecutive`), as gatherRows
   * picks them. A consecutive batch the area already holds is not copied again: the module only
   * reads it, and between two `load`s only the training step runs (a full batch without shuffling
   * is copied once per fit, not once per epoch).
   */
  gather(X: Matrix, Y: Matrix, idx: Int32Array, from: number, rows: number, consecutive: boolean): void {
    const h = this.heap;
    const d = this.d;
    const m = this.m;
    const xs = X.data;
    const ys = Y.data;
    if (consecutive) {
      if (this.heldX === xs && this.heldY === ys && this.heldFrom === from && this.heldRows === rows) return;
      h.set(xs.subarray(from * d, (from + rows) * d), this.X);
      h.set(ys.subarray(from * m, (from + rows) * m), this.Y);
      this.heldX = xs; // (no object per batch: four fields)
      this.heldY = ys;
      this.heldFrom = from;
      this.heldRows = rows;
      return;
    }
    this.heldX = null;
    for (let r = 0; r < rows; r++) {
      const i = idx[from + r];
      h.set(xs.subarray(i * d, i * d + d), this.X + r * d);
      if (m === 1) h[this.Y + r] = ys[i];
      else h.set(ys.subarray(i * m, i * m + m), this.Y + r * m);
    }
  }

  /** forwardRows and batchLoss(…, true) of the first `rows` rows of the batch: the mean loss. */
  forwardLoss(rows: number): number {
    return this.ex.forwardLoss(this.slots.length, this.table * 8, this.headCode, rows, this.X * 8, this.d, this.Y * 8);
  }

  /** countCorrect of the batch after `forwardLoss`. */
  correct(rows: number): number {
    const o = this.slots[this.slots.length - 1];
    return this.ex.countCorrect(rows, this.m, o.uP, o.a * 8, this.Y * 8);
  }

  /**
   * backwardRows after `forwardLoss`, with the update inside it: plain SGD as Layer.sgdStep
   * does it (θ ← θ − ηg, W accumulated into), or momentum as the optimiser does it.
   */
  backwardStep(rows: number, rate: number): void {
    const mu = this.momentum;
    this.ex.backwardStep(this.slots.length, this.table * 8, this.headCode, rows, this.X * 8, this.d, this.Wt * 8, rate, mu === null ? 0 : 1, mu ?? 0);
  }
}
