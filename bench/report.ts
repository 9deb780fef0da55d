/**
 * Turns the measurements of bench/run.ts into markdown: one table per workload, the check that
 * contenders with the same start, batch order and network agree on the final loss, and the
 * targets of issue 5, each shown met or missed with its ratio.
 */
import type { WorkloadSpec } from './workloads';

/** One contender on one workload (medians over its runs), or why it has no numbers. */
export interface Row {
  name: string;
  error?: string;
  runs?: number;
  /** Median wall-clock seconds, first and second training in a process. */
  cold?: number;
  warm?: number | null;
  /** Median CPU seconds of the same. */
  coldCpu?: number;
  warmCpu?: number | null;
  samplesPerSecond?: number;
  gflops?: number;
  fractionOfPeak?: number;
  loss?: number;
  accuracy?: number;
  maxRssMB?: number;
  sameStart?: boolean;
  sameOrder?: boolean;
  sameNetwork?: boolean;
  precision?: 'f64' | 'f32';
  notes?: string;
  /** Set by {@link checkAgreement}: why this run is disqualified. */
  disagrees?: string;
}

export interface Report {
  date: string;
  quick: boolean;
  repeats: number;
  node: string;
  cpu: string;
  cores: number;
  /** 1-minute load average at the start and at the end: other work on the machine slows every contender. */
  load: [number, number];
  /** Which time the ratios, samples/s and GFLOP/s use (see bench/run.ts). */
  basis: 'wall' | 'cpu';
  peaks: { js: any; numpy: any; used: number };
  workloads: { spec: WorkloadSpec; parameters: number; flops: number; rows: Row[] }[];
}

/** The time a row is judged on: wall-clock or CPU seconds, cold or warm. */
export function seconds(r: Row | undefined, basis: 'wall' | 'cpu', warm = false): number | undefined {
  if (!r || r.cold === undefined) return undefined;
  const t = basis === 'cpu' ? (warm ? r.warmCpu : r.coldCpu) : warm ? r.warm : r.cold;
  return t ?? undefined;
}

export const JS_PEERS = ['tfjs-cpu', 'tfjs-wasm', 'brain.js', 'synaptic', 'convnetjs'];

/** Relative tolerance on the final loss between two runs with the same start and batch order. */
function tolerance(a: Row, b: Row): number {
  return a.precision === 'f32' || b.precision === 'f32' ? 1e-3 : 1e-6;
}

const comparable = (r: Row): boolean => r.cold !== undefined && !!r.sameStart && !!r.sameOrder && !!r.sameNetwork;

/**
 * Marks the runs whose final loss disagrees, beyond float noise, with the reference (annlab,
 * or numpy where annlab itself disagrees with numpy and the kernels-only loop).
 */
export function checkAgreement(rows: Row[]): void {
  const find = (name: string): Row | undefined => rows.find((r) => r.name === name && comparable(r));
  const annlab = find('annlab');
  const others = [find('numpy'), find('ts-loop (kernels only)')].filter((r): r is Row => !!r);
  const close = (a: Row, b: Row): boolean => Math.abs((a.loss as number) - (b.loss as number)) <= tolerance(a, b) * Math.max(Math.abs(b.loss as number), 1e-12);
  let ref = annlab ?? others[0];
  if (annlab && others.length > 0 && others.every((o) => !close(annlab, o))) ref = others[0];
  if (!ref) return;
  for (const r of rows) {
    if (r === ref || !comparable(r)) continue;
    if (!close(r, ref)) {
      const rel = Math.abs((r.loss as number) - (ref.loss as number)) / Math.max(Math.abs(ref.loss as number), 1e-12);
      r.disagrees = `final loss differs from ${ref.name}'s by ${rel.toExponential(1)} (relative) with the same start and batch order`;
    }
  }
}

const fmt = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toPrecision(digits));

function ratio(t: number | null | undefined, base: number | null | undefined): string {
  if (!t || !base) return '—';
  const q = t / base;
  return q >= 10 ? `${q.toFixed(0)}×` : `${q.toFixed(2)}×`;
}

