import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT, ensureKernelSpec, itWithJupyter, jupyterEnv } from '../support/jupyter';

// The annlab kernel in real Jupyter (jupyter_client drives it as a front end does, see
// test/support/kernel-session.py): nothing of tslab's plumbing reaches a cell or the
// terminal, an error thrown later by a timer or a promise is shown to the student, and a
// cell that exhausts memory is explained after the restart, which works.

interface Output {
  type: string;
  name?: string;
  text: string;
}
interface Step {
  status: string;
  outputs?: Output[];
}
interface Session {
  steps: Step[];
  stderr: string;
}

type StepSpec = { execute: string; timeout?: number } | { comm_open: string } | { restart: true } | { wait_dead: number } | { sleep: number };

/** Runs the steps against a fresh annlab kernel; `env` goes to the kernel too. */
function session(steps: StepSpec[], env: Record<string, string> = {}): Promise<Session> {
  ensureKernelSpec();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-kernel-')), 'steps.json');
  fs.writeFileSync(file, JSON.stringify(steps));
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  return new Promise((resolve, reject) => {
    execFile(
      python,
      [path.join(PROJECT_ROOT, 'test', 'support', 'kernel-session.py'), file],
      { cwd: PROJECT_ROOT, env: { ...jupyterEnv(), ...env }, timeout: 400_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`kernel session failed: ${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Session)),
    );
  });
}

const text = (step: Step, name?: string) =>
  (step.outputs ?? [])
    .filter((o) => o.type === 'stream' && (name === undefined || o.name === name))
    .map((o) => o.text)
    .join('');

/** What tslab printed before: none of it may appear anywhere. */
const NOISE = /unknown msg_type|EBUSY|Socket is blocked|UnhandledPromiseRejection|UncaughtException/;

describe('a quiet, honest annlab kernel', () => {
  itWithJupyter('answers comm_open quietly, before and after a restart, and shows late errors in the next cell', async () => {
    const run = await session([
      { execute: "console.log('first')" },
      { comm_open: 'jupyter.widget' },
      { execute: "setTimeout(() => { throw new Error('late boom'); }, 200);\nPromise.reject(new Error('nobody awaits'));\nconsole.log('started');" },
      { sleep: 1.5 },
      { execute: "console.log('next')" },
      { execute: "setTimeout(() => { throw new Error('while running'); }, 100);\nawait new Promise((r) => setTimeout(r, 600));\nconsole.log('waited');" },
      { restart: true },
      { comm_open: 'jupyter.widget' },
      { execute: "console.log('after restart')" },
      { restart: true },
      { execute: "console.log('after a second restart')" },
    ]);
    const [first, comm, late, , next, during, , comm2, afterRestart, , afterSecond] = run.steps;
    expect(first).toEqual({ status: 'ok', outputs: [{ type: 'stream', name: 'stdout', text: 'first\n' }] });
    // As ipykernel answers a comm target it does not know: comm_close, and no text anywhere.
    for (const c of [comm, comm2]) {
      expect(c.status).toBe('idle');
      expect(c.outputs?.map((o) => [o.type, JSON.parse(o.text)])).toEqual([['comm_close', { comm_id: 'c0ffee', data: {} }]]);
    }
    expect(text(late, 'stdout')).toContain('started');
    // The next cell shows both errors of the earlier cell, then runs as usual.
    expect(next.status).toBe('ok');
    expect(text(next, 'stderr')).toMatch(/Unhandled promise rejection[^\n]*after its cell had finished[^]*Error: nobody awaits/);
    expect(text(next, 'stderr')).toMatch(/Uncaught error[^\n]*after its cell had finished[^]*Error: late boom/);
    expect(text(next, 'stdout')).toBe('next\n');
    // An error thrown while a cell still runs lands in that cell.
    expect(text(during, 'stderr')).toMatch(/Uncaught error from a timer[^]*Error: while running/);
    expect(text(during, 'stdout')).toBe('waited\n');
    expect(afterRestart).toEqual({ status: 'ok', outputs: [{ type: 'stream', name: 'stdout', text: 'after restart\n' }] });
    expect(afterSecond).toEqual({ status: 'ok', outputs: [{ type: 'stream', name: 'stdout', text: 'after a second restart\n' }] });
    // Nothing reached a cell or the terminal that a student or a lecturer would take for a fault.
    for (const step of run.steps) expect(text(step)).not.toMatch(NOISE);
    expect(run.stderr).not.toMatch(NOISE);
  }, 400_000);

  itWithJupyter("shows a run-time error at the line of the student's .ts file, without the kernel's own frames", async () => {
    const dir = path.join('build', `kernel-errors-${process.pid}`);
    fs.mkdirSync(path.join(PROJECT_ROOT, dir), { recursive: true });
    fs.writeFileSync(path.join(PROJECT_ROOT, dir, 'buggy.ts'), 'export function inner(): number {\n  const y: any = undefined;\n  return y.foo;\n}\n');
    try {
      const run = await session([
        // After an error, tslab aborts what arrives within 200 ms (as a front end's queue would be).
        { execute: `import { inner } from './${dir}/buggy';\ninner();` },
        { sleep: 0.5 },
        { execute: "import { Matrix, matmul } from './src';\nmatmul(Matrix.zeros(1, 2), Matrix.zeros(1, 2));" },
        { sleep: 0.5 },
        { execute: "console.log('still fine')" },
      ]);
      const [mine, , engine, , after] = run.steps;
      expect(text(mine, 'stderr')).toBe(
        `${dir}/buggy.ts:3\n  return y.foo;\n           ^\n\nTypeError: Cannot read properties of undefined (reading 'foo')\n    at inner (${dir}/buggy.ts:3:12)\n    at the cell\n`,
      );
      // The engine refuses with its own message; its frame names the engine's .ts file.
      expect(text(engine, 'stderr')).toMatch(/^ShapeError: [^\n]+\n    at matmul \(src\/engine\/matrix\/ops\.ts:\d+:\d+\)\n    at the cell\n$/);
      expect(text(after, 'stdout')).toBe('still fine\n');
    } finally {
      fs.rmSync(path.join(PROJECT_ROOT, dir), { recursive: true, force: true });
    }
  }, 400_000);

  itWithJupyter('explains a cell that exhausted memory, and works again after the restart', async () => {
    const run = await session(
      [
        { execute: "const kept: number[][] = [];\nconsole.log('filling');\nwhile (true) kept.push(new Array(1e5).fill(1.5));", timeout: 300 },
        { wait_dead: 60 },
        { restart: true },
        { execute: "console.log('alive again')" },
        { execute: "console.log('and quiet')" },
      ],
      { ANNLAB_KERNEL_HEAP_MB: '120' },
    );
    const [oom, dead, , again, quiet] = run.steps;
    expect(oom.status).toBe('died');
    expect(dead.status).toBe('dead');
    expect(again.status).toBe('ok');
    expect(text(again, 'stderr')).toMatch(/The kernel ran out of memory \(its limit is 120 MB\) while running a cell, and was restarted/);
    expect(text(again, 'stderr')).toMatch(/Every variable and import of this notebook is gone[^]*Run All Above/);
    expect(text(again, 'stdout')).toBe('alive again\n');
    // Told once, not in every later cell.
    expect(quiet).toEqual({ status: 'ok', outputs: [{ type: 'stream', name: 'stdout', text: 'and quiet\n' }] });
    expect(run.stderr).toMatch(/annlab kernel: out of memory; the restarted kernel will tell the student/);
  }, 400_000);

  itWithJupyter('exits when the Jupyter that started it is killed (no orphaned kernel)', async () => {
    ensureKernelSpec();
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const script = [
      'import sys, time',
      'from jupyter_client import KernelManager',
      "km = KernelManager(kernel_name='annlab')",
      'km.start_kernel()',
      'kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)',
      'print(km.provisioner.process.pid, flush=True)',
      'time.sleep(600)',
    ].join('\n');
    const front = spawn(python, ['-c', script], { cwd: PROJECT_ROOT, env: jupyterEnv(), stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      front.stdout.on('data', (d) => resolve(Number(String(d).trim())));
      front.on('exit', (code) => reject(new Error(`the front end ended (${code}) before the kernel was ready`)));
    });
    const childrenOf = (p: number) => {
      try {
        return fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    };
    const kernelProcesses = [pid, ...childrenOf(pid)];
    expect(kernelProcesses.length).toBe(2); // the supervisor and the kernel itself
    const alive = (p: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${p}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    expect(kernelProcesses.every(alive)).toBe(true);
    front.kill('SIGKILL'); // no shutdown_request, no signal to the kernel: only its parent is gone
    const deadline = Date.now() + 30_000;
    while (kernelProcesses.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(kernelProcesses.filter(alive)).toEqual([]);
  }, 200_000);
});
