/**
 * Matrix kernels on WebAssembly SIMD (f64x2), built from wasm/gemm.ts (`npm run build:wasm`)
 * and embedded as base64, so loading needs no file system and no await.
 *
 * WebAssembly computes only on its own linear memory. Each product therefore copies A and B
 * (and C when accumulating) into that memory — padded so that C's rows and B's and C's row
 * stride are multiples of 4, which leaves the 4×4 SIMD block without edge cases — runs the
 * kernel and copies C back. The copies cost O(mk + kn + mn) against the O(mnk) multiply-adds,
 * so small products (below {@link WASM_MIN_WORK} multiply-adds) go to the blocked TypeScript
 * kernels instead, where a call costs less than the copies.
 *
 * Opt-in float32: `setKernels(loadWasmKernels('float32')!)` rounds A and B to float32 on the
 * way in (typed-array copies convert), multiplies on f32x4 lanes (twice the numbers per
 * instruction) and returns C as float64 again: the weights stay float64, each product is
 * good to about 1e-7 relative per multiply-add instead of 1e-16.
 */
import type { MatrixKernels } from './kernels';
import { checkChoice } from '../errors';
import { checkBoolean } from '../options';
import { blockedKernels } from './kernels-blocked';
import { GEMM_WASM_BASE64, GEMM_RELAXED_WASM_BASE64 } from './wasm/gemm-binary';
import { decodeBase64 } from './wasm/base64';

/** Products with fewer multiply-adds (m·n·k) than this run in TypeScript. */
export const WASM_MIN_WORK = 16384;

/** The precision of the WebAssembly products. */
export type WasmPrecision = 'float64' | 'float32';

type GemmFn = (mP: number, nP: number, k: number, a: number, ars: number, acs: number, b: number, c: number, accumulate: number) => void;
type TransposeFn = (rows: number, cols: number, src: number, dst: number, rowsP: number) => void;

/** What the module exports (see wasm/gemm.ts). */
interface GemmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  gemm: GemmFn;
  transpose: TransposeFn;
  gemm32: GemmFn;
  transpose32: TransposeFn;
}

const roundUp4 = (x: number): number => (x + 3) & ~3;
const roundUp8 = (x: number): number => (x + 7) & ~7;
/** Region starts are rounded to 16 numbers (64 bytes or more: a cache line). */
const align = (x: number): number => (x + 15) & ~15;

/**
 * Instantiates the WebAssembly kernels, or returns null where WebAssembly or its SIMD
 * proposal is missing (then annlab keeps the TypeScript kernels). Where the engine also has
 * relaxed SIMD (Node 22, recent browsers), the build with fused multiply-adds is used
 * (names end in '-fma'); both agree with the reference kernels to rounding.
 * @param precision 'float64' (the default kernels; equal to the reference up to rounding order)
 *   or 'float32' (opt-in, about twice as fast on large products). @default 'float64'
 * @param relaxed use relaxed SIMD where the engine has it. @default true
 */
