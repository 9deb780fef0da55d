/**
 * Turns the measurements of bench/run.ts into markdown: one table per workload, the check that
 * contenders with the same start, batch order and network agree on the final loss, and the
 * targets of issue 11 (bench/targets.ts), each shown met, missed or not measured with its ratios.
 */
import type { WorkloadSpec } from './workloads';
import { judge, seconds, Target } from './targets';

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
  /**
   * Which time this row's ratios, samples/s and GFLOP/s use: wall-clock, or CPU time (user +
   * system of every thread of the contender's process: V8's compiler and collector threads as
   * much as Python's and OpenBLAS's).
   */
  basis?: 'wall' | 'cpu';
  /** Median minor page faults during the first and the second training (first touch of fresh memory). */
  coldFaults?: number;
  warmFaults?: number | null;
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
  /** The raw measurements behind extraTargets (bench/extras.ts). */
  extras?: Record<string, unknown>;
  /** Targets measured apart from the workloads (the sweep's speed-up, the first import), judged by their own scripts. */
  extraTargets?: Target[];
  /** The verdicts, as bench/targets.ts judged them when the run ended. */
  targets?: Target[];
}

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

/** The targets as markdown lines, one numbered item each. */
export function renderTargets(targets: Target[]): string[] {
  return targets.map((t, i) => `${i + 1}. ${t.goal}: **${t.verdict}** — ${t.details.join('; ')}.`);
}

/** The whole report as markdown (checks agreement and judges the targets where run.ts has not). */
export function renderReport(report: Report): string {
  const out: string[] = [];
  out.push(`# annlab benchmark${report.quick ? ' (QUICK smoke run: subsets, not the benchmark)' : ''}`, '');
  out.push(`${report.date}, Node ${report.node}, ${report.cpu}; median of ${report.repeats} run(s) per contender, each in a fresh process, interleaved; only the training loop is timed. ` +
    `Cold = first training in the process, warm = a second training from the same start in the same process; both are judged. ` +
    `${report.cores} cores; load average ${report.load[0].toFixed(1)} at the start, ${report.load[1].toFixed(1)} at the end${report.load[0] > report.cores || report.load[1] > report.cores ? ' (**the machine was busy with other work: absolute times are inflated and noisy**)' : ''}.`, '');
  const js = report.peaks.js?.gflops;
  const np = report.peaks.numpy?.gflops;
  out.push(`Measured peak of one core: numpy float64 matmul ${fmt(np)} GFLOP/s${report.peaks.numpy?.error ? ` (${report.peaks.numpy.error})` : ''}; ` +
    `scalar JavaScript multiply-add loop ${fmt(js)} GFLOP/s. "% peak" is against ${fmt(report.peaks.used)} GFLOP/s. ` +
    `GFLOP/s counts the matrix products done (forward x·W, weight gradient xᵀ·δ, and δ·Wᵀ for every layer but the first), cold. ` +
    `The "basis" column says which time a row's ratios, samples/s and GFLOP/s use: wall-clock on an idle machine, ` +
    `else CPU time (user + system of all threads of the contender's process, for Node and Python alike). ` +
    `"faults" are the minor page faults of the cold / warm training (first touch of fresh memory).`, '');
  for (const w of report.workloads) {
    if (!report.targets) checkAgreement(w.rows);
    const a = w.rows.find((r) => r.name === 'annlab' && r.cold !== undefined);
    const s = w.spec;
    out.push(`## ${s.id}: ${s.title}`, '');
    out.push(`${s.n} samples, batch ${s.batchSize}, lr ${s.learningRate}, ${s.epochs} epochs, ${w.parameters} parameters, ${(w.flops / 1e9).toPrecision(3)} GFLOP.`, '');
    out.push('| contender | cold s | warm s | cold CPU s | warm CPU s | basis | time vs annlab (cold / warm) | samples/s | GFLOP/s | % peak | peak RSS MB | faults (cold / warm) | final loss | accuracy | same start / order / net | notes |');
    out.push('|---|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---|');
    for (const r of w.rows) {
      if (r.cold === undefined) {
        out.push(`| ${r.name} | — | — | — | — | — | — | — | — | — | — | — | — | — | — | not run: ${r.error} |`);
        continue;
      }
      const same = [r.sameStart, r.sameOrder, r.sameNetwork].map((x) => (x ? 'y' : 'n')).join('/');
      const notes = [r.precision === 'f32' ? 'float32' : '', r.notes ?? '', r.error ?? '', r.disagrees ? `**DISQUALIFIED: ${r.disagrees}**` : ''].filter(Boolean).join('; ');
      const faults = r.coldFaults === undefined ? '—' : `${fmt(r.coldFaults)} / ${fmt(r.warmFaults)}`;
      out.push(`| ${r.name} | ${fmt(r.cold)} | ${fmt(r.warm)} | ${fmt(r.coldCpu)} | ${fmt(r.warmCpu)} | ${r.basis ?? report.basis} | ${ratio(seconds(r), seconds(a))} / ${ratio(seconds(r, true), seconds(a, true))} | ${fmt(r.samplesPerSecond)} | ${fmt(r.gflops)} | ${fmt((r.fractionOfPeak ?? NaN) * 100, 2)} | ${fmt(r.maxRssMB)} | ${faults} | ${fmt(r.loss, 6)} | ${fmt(r.accuracy, 4)} | ${same} | ${notes} |`);
    }
    out.push('');
  }
  out.push('## Targets of issue 11', '',
    'Each comparison is judged on the cold and on the warm medians, and a target is met only when all of them are; a contender that did not run, timed out or disagrees on the final loss leaves its comparison "not measured".', '',
    ...renderTargets(report.targets ?? judge(report)), '');
  return out.join('\n');
}
