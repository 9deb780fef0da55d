import { learningRateConvergencePlot } from '../../../src/engine/plots';
import { learningRateSweep, mlpClassifier, playground } from '../../../src';
import { expectRenders, layers, values } from './render-check';

const run = (learningRate: number, loss: number[], verdict: string, extra: object = {}) => ({
  learningRate,
  verdict,
  history: { loss, learningRate, status: verdict === 'diverged' ? 'diverged' : 'completed' },
  ...extra,
});
const decay = (n: number, rate: number) => Array.from({ length: n }, (_, k) => Math.exp(-rate * k));

describe('learningRateConvergencePlot', () => {
  const sweep = {
    target: 0.05,
    runs: [
      run(0.001, decay(30, 0.001), 'too slow'),
      run(0.1, decay(30, 0.2), 'converged', { convergedAt: 15 }),
      run(10, [1, 50, 1e9, Infinity], 'diverged'),
    ],
  };
  const spec = learningRateConvergencePlot(sweep) as any;

  it('draws one line per learning rate with epoch on x and loss on a log y axis', () => {
    const line = layers(spec)[0];
    expect(line.mark.type).toBe('line');
    expect(line.encoding.x.field).toBe('epoch');
    expect(line.encoding.y.field).toBe('loss');
    expect(line.encoding.y.scale.type).toBe('log');
    expect(line.encoding.color.field).toBe('run');
    expect(new Set(values(line).map((r) => r.run)).size).toBe(3);
  });

  it('labels each run with its verdict in the legend', () => {
    expect(layers(spec)[0].encoding.color.sort).toEqual(['η = 0.001: too slow', 'η = 0.1: converged at epoch 15', 'η = 10: diverged']);
  });

  it('takes the y scale from the runs that did not diverge, so an explosion cannot squash them', () => {
    const [lo, hi] = layers(spec)[0].encoding.y.scale.domain;
    const calm = [...decay(30, 0.001), ...decay(30, 0.2), 0.05];
    expect(lo).toBeCloseTo(Math.min(...calm) / 1.5, 10);
    expect(hi).toBeCloseTo(Math.max(...calm) * 1.5, 10);
  });

  it('draws a diverged run until it leaves the plot and marks that point with ✕ (a cross at 45°)', () => {
    const line = layers(spec)[0];
    const top = line.encoding.y.scale.domain[1];
    const diverged = values(line).filter((r) => r.run === 'η = 10: diverged');
    // loss 1 at epoch 1 is inside; 50 at epoch 2 is above the top (1.5): the line ends on the top edge in between.
    expect(diverged[0]).toEqual({ run: 'η = 10: diverged', epoch: 1, loss: 1 });
    expect(diverged).toHaveLength(2);
    expect(diverged[1].loss).toBe(top);
    expect(diverged[1].epoch).toBeGreaterThan(1);
    expect(diverged[1].epoch).toBeLessThan(2);
    const marker = layers(spec)[1];
    expect(marker.mark).toMatchObject({ type: 'point', shape: 'cross', angle: 45 });
    const [m] = values(marker);
    expect(m).toMatchObject({ run: 'η = 10: diverged', blewUpAt: 4 });
    // The ✕ sits where the line leaves the plot, moved just inside the frame (9 px below its top).
    const px = insideFrame(spec, m);
    expect(px.fromTop).toBeCloseTo(9, 6);
    expect(m.epoch).toBeCloseTo(Math.max(diverged[1].epoch, px.epochAt9), 9);
    expect(values(line).every((r) => Number.isFinite(r.loss))).toBe(true);
  });

  it('marks a run whose first loss is already NaN at the top of epoch 1', () => {
    const s = learningRateConvergencePlot([{ loss: [1, 0.5] }, { loss: [NaN], learningRate: 100 }]) as any;
    const marker = layers(s)[1];
    const [m] = values(marker);
    expect(m).toMatchObject({ run: 'η = 100: diverged', blewUpAt: 1 });
    // At the top left corner, but wholly inside the frame: 9 px from the y axis and from the top.
    const px = insideFrame(s, m);
    expect(px.fromLeft).toBeCloseTo(9, 6);
    expect(px.fromTop).toBeCloseTo(9, 6);
  });

  it('draws the target loss as a dashed rule', () => {
    const rule = layers(spec)[2];
    expect(rule.mark).toMatchObject({ type: 'rule', strokeDash: [4, 4] });
    expect(values(rule)).toEqual([{ target: 0.05 }]);
  });

  it('says in its subtitle what the dashed line and the ✕ stand for, naming the run and the epoch the ✕ marks', () => {
    // The ✕ sits a little inside the frame, not on its epoch: the subtitle says which epoch (the first ∞, epoch 4).
    expect(spec.title.subtitle).toEqual([
      'dashed: the target loss 0.05; a run has converged once its loss stays below it',
      '✕: where a diverged run blew up (η = 10 in epoch 4)',
    ]);
    // Without a target or a diverged run there is nothing to explain.
    const calm = learningRateConvergencePlot([{ loss: [3, 2, 1], learningRate: 0.5 }]) as any;
    expect(calm.title.subtitle).toBeUndefined();
    const noTarget = learningRateConvergencePlot(sweep, { showTarget: false }) as any;
    expect(noTarget.title.subtitle).toEqual(['✕: where a diverged run blew up (η = 10 in epoch 4)']);
  });

  it('uses a linear axis on request and accepts plain histories', () => {
    const s = learningRateConvergencePlot([{ loss: [3, 2, 1], learningRate: 0.5 }, { loss: [3, 3, 3] }], { logY: false }) as any;
    expect(layers(s)[0].encoding.y.scale.type).toBe('linear');
    expect(layers(s)[0].encoding.color.sort).toEqual(['η = 0.5', 'run 2']);
  });

  it('compiles without warnings and renders to SVG and PNG', () => {
    expectRenders(spec);
  });

  it('plots a real learning-rate sweep of the engine, diverged run included', () => {
    const ds = playground('xor', { n: 80, noise: 0.1, seed: 1 });
    const result = learningRateSweep({
      model: (seed) => mlpClassifier({ inputs: 2, classes: 2, hidden: [8], activation: 'relu', seed }),
      X: ds.X,
      y: ds.y,
      learningRates: [0.01, 10],
      epochs: 15,
      batchSize: 16,
      seed: 1,
    });
    const s = learningRateConvergencePlot(result) as any;
    expect(layers(s)[0].encoding.color.sort).toEqual(result.runs.map((r) => r.label));
    if (result.runs[1].verdict === 'diverged') expect(values(layers(s)[1])).toHaveLength(1);
    expect(() => JSON.stringify(s)).not.toThrow();
  });

  it('refuses an empty sweep with a sentence', () => {
    expect(() => learningRateConvergencePlot([])).toThrow(/expected a sweep result/);
  });
});

/** Where a marker lies in the frame of a convergence plot, in pixels from its left and top edges. */
function insideFrame(spec: any, m: Record<string, any>): { fromLeft: number; fromTop: number; epochAt9: number } {
  const line = layers(spec)[0];
  const [e0, e1] = line.encoding.x.scale.domain;
  const [lo, hi] = line.encoding.y.scale.domain;
  const width = spec.width;
  const height = spec.height;
  const log = line.encoding.y.scale.type === 'log';
  const fromTop = log ? (Math.log(hi / m.loss) / Math.log(hi / lo)) * height : ((hi - m.loss) / (hi - lo)) * height;
  return { fromLeft: ((m.epoch - e0) / (e1 - e0)) * width, fromTop, epochAt9: e0 + (9 * (e1 - e0)) / width };
}