export function loadWasmKernels(precision: WasmPrecision = 'float64', relaxed = true): MatrixKernels | null {
  checkChoice('loadWasmKernels: precision', precision, ['float64', 'float32'] as const);
  checkBoolean('loadWasmKernels: relaxed', relaxed);
  const f32 = precision === 'float32';
  let ex: GemmExports;
  let fma = false;
  try {
    // WebAssembly is a global of every engine annlab runs on, but not of the ES2020 type library.
    const WA = (globalThis as unknown as { WebAssembly?: any }).WebAssembly;
    if (!WA) return null;
    let bytes = decodeBase64(GEMM_WASM_BASE64);
    if (relaxed) {
      const fused = decodeBase64(GEMM_RELAXED_WASM_BASE64);
      if (WA.validate(fused)) {
        bytes = fused;
        fma = true;
      }
    }
    ex = new WA.Instance(new WA.Module(bytes), {}).exports as GemmExports;
  } catch {
    return null;
  }
  const size = f32 ? 4 : 8;
  const view = (): Float64Array | Float32Array => (f32 ? new Float32Array(ex.memory.buffer) : new Float64Array(ex.memory.buffer));
  const gemm = f32 ? ex.gemm32 : ex.gemm;
  const transpose = f32 ? ex.transpose32 : ex.transpose;
  /** Columns of B and C are padded to the SIMD block: 4 doubles or 8 floats. */
  const padN = f32 ? roundUp8 : roundUp4;
  let heap = view();

  /** Makes sure the memory holds `count` numbers; returns the (possibly new) view, or null
   *  where the memory cannot grow that far (an address-space cap, a memory with a maximum). */
  function reserve(count: number): Float64Array | Float32Array | null {
    const bytes = count * size;
    if (bytes > ex.memory.buffer.byteLength) {
      try {
        ex.memory.grow(Math.ceil((bytes - ex.memory.buffer.byteLength) / 65536));
      } catch {
        return null;
      }
      heap = view();
    }
    return heap;
  }

  /** Copies rows × cols from src (row-major) into the heap at `at` with row stride `stride` ≥ cols, zero-padding. */
  function packRows(h: Float64Array | Float32Array, src: Float64Array, rows: number, cols: number, at: number, stride: number, padRows: number): void {
    if (stride === cols) {
      // A whole buffer goes in with one copy and no view object (most calls: weights, full batches).
      h.set(src.length === rows * cols ? src : src.subarray(0, rows * cols), at);
      if (padRows > rows) h.fill(0, at + rows * cols, at + padRows * cols);
      return;
    }
    h.fill(0, at, at + padRows * stride);
    if (cols < 64) {
      // Narrow rows (an output layer of 10 units): a plain loop beats a view and a copy per row.
      for (let r = 0; r < rows; r++) {
        const s = r * cols;
        const d = at + r * stride;
        for (let j = 0; j < cols; j++) h[d + j] = src[s + j];
      }
    } else {
      for (let r = 0; r < rows; r++) h.set(src.subarray(r * cols, (r + 1) * cols), at + r * stride);
    }
  }

  /**
   * The common path: A is packed by `packA` (which returns A's strides), B is [k×n] row-major
   * or, when `bTransposed`, stored [n×k]. Returns false, with C untouched, where the memory
   * cannot hold the operands: the caller then computes in TypeScript.
   */
  function run(
    m: number, n: number, k: number, a: Float64Array, aTransposed: boolean, b: Float64Array, bTransposed: boolean,
    c: Float64Array, accumulate: boolean,
  ): boolean {
    const mP = roundUp4(m);
    const nP = padN(n);
    const aAt = 16;
    const bAt = align(aAt + mP * k);
    const cAt = align(bAt + k * nP);
    const tAt = align(cAt + mP * nP);
    const h = reserve(tAt + (bTransposed ? n * k : 0));
    if (!h) return false;
    let ars: number;
    let acs: number;
    if (aTransposed) {
      packRows(h, a, k, m, aAt, mP, k); // stored [k×m] → [k×mP]
      ars = 1;
      acs = mP;
    } else {
      packRows(h, a, m, k, aAt, k, mP); // [m×k] plus zero rows up to mP
      ars = k;
      acs = 1;
    }
    if (bTransposed) {
      h.set(b.length === n * k ? b : b.subarray(0, n * k), tAt);
      if (nP !== n) h.fill(0, bAt, bAt + k * nP);
      transpose(n, k, tAt * size, bAt * size, nP);
    } else {
      packRows(h, b, k, n, bAt, nP, k);
    }
    if (accumulate) packRows(h, c, m, n, cAt, nP, m);
    gemm(mP, nP, k, aAt * size, ars, acs, bAt * size, cAt * size, accumulate ? 1 : 0);
    if (nP === n) c.set(h.subarray(cAt, cAt + m * n));
    else if (n < 64) {
      for (let r = 0; r < m; r++) {
        const s = cAt + r * nP;
        const d = r * n;
        for (let j = 0; j < n; j++) c[d + j] = h[s + j];
      }
    } else for (let r = 0; r < m; r++) c.set(h.subarray(cAt + r * nP, cAt + r * nP + n), r * n);
    return true;
  }

  const small = (m: number, n: number, k: number): boolean => m * n * k < WASM_MIN_WORK || m === 0 || n === 0;

  return {
    name: `wasm-simd${fma ? '-fma' : ''}${f32 ? '-f32' : ''}`,
    gemm(m, n, k, a, b, c, accumulate) {
      if (small(m, n, k) || !run(m, n, k, a, false, b, false, c, accumulate)) blockedKernels.gemm(m, n, k, a, b, c, accumulate);
    },
    gemmTN(m, n, k, a, b, c, accumulate) {
      if (small(m, n, k) || !run(m, n, k, a, true, b, false, c, accumulate)) blockedKernels.gemmTN(m, n, k, a, b, c, accumulate);
    },
    gemmNT(m, n, k, a, b, c, accumulate) {
      if (small(m, n, k) || !run(m, n, k, a, false, b, true, c, accumulate)) blockedKernels.gemmNT(m, n, k, a, b, c, accumulate);
    },
  };
}
