#!/usr/bin/env node
'use strict';
// The annlab kernel: tslab, started from the project root.
//
// tslab compiles every cell with rootDir = its working directory, and Jupyter starts a
// kernel in the notebook's folder, so a notebook in notebooks/ could not import ../src.
// Running tslab from the project root instead lets every notebook write
// `import { ... } from './src'` and `from './exercises/02-perceptron'`, and relative file
// paths in cells mean the same thing in every notebook.
//
// Usage (from kernel.json): node kernel/launch.js {connection_file}

const path = require('path');
const { PROJECT_ROOT } = require('./common');
const { installImportFixes } = require('./tslab-imports');
const { usePrebuiltSrc } = require('./prebuilt-src');
const { tslabTypeScript, tslabCompilerOptions } = require('./tslab-options');
const quiet = require('./quiet');

// The kernel runs as this script's child, so that running out of memory can be explained.
if (quiet.superviseKernel(__filename)) return;

const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error('annlab kernel: missing the connection file; Jupyter starts this as `node kernel/launch.js {connection_file}`.');
  process.exit(2);
}
// Resolve before chdir: Jupyter may pass a path relative to the folder it started us in.
const configPath = path.resolve(connectionFile);
process.chdir(PROJECT_ROOT);

const tslabDist = path.join(PROJECT_ROOT, 'node_modules', 'tslab', 'dist');
let tslab;
try {
  // Hook the executor before main.js uses it: folder imports (./src), fresh importers, and
  // errors reported at the line of the .ts file (Node maps frames through source maps).
  process.setSourceMapsEnabled(true);
  const typescript = tslabTypeScript(PROJECT_ROOT);
  if (!installImportFixes(require(path.join(tslabDist, 'executor.js')), { typescript, target: tslabCompilerOptions(typescript).target })) {
    console.error('annlab kernel: this tslab is not 1.0.22; importing a folder (./src) may fail, import ./src/index instead.');
  }
  // src/ from a prebuilt copy: the first `import … from './src'` loads instead of compiling.
  usePrebuiltSrc(PROJECT_ROOT);
  quiet.installQuietKernel(tslabDist, configPath);
  tslab = require(path.join(tslabDist, 'main.js'));
} catch (error) {
  console.error(`annlab kernel: cannot load tslab from ${PROJECT_ROOT}/node_modules (${error.message}); run \`npm install\` in ${PROJECT_ROOT}.`);
  process.exit(1);
}
// enableFindLocal: false, because we already chose the project's own tslab (pinned 1.0.22).
tslab.startKernel({ configPath, enableFindLocal: false });
