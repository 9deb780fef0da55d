// AssemblyScript source of annlab's WebAssembly SIMD matrix kernels (float64 on f64x2 lanes; an opt-in float32 twin on f32x4).
// Built by `npm run build:wasm` (wasm/build.js), which embeds the binary in
// src/engine/matrix/wasm/gemm-binary.ts. The JavaScript side (src/engine/matrix/kernels-wasm.ts) owns the
// memory layout: it copies A, B (and C when accumulating) into this module's memory, padded so
// that the row count of C is a multiple of 4 and the row stride of B and C a multiple of the
// block width (4 doubles, 8 floats), calls `gemm` or `gemm32`, and copies C back. No allocation
// happens here (runtime stub). WebAssembly SIMD has no fused multiply-add: each multiply-add is
// an f64x2.mul and an f64x2.add, unless the engine has relaxed SIMD (see madd64 below).
// wasm/train.ts (the resident training step) compiles `gemm` and `transpose` into its own module.

// a·b + c on each lane. Built twice (wasm/build.js): once for WebAssembly SIMD, where it is a
// multiply and an add (rounded twice, like the TypeScript kernels), and once with relaxed SIMD,
// where the engine may fuse them into one FMA instruction (rounded once) — the loader picks the
// relaxed build where the engine validates it. ASC_FEATURE_RELAXED_SIMD is a compile-time constant.
// @ts-ignore: decorator
@inline function madd64(a: v128, b: v128, c: v128): v128 {
  return ASC_FEATURE_RELAXED_SIMD ? f64x2.relaxed_madd(a, b, c) : f64x2.add(c, f64x2.mul(a, b));
}

// @ts-ignore: decorator
@inline function madd32(a: v128, b: v128, c: v128): v128 {
  return ASC_FEATURE_RELAXED_SIMD ? f32x4.relaxed_madd(a, b, c) : f32x4.add(c, f32x4.mul(a, b));
}

/**
 * C (+)= A·B on padded operands, 4×4 blocks of C at a time, each held in eight f64x2 registers.
 *   A(i, p) is the f64 at a + 8·(i·ars + p·acs)   (so one routine serves A and Aᵀ),
 *   B is row-major [k × nP], C is row-major [mP × nP]; mP and nP are multiples of 4.
 * Every C[i][j] sums its k products in the order p = 0, 1, …, like the reference kernels.
 */
export function gemm(mP: i32, nP: i32, k: i32, a: usize, ars: i32, acs: i32, b: usize, c: usize, accumulate: i32): void {
  const bRow: usize = <usize>nP << 3;
  const aStep: usize = <usize>acs << 3;
  const aRow: usize = <usize>ars << 3;
  for (let i = 0; i < mP; i += 4) {
    const a0: usize = a + <usize>(i * ars) * 8;
    for (let j = 0; j < nP; j += 4) {
      let c00 = f64x2.splat(0), c01 = f64x2.splat(0);
      let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
      let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
      let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
      let pa: usize = a0;
      let pb: usize = b + (<usize>j << 3);
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let x = v128.load64_splat(pa);
        c00 = madd64(x, b0, c00);
        c01 = madd64(x, b1, c01);
        x = v128.load64_splat(pa + aRow);
        c10 = madd64(x, b0, c10);
        c11 = madd64(x, b1, c11);
        x = v128.load64_splat(pa + 2 * aRow);
        c20 = madd64(x, b0, c20);
        c21 = madd64(x, b1, c21);
        x = v128.load64_splat(pa + 3 * aRow);
        c30 = madd64(x, b0, c30);
        c31 = madd64(x, b1, c31);
        pa += aStep;
        pb += bRow;
      }
      let pc: usize = c + ((<usize>(i * nP + j)) << 3);
      if (accumulate) {
        c00 = f64x2.add(v128.load(pc), c00); c01 = f64x2.add(v128.load(pc, 16), c01);
        c10 = f64x2.add(v128.load(pc + bRow), c10); c11 = f64x2.add(v128.load(pc + bRow, 16), c11);
        c20 = f64x2.add(v128.load(pc + 2 * bRow), c20); c21 = f64x2.add(v128.load(pc + 2 * bRow, 16), c21);
        c30 = f64x2.add(v128.load(pc + 3 * bRow), c30); c31 = f64x2.add(v128.load(pc + 3 * bRow, 16), c31);
      }
      v128.store(pc, c00); v128.store(pc, c01, 16);
      pc += bRow;
      v128.store(pc, c10); v128.store(pc, c11, 16);
      pc += bRow;
      v128.store(pc, c20); v128.store(pc, c21, 16);
      pc += bRow;
      v128.store(pc, c30); v128.store(pc, c31, 16);
    }
  }
}

