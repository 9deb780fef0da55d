'use strict';
// One fresh kernel's first import (bench/extras.ts): tslab's converter and executor set
// up as kernel/launch.js sets them up, then one cell `import { VERSION } from './src'` timed.
// ANNLAB_PREBUILT_SRC=0 measures tslab compiling src/ itself (how it was before);
// BENCH_NO_SOURCE_MAPS=1 leaves Node's source maps off. Prints `BENCH_IMPORT {json}`.
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
process.chdir(root);
const dist = path.join(root, 'node_modules', 'tslab', 'dist');
if (process.env.BENCH_NO_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(true);
const { tslabTypeScript, tslabCompilerOptions } = require(path.join(root, 'kernel', 'tslab-options.js'));
const typescript = tslabTypeScript(root);
require(path.join(root, 'kernel', 'tslab-imports.js')).installImportFixes(require(path.join(dist, 'executor.js')), { typescript, target: tslabCompilerOptions(typescript).target });
require(path.join(root, 'kernel', 'prebuilt-src.js')).usePrebuiltSrc(root);
const conv = require(path.join(dist, 'converter.js')).createConverter({ isJS: false, isBrowser: false });
const ex = require(path.join(dist, 'executor.js')).createExecutor(root, { node: conv, browser: null, close() { conv.close(); } }, { log() {}, error: console.error });
(async () => {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const ok = await ex.execute("import { VERSION, mlpClassifier } from './src';\nVERSION");
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  process.stdout.write(`BENCH_IMPORT ${JSON.stringify({ ok, seconds, cpu: (c.user + c.system) / 1e6, prebuilt: process.env.ANNLAB_PREBUILT_SRC !== '0' })}\n`);
  conv.close();
  process.exit(0);
})();
