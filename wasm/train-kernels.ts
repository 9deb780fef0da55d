// The kernels of annlab's resident training step (wasm/train.ts puts them together): the pieces
// of one step of a dense network — bias, activations and their derivatives, the heads' losses and
// deltas, the SGD and momentum updates — on buffers that live in the module's memory. They are the
// tested twins of the readable reference in src/engine/mlp/network.ts, layer.ts and
// optimizers.ts: every formula below is that reference's, in the same order of operations.
// Row strides are padded to 4 (see wasm/train.ts); the kernels keep padded columns at 0.

// Activation codes, as src/engine/mlp/resident.ts numbers them.
const IDENTITY = 0;
const RELU = 1;
const SIGMOID = 2;
const TANH = 3;
const LEAKY_RELU = 4; // p = slope
const ELU = 5; // p = α
const SELU = 6;
const SOFTPLUS = 7;
const STEP = 8;
const SIGN = 9;

// SELU's λ and α (the engine's SELU_LAMBDA and SELU_ALPHA).
const SELU_LAMBDA: f64 = 1.0507009873554805;
const SELU_ALPHA: f64 = 1.6732632423543772;

// @ts-ignore: decorator
@inline function at(base: usize, k: i32): usize {
  return base + (<usize>k << 3);
}

/** σ(z) without overflow: e = e^−|z|, σ = 1/(1 + e) for z ≥ 0 and e/(1 + e) below (sigmoidValue). */
// @ts-ignore: decorator
@inline function sigmoid(z: f64): f64 {
  const e = Math.exp(-Math.abs(z));
  return select<f64>(1, e, z >= 0) / (1 + e);
}

/** φ(z) of the scalar activations (the others go on SIMD lanes in `activate`). */
// @ts-ignore: decorator
@inline function phi(kind: i32, p: f64, z: f64): f64 {
  if (kind == SIGMOID) return sigmoid(z);
  if (kind == TANH) return Math.tanh(z);
  if (kind == ELU) return select<f64>(z, p * Math.expm1(z), z > 0);
  if (kind == SELU) return SELU_LAMBDA * select<f64>(z, SELU_ALPHA * Math.expm1(z), z > 0);
  if (kind == SOFTPLUS) return select<f64>(z, 0, z > 0) + Math.log1p(Math.exp(-Math.abs(z)));
  if (kind == STEP) return select<f64>(1, 0, z >= 0);
  // SIGN
  return select<f64>(1, select<f64>(-1, 0, z < 0), z > 0);
}

/** z[i][j] += b[j] for rows × stride (the reference adds the bias after the product). */
export function addBias(rows: i32, stride: i32, z: usize, b: usize): void {
  for (let i = 0; i < rows; i++) {
    const row = at(z, i * stride);
    for (let j = 0; j < stride; j += 2) {
      const q = row + (<usize>j << 3);
      v128.store(q, f64x2.add(v128.load(q), v128.load(at(b, j))));
    }
  }
}

/**
 * a = φ(z) for `rows` rows of `units` values (row stride `stride`); columns units … stride−1
 * of a are set to 0. identity, ReLU and leaky ReLU run on f64x2 lanes without a branch.
 */
export function activate(kind: i32, p: f64, rows: i32, units: i32, stride: i32, z: usize, a: usize): void {
  const n = rows * stride;
  if (kind == IDENTITY) {
    memory.copy(a, z, <usize>n << 3);
  } else if (kind == RELU || kind == LEAKY_RELU) {
    // z > 0 ? z : slope·z (slope 0 for ReLU); NaN and −0 give 0 like the reference's z > 0 test
    const zero = f64x2.splat(0);
    const slope = f64x2.splat(kind == RELU ? 0 : p);
    for (let k = 0; k < n; k += 2) {
      const v = v128.load(at(z, k));
      const pos = f64x2.gt(v, zero);
      const neg = kind == RELU ? zero : f64x2.mul(slope, v);
      v128.store(at(a, k), v128.bitselect(v, neg, pos));
    }
  } else {
    for (let k = 0; k < n; k++) store<f64>(at(a, k), phi(kind, p, load<f64>(at(z, k))));
  }
  if (units < stride) {
    for (let i = 0; i < rows; i++) memory.fill(at(a, i * stride + units), 0, <usize>(stride - units) << 3);
  }
}

/**
 * dZ = dA ⊙ φ′(z), with φ′ as the reference kernels write it: from a = φ(z) where that is
 * cheaper (σ′ = a(1 − a), tanh′ = 1 − a², ELU′ = a + α for z ≤ 0), else φ′(z) itself.
 * Padded columns of dA are 0, so those of dZ are 0 too.
 */
