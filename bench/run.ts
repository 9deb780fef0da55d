/**
 * `npm run bench`: trains the four workloads of issue 5 with annlab and its peers, each run in a
 * fresh process, several interleaved repeats, and prints one markdown table per workload (also
 * written with the raw JSON to build/bench/).
 *
 *   npx tsx bench/run.ts [--quick] [--repeats N] [--only annlab,numpy] [--workloads W3,W4] [--timeout S] [--out DIR] [--skip-peak] [--cpu|--wall]
 *
 * --cpu / --wall: base ratios on CPU time or wall-clock time (default: wall on an idle machine,
 * i.e. a load average of at most 1.5 — the contender itself plus a little —, else CPU time).
 * --only: contender names, exactly as the tables spell them, separated by commas.
 *
 * --quick: 1 repeat on small subsets (a smoke test; its numbers are not the benchmark).
 *
 * Then, unless --skip-extras: notebook 08's sweep on every core against the sequential one, the
 * first import of ./src in a fresh kernel, and grading one submission and a small class
 * (bench/extras.ts), judged with the workloads' targets.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { workloadSpecs, makeWorkload, writeWorkload, trainingFlops, parameterCount, WorkloadSpec } from './workloads';
import type { ChildResult } from './child';
import { renderReport, checkAgreement, Report, Row } from './report';
import { judge } from './targets';
import { measureSweep, measureFirstImport, measureGrading, extraTargets, gradingTargets } from './extras';

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const option = (name: string, fallback: string): string => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);

const quick = flag('quick');
const repeats = Number(option('repeats', quick ? '1' : '3'));
const timeoutS = Number(option('timeout', quick ? '60' : '150'));
const outDir = path.resolve(root, option('out', path.join('build', 'bench' + (quick ? '-quick' : ''))));
const python = '/usr/bin/python3';

/** One contender: how to start it, or why it cannot run here. */
interface Contender {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Why it cannot run on this machine (then it is listed, not run). */
  unavailable?: string;
}

function tsx(file: string, ...extra: string[]): string[] {
  return [process.execPath, '--import', 'tsx', path.join(root, 'bench', file), ...extra];
}

function nodeModuleReason(name: string): string | undefined {
  try {
    require.resolve(name, { paths: [path.join(root, 'bench')] });
    return undefined;
  } catch {
    return `npm package ${name} is not installed in bench/ (run npm install --prefix bench)`;
  }
}

function pythonReason(module: string): string | undefined {
  if (!fs.existsSync(python)) return `${python} not found`;
  const r = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `${python} cannot import ${module} (install Debian's python3-${module === 'sklearn' ? 'sklearn' : module})`;
}

const single = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const allContenders: Contender[] = [
  { name: 'annlab', command: tsx('contenders/annlab.ts'), unavailable: fs.existsSync(path.join(root, 'src', 'engine', 'mlp', 'index.ts')) ? undefined : 'src/engine/mlp is missing' },
  { name: 'annlab (js kernels)', command: tsx('contenders/annlab.ts', '--kernels', 'js') },
  { name: 'annlab (float32 opt-in)', command: tsx('contenders/annlab.ts', '--kernels', 'wasm-f32') },
  // What Node 22 and recent browsers get by default: the relaxed-SIMD build (fused multiply-add).
  { name: 'annlab (relaxed SIMD flag)', command: [process.execPath, '--experimental-wasm-relaxed-simd', ...tsx('contenders/annlab.ts').slice(1)] },
  { name: 'ts-loop (kernels only)', command: tsx('contenders/tsloop.ts') },
  { name: 'tfjs-cpu', command: tsx('contenders/tfjs.ts', '--backend', 'cpu'), unavailable: nodeModuleReason('@tensorflow/tfjs') },
  { name: 'tfjs-wasm', command: tsx('contenders/tfjs.ts', '--backend', 'wasm'), unavailable: nodeModuleReason('@tensorflow/tfjs-backend-wasm') },
  { name: 'brain.js', command: tsx('contenders/brain.ts'), unavailable: nodeModuleReason('brain.js') },
  { name: 'synaptic', command: tsx('contenders/synaptic.ts'), unavailable: nodeModuleReason('synaptic') },
  { name: 'convnetjs', command: tsx('contenders/convnetjs.ts'), unavailable: nodeModuleReason('convnetjs') },
  { name: 'scikit-learn', command: [python, path.join(root, 'bench', 'python', 'sklearn_mlp.py')], env: single, unavailable: pythonReason('sklearn') },
  { name: 'numpy', command: [python, path.join(root, 'bench', 'python', 'numpy_loop.py')], env: single, unavailable: pythonReason('numpy') },
];
for (const c of allContenders.slice(1, 4)) c.unavailable = allContenders[0].unavailable;

