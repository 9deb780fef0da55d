// `npm run build:wasm`: compiles wasm/gemm.ts (AssemblyScript) to WebAssembly and embeds the
// binary, base64-encoded, in src/matrix/wasm/gemm-binary.ts, so that annlab loads it
// synchronously without the file system (in Node, tslab and browsers alike).
// The output is deterministic: running it again on the same source gives the same file.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const src = path.join(__dirname, 'gemm.ts');
const out = path.join(root, 'build', 'wasm', process.argv[2] ? 'gemm-try.wasm' : 'gemm.wasm');
fs.mkdirSync(path.dirname(out), { recursive: true });
const asc = path.join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
const r = spawnSync(process.execPath, [asc, src, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '-o', out], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status || 1);
const bytes = fs.readFileSync(out);
const version = require(path.join(root, 'node_modules', 'assemblyscript', 'package.json')).version;
const sha = crypto.createHash('sha256').update(bytes).digest('hex');
const b64 = bytes.toString('base64').replace(/(.{100})/g, '$1\n');
const ts = `/**
 * The WebAssembly SIMD matrix kernel, compiled from wasm/gemm.ts by \`npm run build:wasm\`
 * (AssemblyScript ${version}, -O3, runtime stub). Generated: do not edit by hand.
 * ${bytes.length} bytes, sha256 ${sha}.
 */
export const GEMM_WASM_BASE64 =
  '${b64.split('\n').join("' +\n  '")}';
`;
// An optional argument writes elsewhere (to try a change without touching the committed file).
const target = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'src', 'matrix', 'wasm', 'gemm-binary.ts');
fs.writeFileSync(target, ts);
console.log(`build:wasm: ${bytes.length} bytes, sha256 ${sha.slice(0, 16)}… → ${path.relative(root, target)}`);
