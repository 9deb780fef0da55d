import { learningRateSweep, mlpClassifier, playground, runNote } from '../../../src';

describe('runNote', () => {
  const data = playground('xor', { n: 200, noise: 0.1, seed: 1 });
  const sweep = learningRateSweep({
    model: () => mlpClassifier({ inputs: 2, classes: 2, hidden: [8], activation: 'relu', seed: 1 }),
    X: data.X, y: data.y, learningRates: [0.0001, 0.1, 10], epochs: 30, batchSize: 10, optimizer: 'sgd', seed: 1, target: 0.1,
  });
  const [slow, good, blown] = sweep.runs;

  it('tells a too-slow run (weights near their start) from a diverged one (weights restored)', () => {
    expect(slow.verdict).toBe('too slow');
    expect(runNote(slow)).toMatch(/^the loss only fell from [\d.]+ to [\d.]+ in 30 epochs: with steps this small the weights are still close to their random start$/);
    expect(blown.history.status).toBe('diverged');
    expect(runNote(blown)).toBe(
      blown.history.epochs === 1
        ? 'the loss blew up in epoch 1; the weights were restored to their initial values; this is the untrained network'
        : `the loss blew up in epoch ${blown.history.epochs}; the weights were restored to epoch ${blown.history.epochs - 1}; this is the network of epoch ${blown.history.epochs - 1}`,
    );
  });

  it('names the epoch whose weights a run that blew up later keeps', () => {
    expect(runNote({ verdict: 'diverged', history: { loss: [1, 0.9, 0.8, 5e7], epochs: 4, status: 'diverged' } })).toBe(
      'the loss blew up in epoch 4; the weights were restored to epoch 3; this is the network of epoch 3',
    );
  });

  it('gives the loss of a converged run and when it reached the target; and of oscillating and blown-up finite runs', () => {
    expect(good.verdict).toBe('converged');
    expect(runNote(good)).toMatch(new RegExp(`^the loss fell from [\\d.]+ to [\\d.e-]+, below the target from epoch ${good.convergedAt}$`));
    expect(runNote({ verdict: 'oscillating', history: { loss: [0.7, 0.9, 0.6, 0.8], epochs: 4 } })).toBe('the loss went up and down (0.7 → 0.8): the steps overshoot the valley');
    expect(runNote({ verdict: 'diverged', history: { loss: [0.7, 9, 70], epochs: 3 } })).toBe('the loss grew from 0.7 to 70: the steps threw the weights far from a solution');
  });
});
