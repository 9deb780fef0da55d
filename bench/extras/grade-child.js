'use strict';
// Grading where lecturers wait (bench/extras.ts): one full submission (the reference
// solutions, hidden tests included) as `npm run grade -- --submission DIR` runs it, or a class of
// `--class K` copies of it with `--submissions DIR --jobs J`. Every copy ends in a comment of its
// own, so that no cache keyed by a file's text (the transpiled exercise files) serves one
// submission with another's work: each is graded as a new student's would be. Prints `BENCH_GRADE {json}`:
// wall seconds, and the CPU seconds of the grader and everything it started, or null where
// there is no /proc (Linux only).
//
// The CPU time has two parts. Processes the grader reaps (its test processes, the type check)
// arrive in this process's cutime + cstime once the grader ends. Sandbox children do not: they
// are killed as a group, their parents die first, and whoever reaps them is not us. They work
// in folders under the grader's temporary folder, which is ours here, so they are found by
// their working folder and their CPU time read from /proc every 20 ms while they run (what a
// child spends in its last 20 ms is missed: a few hundredths of a second per child).
const { spawn } = require('child_process');
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

/** CPU ticks of each process (by pid and start time) whose working folder lies in `dir`. */
function sampleIn(dir, ticks) {
  let pids = [];
  try {
    pids = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (!fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) continue;
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime, stime at fields 14, 15 and starttime at 22 (12, 13 and 19 after "pid (comm) ")
      const key = `${pid}@${f[19]}`;
      ticks.set(key, Math.max(ticks.get(key) ?? 0, Number(f[11]) + Number(f[12])));
    } catch {
      /* gone, or not ours to see */
    }
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-bench-grade-'));
const tmp = path.join(work, 'tmp');
fs.mkdirSync(tmp);
fs.chmodSync(work, 0o755);
fs.chmodSync(tmp, 0o1777); // the sandbox user must enter it, as any TMPDIR
/** A copy of the solutions as a student would hand it in, marked as this copy alone. */
function submission(dir, mark) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'solutions'))) {
    fs.writeFileSync(path.join(dir, f), `${fs.readFileSync(path.join(root, 'solutions', f), 'utf8')}\n// ${mark}\n`);
  }
}
const unique = `${process.pid}-${Date.now()}`;
let args;
if (students > 0) {
  for (let i = 0; i < students; i++) submission(path.join(work, 'class', `student-${String(i + 1).padStart(3, '0')}`), `student ${i + 1}, run ${unique}`);
  args = ['--submissions', path.join(work, 'class'), '--jobs', String(jobs), '--out', path.join(work, 'out')];
} else {
  submission(path.join(work, 'submission'), `run ${unique}`);
  args = ['--submission', path.join(work, 'submission'), '--out', path.join(work, 'out')];
}
/** Why the grading did not give every copy full marks, or '' when it did. */
function fullMarks() {
  try {
    if (students > 0) {
      const rows = fs.readFileSync(path.join(work, 'out', 'gradebook.csv'), 'utf8').trim().split('\n').slice(1);
      const short = rows.filter((r) => {
        const [, score, max] = r.split(',');
        return Number(score) !== Number(max);
      });
      return rows.length !== students ? `${rows.length} rows for ${students} students` : short.length ? short.join('; ') : '';
    }
    const r = JSON.parse(fs.readFileSync(path.join(work, 'out', 'results.json'), 'utf8'));
    const max = r.tests.reduce((s, t) => s + t.max_score, 0);
    return r.score === max ? '' : `${r.score} of ${max}`;
  } catch (e) {
    return `no results: ${e.message}`;
  }
}

const cpu0 = childrenCpu();
const sandboxes = new Map();
const t0 = process.hrtime.bigint();
const sampler = setInterval(() => sampleIn(tmp, sandboxes), 20);
// The command `npm run grade` runs, without npm.
const child = spawn(process.execPath, [path.join(root, 'grader', 'run-ts.js'), path.join(root, 'scripts', 'grade.ts'), ...args], {
  cwd: root,
  env: { ...process.env, CI: '', TMPDIR: tmp },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (d) => (out = (out + d).slice(-4000)));
child.stderr.on('data', (d) => (out = (out + d).slice(-4000)));
child.on('exit', (code, signal) => {
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  const cpu1 = childrenCpu();
  const sandboxCpu = [...sandboxes.values()].reduce((s, t) => s + t, 0) / 100;
  const short = fullMarks();
  if (code !== 0) {
    process.stdout.write(`BENCH_ERROR ${JSON.stringify(`grade exited ${code ?? signal}: ${out.trim().split('\n').slice(-2).join(' ')}`)}\n`);
  } else if (short) {
    // A grading that fails tests may take less time: it measures nothing.
    process.stdout.write(`BENCH_ERROR ${JSON.stringify(`the reference did not get full marks: ${short}`)}\n`);
  } else {
    const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 + sandboxCpu;
    process.stdout.write(`BENCH_GRADE ${JSON.stringify({ students: students || 1, jobs: students ? jobs : 1, seconds, cpu, sandboxCpu })}\n`);
  }
  fs.rmSync(work, { recursive: true, force: true });
});
