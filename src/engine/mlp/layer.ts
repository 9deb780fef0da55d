/**
 * The layers of an MLP. A layer computes z = xW + b for a batch x [rows×inputs] and then its
 * activation a. Dense applies φ elementwise; Maxout keeps k linear pieces side by side and
 * outputs their maximum (max(w1ᵀx + b1, w2ᵀx + b2) for k = 2), routing the gradient to the
 * winning piece. All matrix products go through getKernels() so faster kernels can be swapped in.
 */
import { Activation, getActivation } from '../activations';
import { Matrix, getKernels } from '../matrix';
import { MAX_UNITS, checkInteger } from '../errors';

/** The most linear pieces a maxout unit may have. */
export const MAX_PIECES = 100;
import { ActivationKernel, activationKernel } from './activation-kernels';

/** The kind of a layer. */
export type LayerType = 'dense' | 'maxout';

/** What both layer kinds share: the weights and the raw forward/backward on Float64Arrays. */
abstract class BaseLayer {
  /** 'dense' or 'maxout'. */
  abstract readonly type: LayerType;
  /** Number of inputs (units of the layer below, or features). */
  readonly inputs: number;
  /** Number of outputs (units). */
  readonly units: number;
  /** Number of linear pieces (1 for dense). */
  readonly pieces: number;
  /** Weights [inputs × units·pieces]; column p·units + j is unit j of piece p. */
  readonly W: Matrix;
  /** Biases [1 × units·pieces], laid out like the columns of W. */
  readonly b: Matrix;

  constructor(what: string, inputs: number, units: number, pieces: number) {
    this.inputs = checkInteger(`${what}: inputs`, inputs, 1, MAX_UNITS);
    this.units = checkInteger(`${what}: units`, units, 1, MAX_UNITS);
    this.pieces = checkInteger(`${what}: pieces`, pieces, 1, MAX_PIECES);
    this.W = new Matrix(inputs, units * pieces);
    this.b = new Matrix(1, units * pieces);
  }

  /** Columns of z: units·pieces. */
  get zCols(): number {
    return this.units * this.pieces;
  }

  /** Number of trainable parameters (weights and biases). */
  get parameterCount(): number {
    return this.W.data.length + this.b.data.length;
  }

  /** z = xW + b for the first `rows` rows. */
  linear(rows: number, x: Float64Array, z: Float64Array): void {
    const zc = this.zCols;
    getKernels().gemm(rows, zc, this.inputs, x, this.W.data, z, false);
    const b = this.b.data;
    for (let i = 0; i < rows; i++) {
      const o = i * zc;
      for (let j = 0; j < zc; j++) z[o + j] += b[j];
    }
  }

  /** a from z (`arg` records each maxout winner). */
  abstract activate(rows: number, z: Float64Array, a: Float64Array, arg: Int32Array | null): void;

  /** dZ from dA = dL/da (through the activation). */
  abstract deactivate(rows: number, z: Float64Array, a: Float64Array, arg: Int32Array | null, dA: Float64Array, dZ: Float64Array): void;

  /**
   * From dZ = dL/dz: gW = xᵀ·dZ, gb = column sums of dZ and, when `dX` is given,
   * dX = dZ·Wᵀ (the gradient for the layer below).
   */
  gradients(rows: number, x: Float64Array, dZ: Float64Array, gW: Float64Array, gb: Float64Array, dX: Float64Array | null): void {
    const zc = this.zCols;
    const k = getKernels();
    k.gemmTN(this.inputs, zc, rows, x, dZ, gW, false);
    gb.fill(0);
    for (let i = 0; i < rows; i++) {
      const o = i * zc;
      for (let j = 0; j < zc; j++) gb[j] += dZ[o + j];
    }
    if (dX) k.gemmNT(rows, this.inputs, zc, dZ, this.W.data, dX, false);
  }

