'use strict';
/* Runs one of the project's TypeScript scripts: `node grader/run-ts.js scripts/grade.ts ARGS`.
 * The grader's compile cache (grader/runner/compile-cache.js) loads the script and what it
 * imports in about a fifth of tsx's start, which counts where every submission of a class is
 * graded by a process of its own (Gradescope, GitHub Classroom). */
const path = require('path');
const { registerTypeScript } = require('./runner/compile-cache');

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node grader/run-ts.js SCRIPT.ts [ARGS]\n');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
registerTypeScript(root);
process.setSourceMapsEnabled(true);
const file = path.resolve(script);
process.argv = [process.argv[0], file, ...args];
require(file);