const only = option('only', '');
const onlyNames = only ? only.split(',').map((o) => o.trim()) : [];
const unknown = onlyNames.filter((o) => !allContenders.some((c) => c.name === o));
if (unknown.length) {
  process.stderr.write(`--only: no contender named ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the names are ${allContenders.map((c) => JSON.stringify(c.name)).join(', ')}\n`);
  process.exit(2);
}
const contenders = only ? allContenders.filter((c) => onlyNames.includes(c.name)) : allContenders;
const wanted = option('workloads', 'W1,W2,W3,W4').split(',');
const specs = workloadSpecs(quick).filter((s) => wanted.includes(s.id));

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

/** Runs one command; returns the line it printed after `tag`, or the reason it failed. */
function runTagged(command: string[], tag: string, env: Record<string, string> = {}, extra: string[] = []): { value?: any; error?: string } {
  const r = spawnSync(command[0], [...command.slice(1), ...extra], {
    cwd: root, encoding: 'utf8', timeout: timeoutS * 1000, killSignal: 'SIGKILL', maxBuffer: 64 << 20,
    env: { ...process.env, ...env },
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { error: `timed out after ${timeoutS} s` };
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith(tag + ' '));
  if (line) return { value: JSON.parse(line.slice(tag.length + 1)) };
  const err = (r.stdout ?? '').split('\n').find((l) => l.startsWith('BENCH_ERROR '));
  if (err) return { error: JSON.parse(err.slice(12)) };
  if (r.signal) return { error: `killed by ${r.signal}${r.signal === 'SIGKILL' ? ` (timeout ${timeoutS} s or out of memory)` : ''}` };
  return { error: `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}` };
}

/** The highest load average at which wall-clock time is trusted: the contender itself (1) and a little more. */
const IDLE_LOAD = 1.5;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function main(): void {
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = path.join(outDir, 'data');
  for (const spec of specs) writeWorkload(makeWorkload(spec, root), dataDir);
  const loadBefore = os.loadavg()[0];
  log(`bench: ${quick ? 'QUICK ' : ''}${repeats} repeat(s), ${specs.map((s) => s.id).join(' ')}, ${contenders.length} contenders → ${outDir}`);

  // The machine's peaks, measured in this run.
  const skipPeak = flag('skip-peak');
  const jsPeak = skipPeak ? { error: 'skipped (--skip-peak)' } : runTagged(tsx('peak.ts'), 'BENCH_PEAK');
  const npPeak = skipPeak ? { error: 'skipped (--skip-peak)' }
    : fs.existsSync(python) ? runTagged([python, path.join(root, 'bench', 'python', 'peak.py')], 'BENCH_PEAK', single) : { error: `${python} not found` };
  log(`peak: JS ${jsPeak.value?.gflops?.toFixed(1) ?? jsPeak.error} GFLOP/s, numpy ${npPeak.value?.gflops?.toFixed(1) ?? npPeak.error} GFLOP/s`);

  const runs: Record<string, Record<string, ChildResult[]>> = {};
  const failures: Record<string, Record<string, string>> = {};
  for (const spec of specs) {
    runs[spec.id] = {};
    failures[spec.id] = {};
  }
  for (let r = 0; r < repeats; r++) {
    for (const spec of specs) {
      // Interleave: a different contender goes first in each repeat.
      const order = contenders.map((_, i) => contenders[(i + r) % contenders.length]);
      for (const c of order) {
        if (c.unavailable || failures[spec.id][c.name]) continue;
        // A second (warm) training only where the first took under 5 s: the slow peers would double the run.
        const res = runTagged(c.command, 'BENCH_RESULT', c.env, ['--data', path.join(dataDir, spec.id), '--warm-limit', option('warm-limit', '5')]);
        if (res.error) {
          failures[spec.id][c.name] = res.error;
          log(`  ${spec.id} ${c.name}: FAILED ${res.error}`);
        } else {
          (runs[spec.id][c.name] ??= []).push(res.value);
          log(`  ${spec.id} ${c.name}: ${res.value.cold.toFixed(3)} s cold, ${res.value.warm?.toFixed(3) ?? '—'} s warm, loss ${res.value.loss.toPrecision(6)}`);
        }
      }
    }
  }

  const peak = npPeak.value?.gflops ?? jsPeak.value?.gflops ?? NaN;
  // On a machine busy with other work, wall-clock time measures the others too: then the
  // ratios use CPU time (the same as wall time for a single-threaded loop on an idle core).
  const load: [number, number] = [loadBefore, os.loadavg()[0]];
  const cores = os.cpus().length;
  const basis: 'wall' | 'cpu' = flag('cpu') || (!flag('wall') && Math.max(...load) > IDLE_LOAD) ? 'cpu' : 'wall';
  const report: Report = {
    date: new Date().toISOString(), quick, repeats, node: process.version, cpu: cpuName(), cores, load, basis,
    peaks: { js: jsPeak.value ?? { error: jsPeak.error }, numpy: npPeak.value ?? { error: npPeak.error }, used: peak },
    workloads: specs.map((spec) => ({ spec, parameters: parameterCount(spec.sizes), flops: trainingFlops(spec), rows: rows(spec, runs[spec.id], failures[spec.id], peak, basis) })),
  };
  if (!flag('skip-extras')) {
    log('extras: notebook 08\'s sweep, sequential against parallel; the first import in a fresh kernel; grading');
    // Whether the machine is idle is read before the extras: the parallel sweep and grading
    // use every core themselves, so the load average after them says nothing about others' work.
    const loadBeforeExtras = os.loadavg()[0];
    const sweep = measureSweep(repeats, 100, timeoutS, log);
    // a W3-size sweep (about 0.7 s sequential), large enough that the parallel sweep uses workers
    const bigSweep = quick ? undefined : measureSweep(repeats, 40, timeoutS, log, 'digits');
    const firstImport = measureFirstImport(repeats, timeoutS, log);
    const grading = measureGrading(quick ? 1 : repeats, quick ? 2 : 4, cores, timeoutS, log);
    const idle = Math.max(...load, loadBeforeExtras) <= IDLE_LOAD;
    report.extras = { sweep, bigSweep, firstImport, grading, load: loadBeforeExtras, loadAfter: os.loadavg()[0] };
    report.extraTargets = [...extraTargets(sweep, firstImport, idle, cores), ...gradingTargets(grading, idle, cores)];
    if (bigSweep) {
      const done = `${bigSweep.speedup.cold.toFixed(2)}× cold, ${bigSweep.speedup.warm.toFixed(2)}× warm, runs trained by workers ${bigSweep.runsInWorkers.join(', ')} of ${bigSweep.runs ?? 12}`;
      report.extraTargets[0].details.push(`a W3-size sweep (64-64-10 on the digits, 40 epochs, six rates; not judged): ${bigSweep.error ?? done}`);
    }
  }
  for (const w of report.workloads) checkAgreement(w.rows);
  report.targets = judge(report);
  const md = renderReport(report);
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(report, null, 1));
  fs.writeFileSync(path.join(outDir, 'results.md'), md);
  process.stdout.write(md);
  log(`written: ${path.relative(root, path.join(outDir, 'results.md'))}, results.json`);
}