  /**
   * `gradients` and a plain SGD step in one: b ← b − η·Σ_rows dZ, dX = dZ·Wᵀ (with the old W),
   * then W ← W + xᵀ·(−η dZ), accumulated straight into W, so dW is never stored and read back.
   * Scales `dZ` by −η in place (the caller no longer needs it); `gb` receives the bias gradient.
   * Kernels named …f32 (products in float32) get dW in `gW` and W ← W − η·dW instead.
   */
  sgdStep(rows: number, x: Float64Array, dZ: Float64Array, gW: Float64Array, gb: Float64Array, dX: Float64Array | null, learningRate: number): void {
    const zc = this.zCols;
    const k = getKernels();
    const W = this.W.data;
    const b = this.b.data;
    if (dX) k.gemmNT(rows, this.inputs, zc, dZ, W, dX, false);
    gb.fill(0);
    if (k.name.endsWith('f32')) {
      // float32 kernels would round W itself to float32 if it were accumulated into: go through gW
      for (let i = 0; i < rows; i++) {
        const o = i * zc;
        for (let j = 0; j < zc; j++) gb[j] += dZ[o + j];
      }
      k.gemmTN(this.inputs, zc, rows, x, dZ, gW, false);
      for (let i = 0, len = W.length; i < len; i++) W[i] -= learningRate * gW[i];
    } else {
      // one pass: the bias gradient, and dZ scaled by −η for the product accumulated into W
      for (let i = 0; i < rows; i++) {
        const o = i * zc;
        for (let j = 0; j < zc; j++) {
          const d = dZ[o + j];
          gb[j] += d;
          dZ[o + j] = -learningRate * d;
        }
      }
      k.gemmTN(this.inputs, zc, rows, x, dZ, W, true);
    }
    for (let j = 0; j < zc; j++) b[j] -= learningRate * gb[j];
  }

  /** The name of the activation, for summaries. */
  abstract get activationName(): string;
}

/** A fully connected layer: a = φ(xW + b). */
export class DenseLayer extends BaseLayer {
  readonly type = 'dense' as const;
  /** The activation φ. */
  readonly activation: Activation;
  private readonly kernel: ActivationKernel;

  constructor(inputs: number, units: number, activation: Activation | string = 'relu') {
    super('DenseLayer', inputs, units, 1);
    this.activation = getActivation(activation);
    this.kernel = activationKernel(this.activation);
  }

  get activationName(): string {
    return this.activation.name;
  }

  activate(rows: number, z: Float64Array, a: Float64Array): void {
    this.kernel.forward(z, a, rows, this.units);
  }

  deactivate(rows: number, z: Float64Array, a: Float64Array, arg: Int32Array | null, dA: Float64Array, dZ: Float64Array): void {
    this.kernel.backward(z, a, dA, dZ, rows, this.units);
  }
}

/** A maxout layer: k linear pieces, a_j = max_p (xW_p + b_p)_j; the gradient goes to the winning piece. */
export class MaxoutLayer extends BaseLayer {
  readonly type = 'maxout' as const;

  constructor(inputs: number, units: number, pieces = 2) {
    super('MaxoutLayer', inputs, units, pieces);
  }

  get activationName(): string {
    return `max of ${this.pieces}`;
  }

  /** The weights and biases of piece p (copies): W_p [inputs × units], b_p [1 × units]. */
  piece(p: number): { W: Matrix; b: Matrix } {
    checkInteger('MaxoutLayer.piece: p', p, 0, this.pieces - 1);
    const u = this.units;
    const W = Matrix.fromFunction(this.inputs, u, (i, j) => this.W.data[i * this.zCols + p * u + j]);
    const b = Matrix.fromFunction(1, u, (_, j) => this.b.data[p * u + j]);
    return { W, b };
  }

  activate(rows: number, z: Float64Array, a: Float64Array, arg: Int32Array | null): void {
    const u = this.units;
    const zc = this.zCols;
    const k = this.pieces;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < u; j++) {
        let best = z[i * zc + j];
        let bp = 0;
        for (let p = 1; p < k; p++) {
          const v = z[i * zc + p * u + j];
          if (v > best) {
            best = v;
            bp = p;
          }
        }
        a[i * u + j] = best;
        if (arg) arg[i * u + j] = bp;
      }
    }
  }

  deactivate(rows: number, z: Float64Array, a: Float64Array, arg: Int32Array | null, dA: Float64Array, dZ: Float64Array): void {
    const u = this.units;
    const zc = this.zCols;
    dZ.fill(0, 0, rows * zc);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < u; j++) dZ[i * zc + (arg as Int32Array)[i * u + j] * u + j] = dA[i * u + j];
    }
  }
}

/** A layer of an MLP. */
export type Layer = DenseLayer | MaxoutLayer;
