// `npm run build:wasm`: compiles wasm/gemm.ts (AssemblyScript) to WebAssembly and embeds the
// binary, base64-encoded, in src/engine/matrix/wasm/gemm-binary.ts, so that annlab loads it
// synchronously without the file system (in Node, tslab and browsers alike).
// The output is deterministic: running it again on the same source gives the same file.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const src = path.join(__dirname, 'gemm.ts');
const outDir = path.join(root, 'build', 'wasm');
fs.mkdirSync(outDir, { recursive: true });
const asc = path.join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
const version = require(path.join(root, 'node_modules', 'assemblyscript', 'package.json')).version;

/** Compiles wasm/gemm.ts with the given extra feature flags; returns the bytes. */
function compile(name, extra) {
  const out = path.join(outDir, name);
  const r = spawnSync(process.execPath, [asc, src, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', ...extra, '-o', out], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
  return fs.readFileSync(out);
}

// Two builds of one source: plain SIMD (every engine with SIMD) and relaxed SIMD (fused multiply-add
// where the engine has it; annlab loads it only where WebAssembly.validate accepts it).
const plain = compile('gemm.wasm', []);
const relaxed = compile('gemm-relaxed.wasm', ['--enable', 'relaxed-simd']);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const literal = (b) => "'" + b.toString('base64').replace(/(.{100})/g, "$1'\n  + '") + "'";
const ts = `/**
 * The WebAssembly SIMD matrix kernels, compiled from wasm/gemm.ts by \`npm run build:wasm\`
 * (AssemblyScript ${version}, -O3, runtime stub). Generated: do not edit by hand.
 * plain SIMD: ${plain.length} bytes, sha256 ${sha(plain)};
 * relaxed SIMD: ${relaxed.length} bytes, sha256 ${sha(relaxed)}.
 */
export const GEMM_WASM_BASE64 =
  ${literal(plain)};

/** The same kernels built with relaxed SIMD (f64x2.relaxed_madd: one FMA where the engine fuses). */
export const GEMM_RELAXED_WASM_BASE64 =
  ${literal(relaxed)};
`;
// An optional argument writes elsewhere (to try a change without touching the committed file).
const target = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'src', 'engine', 'matrix', 'wasm', 'gemm-binary.ts');
fs.writeFileSync(target, ts);
console.log(`build:wasm: ${plain.length} + ${relaxed.length} bytes → ${path.relative(root, target)}`);
