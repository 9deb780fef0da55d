/**
 * `npm run build:wasm` is deterministic and the committed binaries are its output: building
 * every wasm/ source again gives, byte for byte, the embedded files under src/engine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
const embedded = [path.join('src', 'engine', 'matrix', 'wasm', 'gemm-binary.ts'), path.join('src', 'engine', 'mlp', 'wasm', 'train-binary.ts')];

describe('npm run build:wasm', () => {
  it('rebuilds every embedded WebAssembly binary byte for byte from its AssemblyScript source', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-wasm-'));
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'wasm', 'build.js'), out], { cwd: root, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      for (const file of embedded) {
        const built = fs.readFileSync(path.join(out, file), 'utf8');
        expect(built.length).toBeGreaterThan(1000);
        expect(built === fs.readFileSync(path.join(root, file), 'utf8') ? file : `${file} is out of date: run npm run build:wasm`).toBe(file);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
