// Installs the benchmark's peers (bench/package.json devDependencies) when one is missing or stale,
// so that `npm run bench` works on a fresh clone. --ignore-scripts: no peer needs a native build
// (brain.js 2 pulls in gpu.js and headless-gl; its CPU NeuralNetwork runs without gl being built).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = __dirname;
// Versions are pinned exactly in bench/package.json: a missing package or another version is reinstalled.
const wanted = require('./package.json').devDependencies;
const installed = (d) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', d, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};
const missing = Object.keys(wanted).filter((d) => installed(d) !== wanted[d]);
if (missing.length > 0) {
  process.stderr.write(`bench: installing ${missing.join(', ')} into bench/node_modules …\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) process.stderr.write('bench: npm install failed; the peers that are missing will be listed as not run\n');
}