/** dst [cols × rowsP] (row-major, row stride rowsP) = transpose of src [rows × cols]. */
export function transpose(rows: i32, cols: i32, src: usize, dst: usize, rowsP: i32): void {
  for (let i = 0; i < rows; i++) {
    const s: usize = src + (<usize>(i * cols) << 3);
    let d: usize = dst + (<usize>i << 3);
    const step: usize = <usize>rowsP << 3;
    for (let j = 0; j < cols; j++) {
      store<f64>(d, load<f64>(s + (<usize>j << 3)));
      d += step;
    }
  }
}

/**
 * The float32 twin of `gemm` (the opt-in float32 path): the same loop on f32x4 lanes, 4×8
 * blocks of C in eight registers; nP is a multiple of 8. Twice the numbers per instruction.
 */
export function gemm32(mP: i32, nP: i32, k: i32, a: usize, ars: i32, acs: i32, b: usize, c: usize, accumulate: i32): void {
  const bRow: usize = <usize>nP << 2;
  const aStep: usize = <usize>acs << 2;
  const aRow: usize = <usize>ars << 2;
  for (let i = 0; i < mP; i += 4) {
    const a0: usize = a + <usize>(i * ars) * 4;
    for (let j = 0; j < nP; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
      let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
      let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let pa: usize = a0;
      let pb: usize = b + (<usize>j << 2);
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let x = v128.load32_splat(pa);
        c00 = madd32(x, b0, c00);
        c01 = madd32(x, b1, c01);
        x = v128.load32_splat(pa + aRow);
        c10 = madd32(x, b0, c10);
        c11 = madd32(x, b1, c11);
        x = v128.load32_splat(pa + 2 * aRow);
        c20 = madd32(x, b0, c20);
        c21 = madd32(x, b1, c21);
        x = v128.load32_splat(pa + 3 * aRow);
        c30 = madd32(x, b0, c30);
        c31 = madd32(x, b1, c31);
        pa += aStep;
        pb += bRow;
      }
      let pc: usize = c + ((<usize>(i * nP + j)) << 2);
      if (accumulate) {
        c00 = f32x4.add(v128.load(pc), c00); c01 = f32x4.add(v128.load(pc, 16), c01);
        c10 = f32x4.add(v128.load(pc + bRow), c10); c11 = f32x4.add(v128.load(pc + bRow, 16), c11);
        c20 = f32x4.add(v128.load(pc + 2 * bRow), c20); c21 = f32x4.add(v128.load(pc + 2 * bRow, 16), c21);
        c30 = f32x4.add(v128.load(pc + 3 * bRow), c30); c31 = f32x4.add(v128.load(pc + 3 * bRow, 16), c31);
      }
      v128.store(pc, c00); v128.store(pc, c01, 16);
      pc += bRow;
      v128.store(pc, c10); v128.store(pc, c11, 16);
      pc += bRow;
      v128.store(pc, c20); v128.store(pc, c21, 16);
      pc += bRow;
      v128.store(pc, c30); v128.store(pc, c31, 16);
    }
  }
}

/** The float32 twin of `transpose`. */
export function transpose32(rows: i32, cols: i32, src: usize, dst: usize, rowsP: i32): void {
  for (let i = 0; i < rows; i++) {
    const s: usize = src + (<usize>(i * cols) << 2);
    let d: usize = dst + (<usize>i << 2);
    const step: usize = <usize>rowsP << 2;
    for (let j = 0; j < cols; j++) {
      store<f32>(d, load<f32>(s + (<usize>j << 2)));
      d += step;
    }
  }
}
