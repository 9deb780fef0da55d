import { judge, combine, TIE_BAND, Target } from '../../bench/targets';
import { checkAgreement, Report, Row } from '../../bench/report';
import { workloadSpecs, trainingFlops } from '../../bench/workloads';
import { extraTargets, gradingTargets, GradeMeasurement, SweepMeasurement, ImportMeasurement } from '../../bench/extras';

/** A row that ran: times in seconds (cold, warm), wall-clock basis, same start, order and network. */
function ran(name: string, cold: number, warm: number | null = cold, extra: Partial<Row> = {}): Row {
  return { name, runs: 3, basis: 'wall', cold, warm, coldCpu: cold, warmCpu: warm, loss: 0.5, accuracy: 0.9, maxRssMB: 100,
    sameStart: true, sameOrder: true, sameNetwork: true, precision: 'f64', ...extra };
}

function report(rows: Record<string, Row[]>): Report {
  const specs = workloadSpecs();
  return {
    date: '', quick: false, repeats: 3, node: 'v20', cpu: 'x', cores: 2, load: [0, 0], basis: 'wall', peaks: { js: {}, numpy: {}, used: 1 },
    workloads: Object.entries(rows).map(([id, rs]) => ({ spec: specs.find((s) => s.id === id)!, parameters: 0, flops: 0, rows: rs })),
  };
}

const target = (ts: Target[], id: string): Target => ts.find((t) => t.id === id)!;

describe('the targets of the benchmark', () => {
  it('W3 is met only when annlab is within 1.0× of numpy both cold and warm', () => {
    expect(target(judge(report({ W3: [ran('annlab', 0.9, 0.8), ran('numpy', 1, 1)] })), 'W3 vs numpy').verdict).toBe('met');
    // cold wins because numpy paid its page faults; warm loses: missed
    const t = target(judge(report({ W3: [ran('annlab', 0.9, 1.2), ran('numpy', 1, 1)] })), 'W3 vs numpy');
    expect(t.verdict).toBe('missed');
    expect(t.details[0]).toContain('cold 0.90×, warm 1.20×');
  });

  it('a comparison without a warm run is not measured, so its target is not met', () => {
    expect(target(judge(report({ W4: [ran('annlab', 1, null), ran('numpy', 1, 1)] })), 'W4 vs numpy').verdict).toBe('not measured');
  });

  it('a contender that did not run, timed out or disagrees leaves the target not measured, never met', () => {
    const cases: Row[] = [
      { name: 'numpy', error: 'timed out after 150 s' },
      { name: 'numpy', error: '/usr/bin/python3 cannot import numpy' },
      ran('numpy', 10, 10, { loss: 0.7 }),
    ];
    for (const numpy of cases) {
      const r = report({ W3: [ran('annlab', 1), numpy, ran('ts-loop (kernels only)', 1)] });
      for (const w of r.workloads) checkAgreement(w.rows);
      expect(target(judge(r), 'W3 vs numpy').verdict).toBe('not measured');
    }
  });

  it('annlab missing or disagreeing with the other loops misses the target', () => {
    expect(target(judge(report({ W3: [{ name: 'annlab', error: 'exit 1' }, ran('numpy', 1)] })), 'W3 vs numpy').verdict).toBe('missed');
    const r = report({ W3: [ran('annlab', 0.5, 0.5, { loss: 0.9 }), ran('numpy', 1), ran('ts-loop (kernels only)', 1)] });
    for (const w of r.workloads) checkAgreement(w.rows);
    expect(target(judge(r), 'W3 vs numpy').verdict).toBe('missed');
  });

  it('a tie is not faster: the other side must take more than the tie band longer', () => {
    const level = 1 + TIE_BAND / 2;
    const sk = (t: number): Record<string, Row[]> => Object.fromEntries(['W1', 'W2', 'W3', 'W4'].map((w) => [w, [ran('annlab', 1), ran('scikit-learn', t)]]));
    expect(target(judge(report(sk(level))), 'scikit-learn').verdict).toBe('missed');
    expect(target(judge(report(sk(1 + 2 * TIE_BAND))), 'scikit-learn').verdict).toBe('met');
  });

  it('faster than every JavaScript peer needs all of them on all four workloads', () => {
    const peers = ['tfjs-cpu', 'tfjs-wasm', 'brain.js', 'synaptic', 'convnetjs'];
    const all = (slow: number, w1Synaptic = slow): Record<string, Row[]> => Object.fromEntries(['W1', 'W2', 'W3', 'W4'].map((w) =>
      [w, [ran('annlab', 1), ...peers.map((p) => ran(p, w === 'W1' && p === 'synaptic' ? w1Synaptic : slow, null))]]));
    // the slow peers have no warm run (cold over the warm limit): not measured, not met
    expect(target(judge(report(all(5))), 'JavaScript peers').verdict).toBe('not measured');
    expect(target(judge(report(all(5, 0.5))), 'JavaScript peers').verdict).toBe('missed');
  });

  it('workloads left out of a run leave their targets not measured', () => {
    const ts = judge(report({ W3: [ran('annlab', 1), ran('numpy', 2), ran('scikit-learn', 2)] }));
    expect(target(ts, 'W3 vs numpy').verdict).toBe('met');
    expect(target(ts, 'W4 vs numpy').verdict).toBe('not measured');
    expect(target(ts, 'scikit-learn').verdict).toBe('not measured');
    expect(target(ts, 'memory').verdict).toBe('not measured');
  });

  it('combines verdicts: missed over not measured over met', () => {
    expect(combine(['met', 'met'])).toBe('met');
    expect(combine(['met', 'not measured'])).toBe('not measured');
    expect(combine(['not measured', 'missed', 'met'])).toBe('missed');
    expect(combine([])).toBe('not measured');
  });
});