export function deactivate(kind: i32, p: f64, n: i32, z: usize, a: usize, dA: usize, dZ: usize): void {
  if (kind == IDENTITY) {
    memory.copy(dZ, dA, <usize>n << 3);
  } else if (kind == RELU || kind == LEAKY_RELU) {
    const zero = f64x2.splat(0);
    const slope = f64x2.splat(kind == RELU ? 0 : p);
    for (let k = 0; k < n; k += 2) {
      const d = v128.load(at(dA, k));
      const pos = f64x2.gt(v128.load(at(z, k)), zero);
      const neg = kind == RELU ? zero : f64x2.mul(slope, d);
      v128.store(at(dZ, k), v128.bitselect(d, neg, pos));
    }
  } else if (kind == SIGMOID) {
    for (let k = 0; k < n; k++) {
      const ak = load<f64>(at(a, k));
      store<f64>(at(dZ, k), load<f64>(at(dA, k)) * ak * (1 - ak));
    }
  } else if (kind == TANH) {
    for (let k = 0; k < n; k++) {
      const ak = load<f64>(at(a, k));
      store<f64>(at(dZ, k), load<f64>(at(dA, k)) * (1 - ak * ak));
    }
  } else if (kind == ELU) {
    for (let k = 0; k < n; k++) {
      const d = load<f64>(at(dA, k));
      store<f64>(at(dZ, k), select<f64>(d, d * (load<f64>(at(a, k)) + p), load<f64>(at(z, k)) > 0));
    }
  } else {
    for (let k = 0; k < n; k++) {
      const zk = load<f64>(at(z, k));
      let df: f64 = 0; // step and sign are flat
      if (kind == SELU) df = SELU_LAMBDA * select<f64>(1, SELU_ALPHA * Math.exp(zk), zk > 0);
      else if (kind == SOFTPLUS) df = sigmoid(zk);
      store<f64>(at(dZ, k), load<f64>(at(dA, k)) * df);
    }
  }
}

/**
 * Softmax of each row of z (m of `stride` columns) into a, then the mean cross-entropy against
 * y [rows × m] and dL/dz = (ŷ − y)/rows into dZ (padded columns 0): softmaxRowsInPlace and the
 * fused head of batchLoss, including its log-sum-exp fallback where some ŷ_k ≤ 1e-300.
 */
export function softmaxCrossEntropy(rows: i32, m: i32, stride: i32, z: usize, a: usize, y: usize, dZ: usize): f64 {
  const inv: f64 = 1 / (<f64>rows);
  let s: f64 = 0;
  for (let i = 0; i < rows; i++) {
    const zr = at(z, i * stride);
    const ar = at(a, i * stride);
    const dr = at(dZ, i * stride);
    const yr = at(y, i * m);
    let mx: f64 = -Infinity;
    for (let j = 0; j < m; j++) {
      const v = load<f64>(at(zr, j));
      if (v > mx) mx = v;
    }
    let se: f64 = 0;
    for (let j = 0; j < m; j++) {
      const e = Math.exp(load<f64>(at(zr, j)) - mx);
      store<f64>(at(ar, j), e);
      se += e;
    }
    const is = 1 / se;
    let t: f64 = 0;
    let tiny = false;
    for (let j = 0; j < m; j++) {
      const aj = load<f64>(at(ar, j)) * is;
      store<f64>(at(ar, j), aj);
      const yj = load<f64>(at(yr, j));
      store<f64>(at(dr, j), (aj - yj) * inv);
      if (yj != 0) {
        if (aj > 1e-300) t -= yj * Math.log(aj);
        else tiny = true;
      }
    }
    if (tiny) {
      const lse = mx + Math.log(se);
      t = 0;
      for (let j = 0; j < m; j++) {
        const yj = load<f64>(at(yr, j));
        if (yj != 0) t += yj * (lse - load<f64>(at(zr, j)));
      }
    }
    for (let j = m; j < stride; j++) {
      store<f64>(at(ar, j), 0);
      store<f64>(at(dr, j), 0);
    }
    s += t;
  }
  return s * inv;
}

/**
 * The fused sigmoid + binary cross-entropy head (a = σ(z) already computed): mean of
 * max(z, 0) − zy + log(1 + e^−|z|) over rows × m, and dL/dz = (ŷ − y)/(rows·m) into dZ.
 */