function rows(spec: WorkloadSpec, byName: Record<string, ChildResult[]>, failed: Record<string, string>, peak: number, basis: 'wall' | 'cpu'): Row[] {
  const out: Row[] = [];
  for (const c of contenders) {
    const rs = byName[c.name];
    if (!rs || rs.length === 0) {
      out.push({ name: c.name, error: c.unavailable ?? failed[c.name] ?? 'no run' });
      continue;
    }
    const cold = median(rs.map((x) => x.cold));
    const warms = rs.map((x) => x.warm).filter((x): x is number => x !== null);
    const coldCpu = median(rs.map((x) => x.coldCpu));
    const warmCpus = rs.map((x) => x.warmCpu).filter((x): x is number => x !== null);
    const warmFaults = rs.map((x) => x.warmFaults).filter((x): x is number => x !== null && x !== undefined);
    const flops = trainingFlops(spec);
    const t = basis === 'cpu' ? coldCpu : cold;
    out.push({
      name: c.name, runs: rs.length, basis, cold, warm: warms.length ? median(warms) : null, coldCpu, warmCpu: warmCpus.length ? median(warmCpus) : null,
      coldFaults: median(rs.map((x) => x.coldFaults ?? NaN)), warmFaults: warmFaults.length ? median(warmFaults) : null,
      samplesPerSecond: (spec.n * spec.epochs) / t, gflops: flops / t / 1e9, fractionOfPeak: flops / t / 1e9 / peak,
      loss: rs[0].loss, accuracy: rs[0].accuracy, maxRssMB: Math.max(...rs.map((x) => x.maxRssMB)),
      sameStart: rs[0].sameStart, sameOrder: rs[0].sameOrder, sameNetwork: rs[0].sameNetwork, precision: rs[0].precision, notes: rs[0].notes ?? '',
      error: failed[c.name] ? `a later repeat failed: ${failed[c.name]}` : undefined,
    });
  }
  return out;
}

function cpuName(): string {
  try {
    return /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main();
