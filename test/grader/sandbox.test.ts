// The sandbox against adversarial student code: every attack ends as a StudentCodeError
// of the right kind with a message a student understands, the test process is untouched,
// and no process is left behind.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exercise, startedExercise, StudentCodeError, StudentModule } from '../support/sandbox';
import { wasmFlags } from '../../grader/sandbox/launch';
import { OptionError } from '../../src/engine/errors';

const FIXTURES = path.join(__dirname, 'fixtures', 'sandbox');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-sandbox-test-'));
for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f.replace(/\.fixture$/, '')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The address-space cap (prlimit / ulimit -v) exists on Linux only; elsewhere the heap cap remains. */
const addressSpaceCapped = process.platform === 'linux' && process.env.ANNLAB_SANDBOX_ISOLATION !== 'none';
const cappedIt = addressSpaceCapped ? it : (name: string, fn: () => Promise<void>) => it.skip(`${name} (skipped: no address-space cap on ${process.platform})`, fn);

const pids = new Set<number>();
function open(name: string, timeoutMs = 1000, loadTimeoutMs = 2000): StudentModule {
  return exercise(name, { target: dir, timeoutMs, loadTimeoutMs });
}
const ex = open('attacks');

async function failure(p: Promise<unknown>, m: StudentModule = ex): Promise<StudentCodeError> {
  if (m.pid) pids.add(m.pid);
  try {
    const v = await p;
    throw new Error(`expected a StudentCodeError, the call returned ${String(v)}`);
  } catch (e) {
    if (m.pid) pids.add(m.pid);
    if (!(e instanceof StudentCodeError)) throw e;
    return e;
  }
}

