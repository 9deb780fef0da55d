import { spawnSync } from 'child_process';
import * as path from 'path';
import fc from 'fast-check';
import { jsKernels, MatrixKernels, blockedKernels, loadWasmKernels, WASM_MIN_WORK, defaultKernels } from '../../../src/engine/matrix';

const FC = { seed: 5150, numRuns: 60 };
const wasm = loadWasmKernels();
const ops = ['gemm', 'gemmTN', 'gemmNT'] as const;
type Op = (typeof ops)[number];

/** Sizes around the 4×4 block: 1, 3, 5, 17 … and multiples of 4. */
const edgeSize = fc.oneof(fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 16, 17, 33), fc.integer({ min: 1, max: 40 }));

function filled(length: number, seed: number): Float64Array {
  // Deterministic numbers in [−10, 10] with exact zeros now and then (the i-k-j kernel skips them).
  const out = new Float64Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s % 17 === 0 ? 0 : (s / 2 ** 32) * 20 - 10;
  }
  return out;
}

/**
 * Runs `op` with both kernel sets and checks every element within 1e-12 of the size of the
 * sum it is made of (Σ|a||b| + |c|): the products are the same, only the order of rounding
 * differs at the end.
 */
function agree(kernels: MatrixKernels, op: Op, m: number, n: number, k: number, accumulate: boolean, seed: number, relTol = 1e-12): void {
  const a = filled(m * k, seed);
  const b = filled(k * n, seed + 1);
  const c0 = filled(m * n, seed + 2);
  const expected = c0.slice();
  const actual = c0.slice();
  jsKernels[op](m, n, k, a, b, expected, accumulate);
  kernels[op](m, n, k, a, b, actual, accumulate);
  // Σ|a||b| per element, from the reference kernel on absolute values.
  const scale = new Float64Array(m * n);
  jsKernels[op](m, n, k, a.map(Math.abs), b.map(Math.abs), scale, false);
  for (let i = 0; i < m * n; i++) {
    const tol = relTol * (scale[i] + (accumulate ? Math.abs(c0[i]) : 0) + 1e-300);
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
      throw new Error(`${kernels.name}.${op} ${m}×${n}×${k} accumulate=${accumulate}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

const sets: MatrixKernels[] = [blockedKernels, ...(wasm ? [wasm] : [])];

describe.each(sets.map((k) => [k.name, k] as const))('%s kernels', (_name, kernels) => {
  it.each(ops)('%s equals jsKernels within 1e-12 relative on random shapes, accumulate true and false', (op) => {
    fc.assert(
      fc.property(edgeSize, edgeSize, edgeSize, fc.boolean(), fc.integer({ min: 0, max: 1e6 }), (m, n, k, acc, seed) => {
        agree(kernels, op, m, n, k, acc, seed);
      }),
      FC,
    );
  });

  it.each(ops)('%s equals jsKernels on the shapes of the benchmark (64×128×784 and its transposes)', (op) => {
    agree(kernels, op, 64, 128, 784, false, 1);
    agree(kernels, op, 784, 128, 64, true, 2);
    agree(kernels, op, 61, 127, 13, false, 3);
  });

  it('leaves C alone outside its m×n elements and writes the full product when k is 0', () => {
    const c = new Float64Array(7 * 5 + 3).fill(42);
    kernels.gemm(7, 5, 0, new Float64Array(0), new Float64Array(0), c, false);
    expect(Array.from(c.subarray(0, 35))).toEqual(new Array(35).fill(0));
    expect(Array.from(c.subarray(35))).toEqual([42, 42, 42]);
  });
});

describe('the WebAssembly SIMD kernels', () => {
  it('load in Node (WebAssembly with SIMD) and are the default kernels', () => {
    expect(wasm).not.toBeNull();
    expect(defaultKernels.name).toMatch(/^wasm-simd(-fma)?$/);
  });

  it('use the plain SIMD build when relaxed SIMD is turned down', () => {
    expect(loadWasmKernels('float64', false)!.name).toBe('wasm-simd');
    expect(loadWasmKernels('float32', false)!.name).toBe('wasm-simd-f32');
  });

  it('use the relaxed-SIMD build (fused multiply-add) where the engine has it, equal to jsKernels within 1e-12', () => {
    // Node 20 has relaxed SIMD behind a flag: check that build in a child process started with it.
    const script = path.join(__dirname, 'relaxed-simd-check.ts');
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', script], { encoding: 'utf8', timeout: 30000 });
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { names: string[]; worst: number };
    expect(result.names).toEqual(['wasm-simd-fma', 'wasm-simd-fma-f32']);
    expect(result.worst).toBeLessThan(1e-12);
  });

  it('are not loaded where WebAssembly is missing, so annlab falls back to TypeScript', () => {
    const g = globalThis as { WebAssembly?: unknown };
    const saved = g.WebAssembly;
    delete g.WebAssembly;
    try {
      expect(loadWasmKernels()).toBeNull();
    } finally {
      g.WebAssembly = saved;
    }
  });

  it('refuse a precision they do not have, naming the choices', () => {
    expect(() => loadWasmKernels('float16' as never)).toThrow(/float64.*float32|float16/);
  });

  it('give the same results after their memory grew for a large product (views are refreshed)', () => {
    const k = loadWasmKernels()!;
    agree(k, 'gemm', 20, 20, 50, false, 7); // above WASM_MIN_WORK: runs in WebAssembly
    expect(20 * 20 * 50).toBeGreaterThanOrEqual(WASM_MIN_WORK);
    agree(k, 'gemmTN', 1000, 300, 64, false, 8); // needs several more 64 KiB pages
    agree(k, 'gemmNT', 20, 20, 50, true, 9);
  });
});

describe('the opt-in float32 WebAssembly kernels', () => {
  const f32 = loadWasmKernels('float32')!;
  // float32 rounds every input and every partial sum: (k + 2)·2⁻²⁴ of Σ|a||b| bounds the error.
  const tolFor = (k: number): number => (k + 2) * 2 ** -24;

  it('are named wasm-simd-f32 and are not the default', () => {
    expect(f32.name).toMatch(/^wasm-simd(-fma)?-f32$/);
    expect(defaultKernels).not.toBe(f32);
  });

  it.each(ops)('%s equals jsKernels within float32 rounding on random shapes, accumulate true and false', (op) => {
    fc.assert(
      fc.property(edgeSize, edgeSize, edgeSize, fc.boolean(), fc.integer({ min: 0, max: 1e6 }), (m, n, k, acc, seed) => {
        agree(f32, op, m, n, k, acc, seed, tolFor(k));
      }),
      FC,
    );
  });

  it.each(ops)('%s equals jsKernels within float32 rounding on 64×128×784', (op) => {
    agree(f32, op, 64, 128, 784, false, 4, tolFor(784));
    agree(f32, op, 9, 13, 300, true, 5, tolFor(300)); // n not a multiple of the 8-float block
  });
});
