import { DisplayContent, setDisplayWriter, trainingProgress } from '../../../src/io/display';
import { mlpClassifier, learningRateSweep, playground } from '../../../src';

interface Sent {
  content: DisplayContent;
  update: boolean;
}

describe('trainingProgress (live training display)', () => {
  let sent: Sent[] = [];
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    sent = [];
    clock = 0;
    setDisplayWriter((content, update) => sent.push({ content, update }));
  });
  afterAll(() => setDisplayWriter(undefined));

  const text = () => sent.filter((m) => Object.keys(m.content.data).join() === 'text/plain');
  const curves = () => sent.filter((m) => 'application/vnd.vegalite.v5+json' in m.content.data);

  it('updates one progress line in place: display_data once, then update_display_data with the same id', () => {
    const p = trainingProgress({ curve: false, now });
    for (let epoch = 1; epoch <= 10; epoch++) {
      clock += 300; // slower than the 250 ms interval: every epoch is shown
      p.onEpoch({ epoch, epochs: 10, loss: 1 / epoch });
    }
    p.finish();
    const lines = text();
    expect(lines).toHaveLength(11);
    expect(lines.map((m) => m.update)).toEqual([false, ...new Array(10).fill(true)]);
    expect(new Set(lines.map((m) => m.content.transient?.display_id)).size).toBe(1);
    expect(lines[4].content.data['text/plain']).toMatch(/^epoch  5\/10  █{12}░{12}  50%  loss 0.2  1.5 s, about 1.5 s left$/);
    expect(lines[10].content.data['text/plain']).toBe('done: 10 epochs in 3.0 s, last loss 0.1');
  });

  it('throttles by time: at most one update per 250 ms however fast the epochs are', () => {
    const p = trainingProgress({ curve: false, now });
    for (let epoch = 1; epoch <= 1000; epoch++) {
      clock += 1; // 1000 epochs in one second
      p.onEpoch({ epoch, epochs: 1000, loss: 1 });
    }
    // the first, one per 250 ms, and the last epoch
    expect(text().length).toBeGreaterThanOrEqual(4);
    expect(text().length).toBeLessThanOrEqual(6);
  });

  it('draws no curve before the drawing fits in 3% of the time trained (about 5 s for a 150 ms guess)', () => {
    const p = trainingProgress({ png: false, now });
    for (let epoch = 1; epoch <= 49; epoch++) {
      clock += 100;
      p.onEpoch({ epoch, epochs: 100, loss: 1 / epoch });
    }
    expect(curves()).toHaveLength(0);
    clock += 100;
    p.onEpoch({ epoch: 50, epochs: 100, loss: 0.02 });
    expect(curves()).toHaveLength(1);
  });

  it('redraws the loss curve rarely (every curveInterval ms), in its own display, and ends with the final plot', () => {
    const p = trainingProgress({ curveInterval: 2000, maxOverhead: 1, png: false, now });
    for (let epoch = 1; epoch <= 100; epoch++) {
      clock += 100; // 10 s of training
      p.onEpoch({ epoch, epochs: 100, loss: 1 / epoch, valLoss: 1.1 / epoch });
    }
    const during = curves().length;
    expect(during).toBe(5); // at 2, 4, 6, 8 and 10 s
    const final = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', description: 'final', mark: 'point' } as never;
    p.finish(final);
    const all = curves();
    expect(all[all.length - 1].content.data['application/vnd.vegalite.v5+json']).toBe(final);
    expect(all.map((m) => m.update)).toEqual([false, ...new Array(all.length - 1).fill(true)]);
    expect(new Set(all.map((m) => m.content.transient?.display_id)).size).toBe(1);
    expect(all[0].content.transient?.display_id).not.toBe(text()[0].content.transient?.display_id);
  });

  it('follows a real learning-rate sweep run by run (onSweepEpoch) and draws the runs as a convergence plot', () => {
    const ds = playground('gauss', { n: 40, seed: 1 });
    const p = trainingProgress({ runs: 2, png: false, curveInterval: 0, maxOverhead: 1e9 });
    learningRateSweep({
      model: (seed) => mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed }),
      X: ds.X,
      y: ds.y,
      learningRates: [0.01, 0.1],
      epochs: 4,
      onEpoch: p.onSweepEpoch,
    });
    expect(p.toString()).toMatch(/^η = 0.1 \(run 2\/2\)  epoch 4\/4  █{24} 100%  loss /);
    p.finish();
    const last = curves()[curves().length - 1].content.data['application/vnd.vegalite.v5+json'] as any;
    expect(last.layer[0].encoding.color.sort).toEqual(['η = 0.01', 'η = 0.1']);
  });

  it('works as fit’s onEpoch with a real MLP, and does nothing outside a kernel', () => {
    setDisplayWriter(null);
    const ds = playground('gauss', { n: 40, seed: 1 });
    const p = trainingProgress();
    const model = mlpClassifier({ inputs: 2, classes: 2, hidden: [3], seed: 1 });
    const h = model.fit(ds.X, ds.y, { epochs: 3, onEpoch: p.onEpoch });
    p.finish();
    expect(h.epochs).toBe(3);
    expect(p.live).toBe(false);
    expect(sent).toHaveLength(0);
    expect(p.toString()).toMatch(/^done: 3 epochs in/);
  });
});