/** Processes whose command line contains `needle`: Linux /proc, else `ps` (macOS) or CIM (Windows). */
function processesWith(needle: string): number[] {
  const out: number[] = [];
  if (!fs.existsSync('/proc/self/cmdline')) {
    const list =
      process.platform === 'win32'
        ? execFileSync('powershell.exe', ['-NoProfile', '-Command', 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" }'], { encoding: 'utf8' })
        : execFileSync('ps', ['-A', '-o', 'pid=,command='], { encoding: 'utf8' });
    for (const line of list.split(/\r?\n/)) if (line.includes(needle)) out.push(Number(line.trim().split(/\s+/)[0]));
    return out;
  }
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle)) out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

describe('the sandbox runs student functions in a child process', () => {
  it('returns results of plain calls, fast: 300 calls cost the test process well under 2 s of CPU', async () => {
    expect(await ex.call('add', 2, 3)).toBe(5);
    // CPU time, not wall time: on a machine busy with other work the calls wait for a core.
    const cpu = process.cpuUsage();
    for (let i = 0; i < 300; i++) expect(await ex.call('add', i, 1)).toBe(i + 1);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });

  it('keeps one child across calls (module state persists) and restarts after a kill', async () => {
    const a = await ex.call<number>('counter');
    expect(await ex.call<number>('counter')).toBe(a + 1);
    await failure(ex.call('loopForever'));
    expect(await ex.call<number>('counter')).toBe(1);
  });

  it('stops an endless loop after the time limit (kind timeout) and stays usable', async () => {
    const t = Date.now();
    const e = await failure(ex.call('loopForever'));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/loopForever\(\) did not return within 1 s/);
    expect(Date.now() - t).toBeLessThan(8000);
    expect(await ex.call('add', 1, 1)).toBe(2);
  });

  it('stops a promise that never settles (timeout)', async () => {
    expect((await failure(ex.call('neverSettles'))).kind).toBe('timeout');
  });

  it('kills a child that ignores SIGTERM in a busy loop (SIGKILL to the group)', async () => {
    expect((await failure(ex.call('sigtermThenLoop'))).kind).toBe('timeout');
  });

  cappedIt('refuses a 4 GB Float64Array (address-space cap) with kind memory', async () => {
    const e = await failure(ex.call('hugeTypedArray'));
    expect(e.kind).toBe('memory');
    expect(e.message).toMatch(/memory/);
  });

  it('lets WebAssembly in with a memory cap: the engine keeps its WebAssembly kernels; a memory grows to 64 MB, not past it', async () => {
    const wasm = open('engine-wasm');
    expect(await wasm.call('kernelName')).toMatch(/^wasm-simd/);
    expect(await wasm.call('growMemory', 1023)).toBe(64 * 2 ** 20);
    const e = await failure(wasm.call('growMemory', 1024), wasm);
    expect(e.kind).toBe('threw');
    expect(e.message).toMatch(/growMemory\(\) threw RangeError: WebAssembly\.Memory\.grow\(\)/);
    wasm.close();
  });

  it('checks the WebAssembly memory cap when the exercise is opened: a whole number of MB from 1 to 4096', () => {
    for (const bad of [0, 0.5, -1, 5000, NaN]) {
      expect(() => exercise('engine-wasm', { target: dir, wasmMemoryMb: bad })).toThrow(OptionError);
      expect(() => exercise('engine-wasm', { target: dir, wasmMemoryMb: bad })).toThrow(/wasmMemoryMb: expected a whole number of MB from 1 to 4096, got/);
    }
    expect(wasmFlags(64)).toEqual(['--disable-wasm-trap-handler', '--wasm-max-mem-pages=1024']);
  });

  it('computes a product too large for the WebAssembly memory in JavaScript, with the same result', async () => {
    // 300×300 times 300×300: the operands and C need 2.1 MB of WebAssembly memory, the cap is 1 MB.
    const rand = (rows: number, cols: number, seed: number) => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => Math.sin(seed + 7 * i + 3 * j)));
    const a = rand(300, 300, 1);
    const b = rand(300, 300, 2);
    const expected = a.map((row) => b[0].map((_, j) => row.reduce((s, v, p) => s + v * b[p][j], 0)));
    const small = exercise('engine-wasm', { target: dir, timeoutMs: 10_000, wasmMemoryMb: 1 });
    const large = exercise('engine-wasm', { target: dir, timeoutMs: 10_000 });
    try {
      expect(await small.call('kernelName')).toMatch(/^wasm-simd/);
      expect((await failure(small.call('growMemory', 16), small)).message).toMatch(/RangeError/);
      for (const m of [small, large]) {
        const got = await m.call<number[][]>('product', a, b);
        let worst = 0;
        for (let i = 0; i < 300; i++) for (let j = 0; j < 300; j++) worst = Math.max(worst, Math.abs(got[i][j] - expected[i][j]));
        expect(worst).toBeLessThan(1e-9);
      }
    } finally {
      small.close();
      large.close();
    }
  });

  it('turns process.exit(0) inside a function into a crash with an explanation', async () => {
    const e = await failure(ex.call('exitInFunction'));
    expect(e.kind).toBe('crash');
    expect(e.message).toMatch(/process\.exit\(\) was called: exercise code must return its result/);
  });

  it('refuses child_process, process.binding, dynamic import and eval: no grandchild can start', async () => {
    expect((await failure(ex.call('spawnGrandchild'))).message).toMatch(/does not let exercises use Node's 'child_process'/);
    expect((await failure(ex.call('spawnViaBinding'))).kind).toBe('threw');
    expect((await failure(ex.call('dynamicImport'))).message).toMatch(/child_process/);
    expect((await failure(ex.call('evalCode'))).message).toMatch(/Code generation from strings disallowed/);
    expect(processesWith('987654')).toEqual([]);
  });

  it('refuses reading the hidden tests and writing a fake results file', async () => {
    const hidden = path.join(__dirname, '..', 'hidden', '01-neurons.test.ts');
    expect((await failure(ex.call('readFile', hidden))).message).toMatch(/'fs' module/);
    expect((await failure(ex.call('requireHidden'))).message).toMatch(/may import only the course engine \('\.\.\/src'\) and other exercise files, not '\.\.\/test\/hidden\/01-neurons\.test'/);
    expect((await failure(ex.call('writeFakeResults'))).message).toMatch(/'fs' module/);
    expect((await failure(ex.call('killParent'))).message).toMatch(/process\.kill\(\) was called/);
  });

  it('passes copies: the student cannot mutate the test’s inputs', async () => {
    const input = [[1, 2], [3, 4]];
    const out = await ex.call<number[][]>('mutate', input);
    expect(out[0][0]).toBe(99);
    expect(input).toEqual([[1, 2], [3, 4]]);
  });

  it('callWith({ returnArgs: true }) sends back the arguments as the function left them, so a test can see a mutation', async () => {
    const input = [[1, 2], [3, 4]];
    const got = await ex.callWith<number[][]>({ returnArgs: true }, 'mutate', input, 'second');
    expect(got.result[0][0]).toBe(99);
    expect(got.args).toEqual([[[99, 2], [3, 4], [1]], 'second']);
    expect(got.args[0]).toBe(got.result); // aliasing survives the clone: it returned its argument
    expect(input).toEqual([[1, 2], [3, 4]]); // the test's copy is still pristine
    const clean = await ex.callWith<number>({ returnArgs: true, timeoutMs: 500 }, 'add', 2, 3);
    expect(clean).toEqual({ result: 5, args: [2, 3] });
    // the async path and a failure behave as with call()
    expect((await failure(ex.callWith({ returnArgs: true }, 'notYet'))).kind).toBe('not-implemented');
  });

  it('keeps patches of Math, Object.prototype and expect inside the child', async () => {
    expect(await ex.call('patchGlobals')).toBe(0);
    expect(await ex.call('afterPatch')).toBe(0); // the student's own module sees its patch
    expect(Math.exp(0)).toBe(1);
    expect(Math.abs(-2)).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof expect(1).toBe).toBe('function');
    ex.close(); // a fresh child for the next tests
  });

  it('returns NaN, −∞, undefined and strings as they are (the comparison judges them)', async () => {
    expect(await ex.call('returnNaN')).toBeNaN();
    expect(await ex.call('returnInfinity')).toBe(-Infinity);
    expect(await ex.call('returnNothing')).toBeUndefined();
    expect(await ex.call('returnString')).toBe('0.5');
    expect((await failure(ex.call('returnFunction'))).message).toMatch(/cannot be passed back to the grader/);
  });

  it('drops 10 MB of printing and cuts a 10 MB error message', async () => {
    expect(await ex.callWith({ timeoutMs: 5000 }, 'printLots')).toBe(1);
    const e = await failure(ex.call('throwWeird'));
    expect(e.kind).toBe('threw');
    expect(e.message.length).toBeLessThan(3000);
  });

  it('says which function is missing and recognises "not implemented" stubs', async () => {
    const e = await failure(ex.call('nope'));
    expect(e.kind).toBe('missing-export');
    expect(e.message).toMatch(/has no exported function 'nope'/);
    expect((await failure(ex.call('notYet'))).kind).toBe('not-implemented');
    const t = await failure(ex.call('typeError'));
    expect(t.kind).toBe('threw');
    expect(t.message).toMatch(/typeError\(\) threw TypeError: .*\n\s+at typeError \(exercises\/attacks\.ts:\d+:\d+\)/);
  });
});

