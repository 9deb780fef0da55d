import { readmeBlock, replaceBlock, BEGIN, END } from '../../bench/readme';
import { Report, Row } from '../../bench/report';
import { workloadSpecs } from '../../bench/workloads';

const ran = (name: string, cold: number, warm: number, extra: Partial<Row> = {}): Row => ({ name, runs: 3, basis: 'wall', cold, warm, coldCpu: cold, warmCpu: warm,
  gflops: 5, fractionOfPeak: 0.1, loss: 0.5, accuracy: 0.9, maxRssMB: 100, sameStart: true, sameOrder: true, sameNetwork: true, precision: 'f64', ...extra });

const report: Report = {
  date: '2026-11-30T12:00:00.000Z', quick: false, repeats: 3, node: 'v20.20.2', cpu: 'Some CPU', cores: 2, load: [0.2, 0.4], basis: 'wall',
  peaks: { js: { gflops: 8 }, numpy: { gflops: 50 }, used: 50 },
  workloads: [{ spec: workloadSpecs().find((s) => s.id === 'W3')!, parameters: 0, flops: 0,
    rows: [ran('annlab', 1, 0.8), ran('numpy', 0.5, 0.4), ran('scikit-learn', 2, 1.6), { name: 'synaptic', error: 'timed out after 150 s' }] }],
};

describe('the README block of the benchmark', () => {
  it('is generated from the run: ratios cold / warm, contenders that did not run said so, and the verdicts', () => {
    const block = readmeBlock(report);
    expect(block).toContain('from the run of 2026-11-30 12:00 UTC');
    expect(block).toContain('| W3 | 1.00 / 0.800 | 5.00 (10 %) | timed out | 2.00× / 2.00× | 0.500× / 0.500× |');
    expect(block).toMatch(/W3: annlab ≤ 1\.0× numpy's time, cold and warm, float64: \*\*missed\*\* — W3: annlab takes cold 2\.00×, warm 2\.00×/);
  });

  it('replaces only what lies between the markers', () => {
    const readme = `intro\n${BEGIN}\nold table\n${END}\noutro\n`;
    expect(replaceBlock(readme, 'new table')).toBe(`intro\n${BEGIN}\nnew table\n${END}\noutro\n`);
    expect(() => replaceBlock('no markers', 'x')).toThrow(/markers/);
  });
});
