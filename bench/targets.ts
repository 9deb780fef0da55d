/**
 * The targets of issue 11, judged from one run's report. Every comparison is judged twice, on the
 * cold and on the warm medians, and a target is met only when every comparison it covers is met
 * in both: so a start-up cost of one runtime (V8's JIT warming up, Python's page faults on first
 * touch of its arrays) cannot decide a verdict alone.
 *
 * A comparison with a contender that did not run, timed out, or disagrees on the final loss is
 * "not measured"; a target with any such comparison is "not measured" at best, never "met". A
 * tie is not "faster": "faster" asks for the other side to take more than TIE_BAND more time.
 */
import type { Report, Row } from './report';

/** Two times within this fraction of each other are a tie (run-to-run noise of a busy machine is larger than that). */
export const TIE_BAND = 0.05;

export type Verdict = 'met' | 'missed' | 'not measured';

/** One target of the issue, with its verdict and the numbers behind it. */
export interface Target {
  id: string;
  /** What is asked, in words. */
  goal: string;
  verdict: Verdict;
  /** One clause per comparison: the ratios, cold and warm, or why a comparison has none. */
  details: string[];
}

export const JS_PEERS = ['tfjs-cpu', 'tfjs-wasm', 'brain.js', 'synaptic', 'convnetjs'];

/** The time a row is judged on: wall-clock or CPU seconds (the row's own basis), cold or warm. */
export function seconds(r: Row | undefined, warm = false): number | undefined {
  if (!r || r.cold === undefined) return undefined;
  const t = r.basis === 'cpu' ? (warm ? r.warmCpu : r.coldCpu) : warm ? r.warm : r.cold;
  return t ?? undefined;
}

/** The worst of several verdicts: missed beats not measured beats met; none at all is not measured. */
export function combine(vs: Verdict[]): Verdict {
  if (vs.length === 0) return 'not measured';
  if (vs.includes('missed')) return 'missed';
  if (vs.includes('not measured')) return 'not measured';
  return 'met';
}

/** Why a row cannot be compared, or undefined when it can. */
function unusable(r: Row | undefined, name: string): string | undefined {
  if (!r) return `${name} was not in this run`;
  if (r.cold === undefined) return `${name} did not run (${r.error ?? 'no result'})`;
  if (r.error) return `${name}: ${r.error}`;
  if (r.disagrees) return `${name} disagrees: ${r.disagrees}`;
  return undefined;
}

type Compare = (q: number) => boolean;
/** annlab's time / other's time ≤ bound. */
const atMost = (bound: number): Compare => (q) => q <= bound;
/** annlab faster: other / annlab > 1 + TIE_BAND, i.e. annlab / other < 1 / (1 + TIE_BAND). */
const faster: Compare = (q) => q < 1 / (1 + TIE_BAND);

/**
 * annlab against one other row, cold and warm: q = annlab's time / the other's time. A missing
 * annlab is a miss (the target is annlab's); a missing other side is "not measured".
 */
function compare(a: Row | undefined, o: Row | undefined, oName: string, ok: Compare, wid: string): { verdict: Verdict; detail: string } {
  const whyA = unusable(a, 'annlab');
  if (whyA) return { verdict: 'missed', detail: `${wid}: ${whyA}` };
  const whyO = unusable(o, oName);
  if (whyO) return { verdict: 'not measured', detail: `${wid}: ${whyO}` };
  const parts: string[] = [];
  const vs: Verdict[] = [];
  for (const warm of [false, true]) {
    const ta = seconds(a, warm);
    const to = seconds(o, warm);
    const label = warm ? 'warm' : 'cold';
    if (ta === undefined || to === undefined) {
      vs.push('not measured');
      parts.push(`${label} not measured`);
      continue;
    }
    const q = ta / to;
    vs.push(ok(q) ? 'met' : 'missed');
    parts.push(`${label} ${q.toFixed(2)}×`);
  }
  const basis = a!.basis === o!.basis ? a!.basis : `${a!.basis}/${o!.basis}`;
  return { verdict: combine(vs), detail: `${wid}: annlab takes ${parts.join(', ')} ${oName}'s ${basis} time` };
}

/** The benchmark's targets (issue 11) from the rows of a report. */
export function judge(report: Report): Target[] {
  const get = (id: string, name: string): Row | undefined => report.workloads.find((w) => w.spec.id === id)?.rows.find((r) => r.name === name);
  const has = (id: string): boolean => report.workloads.some((w) => w.spec.id === id);
  const out: Target[] = [];
  const against = (id: string, goal: string, pairs: [string, string][], ok: Compare): void => {
    const cs = pairs.filter(([w]) => has(w)).map(([w, name]) => compare(get(w, 'annlab'), get(w, name), name, ok, w));
    const missingW = pairs.filter(([w]) => !has(w)).map(([w]) => w);
    const details = cs.map((c) => c.detail);
    if (missingW.length) details.push(`${[...new Set(missingW)].join(', ')} not in this run`);
    out.push({ id, goal, verdict: combine([...cs.map((c) => c.verdict), ...(missingW.length ? ['not measured' as Verdict] : [])]), details });
  };
  against('W3 vs numpy', 'W3: annlab ≤ 1.0× numpy\'s time, cold and warm, float64', [['W3', 'numpy']], atMost(1.0));
  against('W4 vs numpy', 'W4: annlab ≤ 1.6× numpy\'s time, cold and warm, float64', [['W4', 'numpy']], atMost(1.6));
  const ws = ['W1', 'W2', 'W3', 'W4'];
  against('scikit-learn', `faster than scikit-learn on W1–W4 (by more than ${TIE_BAND * 100} %, cold and warm)`, ws.map((w) => [w, 'scikit-learn']), faster);
  against('JavaScript peers', `faster than every JavaScript peer on W1–W4 (${JS_PEERS.join(', ')}; by more than ${TIE_BAND * 100} %, cold and warm)`,
    ws.flatMap((w) => JS_PEERS.map((p): [string, string] => [w, p])), faster);
  const mem = get('W4', 'annlab');
  out.push({ id: 'memory', goal: 'W4: annlab\'s peak resident memory under 300 MB',
    verdict: mem?.maxRssMB === undefined ? (has('W4') ? 'missed' : 'not measured') : mem.maxRssMB < 300 ? 'met' : 'missed',
    details: [mem?.maxRssMB === undefined ? (has('W4') ? 'annlab did not run on W4' : 'W4 not in this run') : `${mem.maxRssMB.toFixed(0)} MB`] });
  for (const t of report.extraTargets ?? []) out.push(t);
  return out;
}