describe('the sandbox reports files that do not load', () => {
  const cases: [string, string, RegExp][] = [
    ['syntax-error', 'compile', /exercises\/syntax-error\.ts does not compile:\n.*syntax-error\.ts:1:\d+ - /],
    ['empty', 'missing-export', /has no exported function 'f' \(it exports no functions\)/],
    ['top-level-loop', 'timeout', /endless loop at the top level/],
    ['exit-at-import', 'crash', /process\.exit\(\) was called/],
    ['throw-at-import', 'threw', /loading exercises\/throw-at-import\.ts threw Error: boom at import/],
    ['heap-at-import', 'memory', /out of memory/],
    ['no-such-file', 'missing-export', /exercises\/no-such-file\.ts is missing/],
  ];
  it.each(cases)('%s → kind %s', async (name, kind, message) => {
    // filling the heap ends in V8's out-of-memory only after some garbage collections
    const m = open(name, 1000, name === 'heap-at-import' ? 15000 : 2000);
    const e = await failure(m.call('f'), m);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    // the failure is remembered: a second call fails the same way at once
    const t = Date.now();
    expect((await failure(m.call('f'), m)).kind).toBe(kind);
    expect(Date.now() - t).toBeLessThan(500);
    m.close();
  });
});

describe('no process is left behind', () => {
  it('every sandbox child ever started is gone after close', async () => {
    ex.close();
    await new Promise((r) => setTimeout(r, 200));
    const alive = [...pids].filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect(processesWith('987654')).toEqual([]);
  });
});

describe('startedExercise (what graded test files use)', () => {
  const warm = startedExercise('slow-load', { target: dir });
  it('starts the child and loads the file in a beforeAll, so the first test is not charged for them', async () => {
    expect(warm.pid).toBeDefined(); // running before any call of this test
    expect(await warm.call('one')).toBe(1);
    warm.close();
  });
});

describe('a time budget per exercise file', () => {
  it('fails further calls at once when all calls together used up the budget', async () => {
    const m = exercise('attacks', { target: dir, timeoutMs: 300, budgetMs: 500 });
    expect((await failure(m.call('loopForever'), m)).kind).toBe('timeout');
    expect((await failure(m.call('loopForever'), m)).kind).toBe('timeout');
    const t = Date.now();
    const e = await failure(m.call('add', 1, 2), m);
    expect(e.message).toMatch(/used up its time budget \(0\.5 s for loading and all calls\): add\(\) was not run/);
    expect(Date.now() - t).toBeLessThan(100);
    m.close();
  });

  it('counts the child\'s start and the file\'s loading too: a slow load leaves less for the calls, and past the budget nothing loads', async () => {
    // The load alone takes 0.6 s (the top level of slow-load busy-waits): over a 0.3 s budget.
    const over = exercise('slow-load', { target: dir, budgetMs: 300 });
    const e = await failure(over.call('one'), over);
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/exercises\/slow-load\.ts used up its time budget \(0\.3 s for loading and all calls\) while (starting|loading)/);
    over.close();
    // With room for it, the same load is charged once and the calls run.
    const within = exercise('slow-load', { target: dir, budgetMs: 20_000 });
    expect(await within.call('one')).toBe(1);
    expect(await within.call('one')).toBe(1);
    within.close();
  });
});