export function sigmoidBinaryCrossEntropy(rows: i32, m: i32, stride: i32, z: usize, a: usize, y: usize, dZ: usize): f64 {
  const inv: f64 = 1 / (<f64>(rows * m));
  let s: f64 = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < m; j++) {
      const q = i * stride + j;
      const zk = load<f64>(at(z, q));
      const yk = load<f64>(at(y, i * m + j));
      store<f64>(at(dZ, q), (load<f64>(at(a, q)) - yk) * inv);
      s += select<f64>(zk, 0, zk > 0) - zk * yk + Math.log1p(Math.exp(-Math.abs(zk)));
    }
    for (let j = m; j < stride; j++) store<f64>(at(dZ, i * stride + j), 0);
  }
  return s * inv;
}

/** Mean squared error over rows × m and its gradient dL/dŷ = 2(ŷ − y)/(rows·m) into dA. */
export function meanSquaredError(rows: i32, m: i32, stride: i32, a: usize, y: usize, dA: usize): f64 {
  const len: f64 = <f64>(rows * m);
  const c: f64 = 2 / len;
  let s: f64 = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < m; j++) {
      const q = i * stride + j;
      const r = load<f64>(at(a, q)) - load<f64>(at(y, i * m + j));
      s += r * r;
      store<f64>(at(dA, q), c * r);
    }
    for (let j = m; j < stride; j++) store<f64>(at(dA, i * stride + j), 0);
  }
  return s / len;
}

/**
 * The bias half of Layer.sgdStep: gb = Σ_rows dZ, dZ ← −η·dZ (for the product accumulated into
 * W next), b ← b − η·gb. `stride` columns (padded ones are 0 and stay 0).
 */
export function sgdBias(rows: i32, stride: i32, dZ: usize, gb: usize, b: usize, rate: f64): void {
  memory.fill(gb, 0, <usize>stride << 3);
  const eta = f64x2.splat(-rate);
  for (let i = 0; i < rows; i++) {
    const row = at(dZ, i * stride);
    for (let j = 0; j < stride; j += 2) {
      const q = row + (<usize>j << 3);
      const d = v128.load(q);
      const g = at(gb, j);
      v128.store(g, f64x2.add(v128.load(g), d));
      v128.store(q, f64x2.mul(eta, d));
    }
  }
  for (let j = 0; j < stride; j++) store<f64>(at(b, j), load<f64>(at(b, j)) - rate * load<f64>(at(gb, j)));
}

/** gb = Σ_rows dZ (Layer.gradients' bias gradient), `stride` columns. */
export function biasGradient(rows: i32, stride: i32, dZ: usize, gb: usize): void {
  memory.fill(gb, 0, <usize>stride << 3);
  for (let i = 0; i < rows; i++) {
    const row = at(dZ, i * stride);
    for (let j = 0; j < stride; j += 2) {
      const g = at(gb, j);
      v128.store(g, f64x2.add(v128.load(g), v128.load(row + (<usize>j << 3))));
    }
  }
}

/**
 * Momentum on a run of n parameters (n even): v ← μv − ηg, θ ← θ + v (optimizers.ts).
 */
export function momentumStep(n: i32, theta: usize, g: usize, v: usize, mu: f64, rate: f64): void {
  const m = f64x2.splat(mu);
  const r = f64x2.splat(rate);
  for (let k = 0; k < n; k += 2) {
    const vk = f64x2.sub(f64x2.mul(m, v128.load(at(v, k))), f64x2.mul(r, v128.load(at(g, k))));
    v128.store(at(v, k), vk);
    v128.store(at(theta, k), f64x2.add(v128.load(at(theta, k)), vk));
  }
}

/** Copies `rows` rows of `cols` numbers from src (row stride srcStride) to dst (row stride dstStride). */
export function copyRows(rows: i32, cols: i32, src: usize, srcStride: i32, dst: usize, dstStride: i32): void {
  for (let r = 0; r < rows; r++) memory.copy(at(dst, r * dstStride), at(src, r * srcStride), <usize>cols << 3);
}

/**
 * How many of the rows are classified right (countCorrect): the first argmax of ŷ against that
 * of y, or ŷ ≥ 0.5 against y ≥ 0.5 for one output.
 */
export function countCorrect(rows: i32, m: i32, stride: i32, a: usize, y: usize): i32 {
  let hits = 0;
  for (let i = 0; i < rows; i++) {
    const ar = at(a, i * stride);
    const yr = at(y, i * m);
    if (m == 1) {
      if ((load<f64>(ar) >= 0.5) == (load<f64>(yr) >= 0.5)) hits++;
      continue;
    }
    let pa = 0;
    let py = 0;
    for (let j = 1; j < m; j++) {
      if (load<f64>(at(ar, j)) > load<f64>(at(ar, pa))) pa = j;
      if (load<f64>(at(yr, j)) > load<f64>(at(yr, py))) py = j;
    }
    if (pa == py) hits++;
  }
  return hits;
}
