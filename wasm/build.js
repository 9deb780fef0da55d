// `npm run build:wasm`: compiles every AssemblyScript source of wasm/ to WebAssembly and embeds
// each binary, base64-encoded, in a TypeScript file under src/engine, so that annlab loads it
// synchronously without the file system (in Node, tslab and browsers alike):
//   wasm/gemm.ts  → src/engine/matrix/wasm/gemm-binary.ts  (the matrix kernels)
//   wasm/train.ts → src/engine/mlp/wasm/train-binary.ts    (the resident training step, with
//                   wasm/train-kernels.ts and the gemm of wasm/gemm.ts compiled in)
// The output is deterministic: running it again on the same sources gives the same files
// (test/engine/mlp/wasm-build.test.ts checks that the committed files are in sync).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'build', 'wasm');
fs.mkdirSync(outDir, { recursive: true });
const asc = path.join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
const version = require(path.join(root, 'node_modules', 'assemblyscript', 'package.json')).version;

/** Compiles wasm/<source> with the given extra feature flags; returns the bytes. */
function compile(source, name, extra) {
  const out = path.join(outDir, name);
  const src = path.join(__dirname, source);
  const r = spawnSync(process.execPath, [asc, src, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', ...extra, '-o', out], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
  return fs.readFileSync(out);
}

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const literal = (b) => "'" + b.toString('base64').replace(/(.{100})/g, "$1'\n  + '") + "'";

const targets = [
  {
    source: 'gemm.ts',
    file: path.join('src', 'engine', 'matrix', 'wasm', 'gemm-binary.ts'),
    title: 'The WebAssembly SIMD matrix kernels',
    name: 'GEMM',
    relaxedDoc: 'The same kernels built with relaxed SIMD (f64x2.relaxed_madd: one FMA where the engine fuses).',
  },
  {
    source: 'train.ts',
    file: path.join('src', 'engine', 'mlp', 'wasm', 'train-binary.ts'),
    title: 'The resident training step (dense layers, WebAssembly SIMD)',
    name: 'TRAIN',
    relaxedDoc: 'The same step built with relaxed SIMD (its products use f64x2.relaxed_madd, as the matrix kernels do).',
  },
];

// An optional argument writes the files under that folder instead of the repository (to try a
// change, or to compare with the committed files, without touching them).
const base = process.argv[2] ? path.resolve(process.argv[2]) : root;
for (const t of targets) {
  const stem = t.source.replace(/\.ts$/, '');
  // Two builds of one source: plain SIMD (every engine with SIMD) and relaxed SIMD (fused
  // multiply-add where the engine has it; annlab loads it only where WebAssembly.validate accepts it).
  const plain = compile(t.source, `${stem}.wasm`, []);
  const relaxed = compile(t.source, `${stem}-relaxed.wasm`, ['--enable', 'relaxed-simd']);
  const ts = `/**
 * ${t.title}, compiled from wasm/${t.source} by \`npm run build:wasm\`
 * (AssemblyScript ${version}, -O3, runtime stub). Generated: do not edit by hand.
 * plain SIMD: ${plain.length} bytes, sha256 ${sha(plain)};
 * relaxed SIMD: ${relaxed.length} bytes, sha256 ${sha(relaxed)}.
 */
export const ${t.name}_WASM_BASE64 =
  ${literal(plain)};

/** ${t.relaxedDoc} */
export const ${t.name}_RELAXED_WASM_BASE64 =
  ${literal(relaxed)};
`;
  const target = path.join(base, t.file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, ts);
  console.log(`build:wasm: ${plain.length} + ${relaxed.length} bytes → ${path.relative(process.cwd(), target)}`);
}
