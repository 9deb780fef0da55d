'use strict';
// Grading where lecturers wait (bench/extras.ts): one full submission (the reference
// solutions, hidden tests included) with `npm run grade -- --solutions`, or a class of
// `--class K` copies of it with `--submissions DIR --jobs J`. Prints `BENCH_GRADE {json}`:
// wall seconds, and the CPU seconds of the grader and everything it started (Linux: this
// process's reaped children, /proc/self/stat cutime + cstime; null elsewhere).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const students = Number(option('class', '0'));
const jobs = Number(option('jobs', '2'));

/** CPU seconds of the reaped children, or null where /proc is not there. */
function childrenCpu() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // after "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-bench-grade-'));
try {
  let args;
  if (students > 0) {
    for (let i = 0; i < students; i++) {
      const dir = path.join(work, 'class', `student-${String(i + 1).padStart(3, '0')}`);
      fs.mkdirSync(dir, { recursive: true });
      for (const f of fs.readdirSync(path.join(root, 'solutions'))) fs.copyFileSync(path.join(root, 'solutions', f), path.join(dir, f));
    }
    args = ['--submissions', path.join(work, 'class'), '--jobs', String(jobs), '--out', path.join(work, 'out')];
  } else args = ['--solutions', '--out', path.join(work, 'out')];
  const tsx = require.resolve('tsx/cli', { paths: [root] });
  const cpu0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'grade.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpu();
  if (r.status !== 0) {
    process.stdout.write(`BENCH_ERROR ${JSON.stringify(`grade exited ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' ')}`)}\n`);
  } else {
    process.stdout.write(`BENCH_GRADE ${JSON.stringify({ students: students || 1, jobs: students ? jobs : 1, seconds, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 })}\n`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
