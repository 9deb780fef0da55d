/** `--kernels NAME` on a contender's command line: which matrix kernels annlab uses (auto = its default). */
import { getKernels, setKernels, jsKernels, MatrixKernels } from '../../src/engine/matrix/kernels';
import { blockedKernels } from '../../src/engine/matrix/kernels-blocked';
import { loadWasmKernels } from '../../src/engine/matrix/kernels-wasm';

/** Every kernel set that can run here, by name (wasm-f32 is the opt-in float32 path). */
export function kernelSets(): Record<string, MatrixKernels> {
  const wasm = loadWasmKernels();
  const wasm32 = loadWasmKernels('float32');
  return { js: jsKernels, blocked: blockedKernels, ...(wasm ? { wasm } : {}), ...(wasm32 ? { 'wasm-f32': wasm32 } : {}) };
}

export function useKernels(): string {
  const i = process.argv.indexOf('--kernels');
  const name = i >= 0 ? process.argv[i + 1] : 'auto';
  const sets = kernelSets();
  if (name !== 'auto') {
    const k = sets[name];
    if (!k) throw new Error(`--kernels: expected one of auto, ${Object.keys(sets).join(', ')}, got ${name}`);
    setKernels(k);
  }
  return getKernels().name;
}
