/**
 * Contender "ts-loop": the leanest mini-batch SGD loop that can be written on annlab's matrix
 * kernels (getKernels()), with every buffer allocated once. It is the floor for annlab's own
 * fit: the gap between the two is overhead of the MLP class, not of the kernels.
 * `--kernels js|blocked|wasm|auto` picks the kernel set (auto = annlab's default).
 */
import { runChild } from '../child';
import { WorkloadData } from '../workloads';
import { useKernels } from './kernels-flag';
import { getKernels } from '../../src/engine/matrix/kernels';

const kernelsName = useKernels();

runChild({ sameStart: true, sameOrder: true, sameNetwork: true, precision: 'f64', notes: `kernels: ${kernelsName}` }, (data: WorkloadData) => {
  const { spec } = data;
  const sizes = spec.sizes;
  const L = sizes.length - 1;
  const B = spec.batchSize;
  const W = data.W.map((w) => w.slice());
  const b = data.b.map((v) => v.slice());
  const dW = W.map((w) => new Float64Array(w.length));
  const db = b.map((v) => new Float64Array(v.length));
  // A[l] is the activation entering layer l (A[0] is a view on X); Z is overwritten by A.
  const A: Float64Array[] = [new Float64Array(0)];
  const D: Float64Array[] = [];
  for (let l = 1; l <= L; l++) A.push(new Float64Array(B * sizes[l]));
  for (let l = 0; l <= L; l++) D.push(new Float64Array(B * sizes[l]));

  function forward(x: Float64Array, m: number): void {
    const k = getKernels();
    A[0] = x;
    for (let l = 0; l < L; l++) {
      const nin = sizes[l];
      const nout = sizes[l + 1];
      const a = A[l + 1];
      k.gemm(m, nout, nin, A[l], W[l], a, false);
      const bl = b[l];
      const last = l === L - 1;
      for (let i = 0; i < m; i++) {
        const o = i * nout;
        if (last && spec.output === 'softmax') {
          let mx = -Infinity;
          for (let j = 0; j < nout; j++) { const z = a[o + j] + bl[j]; a[o + j] = z; if (z > mx) mx = z; }
          let s = 0;
          for (let j = 0; j < nout; j++) { const e = Math.exp(a[o + j] - mx); a[o + j] = e; s += e; }
          for (let j = 0; j < nout; j++) a[o + j] /= s;
        } else {
          const act = last ? spec.output : spec.hidden;
          for (let j = 0; j < nout; j++) {
            const z = a[o + j] + bl[j];
            a[o + j] = act === 'relu' ? (z > 0 ? z : 0) : act === 'tanh' ? Math.tanh(z) : 1 / (1 + Math.exp(-z));
          }
        }
      }
    }
  }

  function step(x: Float64Array, y: Float64Array, m: number): void {
    const k = getKernels();
    forward(x, m);
    const nL = sizes[L];
    const out = A[L];
    const d = D[L];
    // Output delta dL/dz: (ŷ − y)/m for softmax + cross-entropy; 2(ŷ − y)/(m·k)·ŷ(1 − ŷ) for sigmoid + MSE.
    for (let i = 0; i < m * nL; i++) {
      const e = out[i] - y[i];
      d[i] = spec.loss === 'crossEntropy' ? e / m : (2 * e / (m * nL)) * out[i] * (1 - out[i]);
    }
    for (let l = L - 1; l >= 0; l--) {
      const nin = sizes[l];
      const nout = sizes[l + 1];
      const dl = D[l + 1];
      k.gemmTN(nin, nout, m, A[l], dl, dW[l], false);
      const g = db[l];
      g.fill(0);
      for (let i = 0; i < m; i++) for (let j = 0; j < nout; j++) g[j] += dl[i * nout + j];
      if (l > 0) {
        // δ_{l−1} = (δ_l · W_lᵀ) ⊙ f'(a_{l−1}), with f' written through the activation a.
        const prev = D[l];
        k.gemmNT(m, nin, nout, dl, W[l], prev, false);
        const a = A[l];
        for (let i = 0; i < m * nin; i++) {
          const v = a[i];
          prev[i] *= spec.hidden === 'relu' ? (v > 0 ? 1 : 0) : spec.hidden === 'tanh' ? 1 - v * v : v * (1 - v);
        }
      }
      const w = W[l];
      const gw = dW[l];
      const lr = spec.learningRate;
      for (let i = 0; i < w.length; i++) w[i] -= lr * gw[i];
      const bl = b[l];
      for (let j = 0; j < nout; j++) bl[j] -= lr * g[j];
    }
  }

  const nIn = sizes[0];
  const nOut = sizes[L];
  return {
    train() {
      for (let e = 0; e < spec.epochs; e++) {
        for (let s = 0; s < spec.n; s += B) {
          const m = Math.min(B, spec.n - s);
          step(data.X.subarray(s * nIn, (s + m) * nIn), data.Y.subarray(s * nOut, (s + m) * nOut), m);
        }
      }
    },
    outputs() {
      const res = new Float64Array(spec.n * nOut);
      for (let s = 0; s < spec.n; s += B) {
        const m = Math.min(B, spec.n - s);
        forward(data.X.subarray(s * nIn, (s + m) * nIn), m);
        res.set(A[L].subarray(0, m * nOut), s * nOut);
      }
      return res;
    },
  };
});