/** The issue's targets, judged on cold medians (warm in brackets). */
function targets(report: Report): string[] {
  const lines: string[] = [];
  const T = (r: Row | undefined, warm = false): number | undefined => seconds(r, report.basis, warm);
  const get = (w: Report['workloads'][number], name: string): Row | undefined => w.rows.find((r) => r.name === name);
  const t1: string[] = [];
  const t2: string[] = [];
  const t3: string[] = [];
  let met1 = true;
  let met2 = true;
  let met3 = true;
  for (const w of report.workloads) {
    const a = get(w, 'annlab');
    if (!a || T(a) === undefined) {
      met1 = met2 = met3 = false;
      t1.push(`${w.spec.id}: annlab did not run`);
      continue;
    }
    // Fastest JS peer; a peer that timed out counts as slower than annlab.
    const peers = JS_PEERS.map((n) => get(w, n)).filter((r): r is Row => T(r) !== undefined);
    const best = peers.sort((x, y) => (T(x) as number) - (T(y) as number))[0];
    if (best) {
      const q = (T(best) as number) / (T(a) as number);
      const need = w.spec.id === 'W1' ? 1 : 3;
      if (q < need) met1 = false;
      t1.push(`${w.spec.id}: fastest JS peer ${best.name} takes ${q.toFixed(2)}× annlab's time (need > ${need}×)`);
    }
    const sk = get(w, 'scikit-learn');
    if (T(sk) !== undefined) {
      const q = (T(sk) as number) / (T(a) as number);
      if (q <= 1) met2 = false;
      t2.push(`${w.spec.id}: scikit-learn takes ${q.toFixed(2)}× annlab's time`);
    }
    const np = get(w, 'numpy');
    if ((w.spec.id === 'W3' || w.spec.id === 'W4') && T(np) !== undefined) {
      const q = (T(a) as number) / (T(np) as number);
      const aw = T(a, true);
      const nw = T(np, true);
      const qw = aw && nw ? aw / nw : NaN;
      if (q > 1.5) met3 = false;
      t3.push(`${w.spec.id}: annlab takes ${q.toFixed(2)}× numpy's time (warm ${fmt(qw)}×; need ≤ 1.5×), ${fmt(a.gflops)} GFLOP/s${w.spec.id === 'W4' ? ' (need > 20)' : ''}`);
      if (w.spec.id === 'W4' && (a.gflops ?? 0) <= 20) met3 = false;
    }
  }
  const w4 = report.workloads.find((w) => w.spec.id === 'W4');
  const mem = w4 ? get(w4, 'annlab')?.maxRssMB : undefined;
  lines.push(`1. Faster than every JavaScript peer (≥ 3× on W2–W4): **${t1.length ? (met1 ? 'met' : 'missed') : 'not measured'}** — ${t1.join('; ') || 'no JavaScript peer ran'}.`);
  lines.push(`2. Faster than scikit-learn: **${t2.length ? (met2 ? 'met' : 'missed') : 'not measured'}** — ${t2.join('; ') || 'scikit-learn did not run'}.`);
  lines.push(`3. W3, W4 within 1.5× of numpy, > 20 GFLOP/s on W4: **${t3.length ? (met3 ? 'met' : 'missed') : 'not measured'}** — ${t3.join('; ') || 'numpy did not run'}.`);
  if (mem !== undefined) lines.push(`4. Memory: annlab's peak RSS on W4 is ${mem.toFixed(0)} MB (need < 300 MB): **${mem < 300 ? 'met' : 'missed'}**.`);
  return lines;
}

/** The whole report as markdown. */
export function renderReport(report: Report): string {
  const out: string[] = [];
  out.push(`# annlab benchmark${report.quick ? ' (QUICK smoke run: subsets, not the benchmark)' : ''}`, '');
  out.push(`${report.date}, Node ${report.node}, ${report.cpu}; median of ${report.repeats} run(s) per contender, each in a fresh process, interleaved; only the training loop is timed. ` +
    `Cold = first training in the process, warm = a second training from the same start in the same process. ` +
    `${report.cores} cores; load average ${report.load[0].toFixed(1)} at the start, ${report.load[1].toFixed(1)} at the end${report.load[0] > report.cores || report.load[1] > report.cores ? ' (**the machine was busy with other work: absolute times are inflated and noisy**)' : ''}.`, '');
  const js = report.peaks.js?.gflops;
  const np = report.peaks.numpy?.gflops;
  out.push(`Measured peak of one core: numpy float64 matmul ${fmt(np)} GFLOP/s${report.peaks.numpy?.error ? ` (${report.peaks.numpy.error})` : ''}; ` +
    `scalar JavaScript multiply-add loop ${fmt(js)} GFLOP/s. "% peak" is against ${fmt(report.peaks.used)} GFLOP/s. GFLOP/s counts 6·parameters·samples (cold). ` +
    `Ratios, samples/s and GFLOP/s use ${report.basis === 'cpu' ? 'CPU time (user + system of the contender\'s process), because other work shared the machine' : 'wall-clock time'}.`, '');
  for (const w of report.workloads) {
    checkAgreement(w.rows);
    const a = w.rows.find((r) => r.name === 'annlab' && r.cold !== undefined);
    const T = (r: Row | undefined, warm = false): number | undefined => seconds(r, report.basis, warm);
    const s = w.spec;
    out.push(`## ${s.id}: ${s.title}`, '');
    out.push(`${s.n} samples, batch ${s.batchSize}, lr ${s.learningRate}, ${s.epochs} epochs, ${w.parameters} parameters, ${(w.flops / 1e9).toPrecision(3)} GFLOP.`, '');
    out.push(`| contender | cold s | warm s | cold CPU s | warm CPU s | ${report.basis === 'cpu' ? 'CPU' : ''} time vs annlab (cold / warm) | samples/s | GFLOP/s | % peak | peak RSS MB | final loss | accuracy | same start / order / net | notes |`);
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---|');
    for (const r of w.rows) {
      if (r.cold === undefined) {
        out.push(`| ${r.name} | — | — | — | — | — | — | — | — | — | — | — | — | not run: ${r.error} |`);
        continue;
      }
      const same = [r.sameStart, r.sameOrder, r.sameNetwork].map((x) => (x ? 'y' : 'n')).join('/');
      const notes = [r.precision === 'f32' ? 'float32' : '', r.notes ?? '', r.error ?? '', r.disagrees ? `**DISQUALIFIED: ${r.disagrees}**` : ''].filter(Boolean).join('; ');
      out.push(`| ${r.name} | ${fmt(r.cold)} | ${fmt(r.warm)} | ${fmt(r.coldCpu)} | ${fmt(r.warmCpu)} | ${ratio(T(r), T(a))} / ${ratio(T(r, true), T(a, true))} | ${fmt(r.samplesPerSecond)} | ${fmt(r.gflops)} | ${fmt((r.fractionOfPeak ?? NaN) * 100, 2)} | ${fmt(r.maxRssMB)} | ${fmt(r.loss, 6)} | ${fmt(r.accuracy, 4)} | ${same} | ${notes} |`);
    }
    out.push('');
  }
  out.push(`## Targets of issue 5 (cold medians, ${report.basis === 'cpu' ? 'CPU' : 'wall-clock'} time)`, '', ...targets(report), '');
  return out.join('\n');
}
