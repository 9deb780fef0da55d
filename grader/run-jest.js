'use strict';
/* Runs jest (the arguments after this script) in a process group of its own and takes the whole
 * group down with it: when jest ends, when this process is asked to stop, and when the grader
 * that started it dies (even by kill -9: its parent process id then changes). Jest's workers
 * outlive jest itself otherwise, and the sandbox children die with their worker. */
const { spawn } = require('child_process');

const parent = process.ppid;
const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit', detached: process.platform !== 'win32' });
function killGroup() {
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch (e) {
    /* already gone */
  }
}
const watch = setInterval(() => {
  if (process.ppid !== parent) {
    killGroup();
    process.exit(137);
  }
}, 250);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    killGroup();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  });
}
child.on('error', (e) => {
  process.stderr.write(`jest could not start: ${e.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  clearInterval(watch);
  killGroup();
  process.exit(code === null ? 128 + (signal === 'SIGKILL' ? 9 : 15) : code);
});
