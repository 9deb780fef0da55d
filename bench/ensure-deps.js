// Installs the benchmark's peers (bench/package.json devDependencies) when one is missing,
// so that `npm run bench` works on a fresh clone. --ignore-scripts: no peer needs a native build.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = __dirname;
const deps = Object.keys(require('./package.json').devDependencies);
const missing = deps.filter((d) => !fs.existsSync(path.join(dir, 'node_modules', d, 'package.json')));
if (missing.length > 0) {
  process.stderr.write(`bench: installing ${missing.join(', ')} into bench/node_modules …\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) process.stderr.write('bench: npm install failed; the peers that are missing will be listed as not run\n');
}