describe('the work the benchmark counts', () => {
  it('counts the products done: forward and weight gradient for every layer, the gradient passed down for all but the first', () => {
    const [, , , w4] = workloadSpecs();
    // 784-128-10 on 10,000 samples, 2 epochs: 2·(784·128·2 + 128·10·3)·20,000 = 8.18 GFLOP (not 6·parameters·samples = 12.2)
    expect(trainingFlops(w4)).toBe(2 * (784 * 128 * 2 + 128 * 10 * 3) * 20000);
    expect(trainingFlops(w4) / 1e9).toBeCloseTo(8.18, 2);
  });
});

describe('the targets measured apart from the workloads', () => {
  const sweep = (cold: number, warm: number, identical = true): SweepMeasurement => ({
    epochs: 100, seq: { cold: [1], warm: [1] }, par: { cold: [1 / cold], warm: [1 / warm] }, identical, runsInWorkers: [3], speedup: { cold, warm } });
  const imp = (wall: number, cpu: number): ImportMeasurement => ({
    prebuilt: { seconds: [wall], cpu: [cpu] }, compiled: { seconds: [3], cpu: [3] }, speedup: { wall: 3 / wall, cpu: 3 / cpu } });

  it('the sweep is met at 1.8× cold and warm on an idle machine, and only with bit-identical results', () => {
    expect(extraTargets(sweep(1.9, 1.85), undefined, true, 2)[0].verdict).toBe('met');
    expect(extraTargets(sweep(1.5, 1.9), undefined, true, 2)[0].verdict).toBe('missed');
    expect(extraTargets(sweep(1.9, 1.9, false), undefined, true, 2)[0].verdict).toBe('missed');
  });

  it('the sweep is missed, busy machine or not, when the parallel sweep ran every run in the calling thread, and says why', () => {
    const here: SweepMeasurement = { ...sweep(1.02, 0.98), runsInWorkers: [0, 0, 0], runs: 12, work: 0.08e9, pays: { cold: 1.3e9, warm: 0.5e9 } };
    for (const idle of [true, false]) {
      const [t] = extraTargets(here, undefined, idle, 2);
      expect(t.verdict).toBe('missed');
      expect(t.details.join(' ')).toMatch(/1\.02× faster cold.*0\.98× warm.*runs trained by workers 0, 0, 0 of 12/);
      expect(t.details.join(' ')).toMatch(/estimated work \(0\.08 G units\) is below what pays for starting workers \(1\.30 G; 0\.50 G with workers already loaded\)\. No speed-up is possible when the whole sweep costs less than a worker start/);
    }
    // one process where a worker took runs: judged on the ratios again
    expect(extraTargets({ ...here, runsInWorkers: [0, 2, 0] }, undefined, false, 2)[0].verdict).toBe('not measured');
  });

  it('a wall-clock speed-up on a busy machine or one core is not measured', () => {
    expect(extraTargets(sweep(1.9, 1.9), undefined, false, 2)[0].verdict).toBe('not measured');
    expect(extraTargets(sweep(1.9, 1.9), undefined, true, 1)[0].verdict).toBe('not measured');
    expect(extraTargets({ ...sweep(2, 2), error: 'par: timed out' }, undefined, true, 2)[0].verdict).toBe('not measured');
  });

  it('the first import is judged on wall-clock time when idle and on CPU time when busy', () => {
    expect(extraTargets(undefined, imp(0.8, 0.7), true, 2)[0].verdict).toBe('met');
    expect(extraTargets(undefined, imp(1.2, 0.7), true, 2)[0].verdict).toBe('missed');
    expect(extraTargets(undefined, imp(4, 0.7), false, 2)[0].verdict).toBe('met');
    expect(extraTargets(undefined, imp(4, 1.3), false, 2)[0].verdict).toBe('missed');
  });

  it('extra targets join the report\'s targets', () => {
    const r = report({ W3: [ran('annlab', 1), ran('numpy', 2)] });
    r.extraTargets = extraTargets(sweep(2, 2), imp(0.5, 0.5), true, 2);
    expect(judge(r).map((t) => t.id)).toEqual(['W3 vs numpy', 'W4 vs numpy', 'scikit-learn', 'JavaScript peers', 'memory', 'sweep', 'first import']);
  });

  const grading = (wall: number, cpu: number | null, classWall: number, classCpu: number | null): GradeMeasurement => ({
    one: { seconds: [wall, wall], cpu: [cpu, cpu] },
    cls: { students: 4, jobs: 2, seconds: classWall, cpu: classCpu },
  });

  it('grading is judged on wall-clock time when idle: one submission ≤ 4 s, a class of 100 (per student of a smaller class) < 10 minutes', () => {
    expect(gradingTargets(grading(3.5, 6, 20, 40), true, 2).map((t) => [t.id, t.verdict])).toEqual([['grading', 'met'], ['class of 100', 'met']]);
    // 4 students in 25 s: 6.25 s each, 625 s for 100
    expect(gradingTargets(grading(4.5, 6, 25, 40), true, 2).map((t) => t.verdict)).toEqual(['missed', 'missed']);
  });

  it('on a busy machine grading is missed only when its CPU time over every core already exceeds the bound, else not measured', () => {
    // 12 s CPU / 2 cores > 4 s; 40 s CPU for 4 students: 1000 s for 100, over 2 cores 500 s < 600 s
    expect(gradingTargets(grading(30, 12, 100, 40), false, 2).map((t) => t.verdict)).toEqual(['missed', 'not measured']);
    expect(gradingTargets(grading(30, 6, 100, 40), false, 2).map((t) => t.verdict)).toEqual(['not measured', 'not measured']);
    expect(gradingTargets(grading(30, null, 100, null), false, 2).map((t) => t.verdict)).toEqual(['not measured', 'not measured']);
    expect(gradingTargets({ one: { seconds: [], cpu: [] }, error: 'grade exited 1' }, true, 2)[0].verdict).toBe('not measured');
  });
});
