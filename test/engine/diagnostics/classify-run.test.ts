import { classifyRun } from '../../../src/engine/diagnostics';

describe('classifyRun', () => {
  it('converged: the epoch from which the loss stays below the target', () => {
    expect(classifyRun([1, 0.5, 0.09, 0.2, 0.08, 0.05], 0.1)).toEqual({ verdict: 'converged', convergedAt: 5 });
    expect(classifyRun([0.05, 0.04], 0.1)).toEqual({ verdict: 'converged', convergedAt: 1 });
  });

  it('too slow: going down but not below the target', () => {
    expect(classifyRun([1, 0.9, 0.8, 0.7], 0.1)).toEqual({ verdict: 'too slow' });
  });

  it('oscillating: rising in many epochs without converging', () => {
    expect(classifyRun([1, 0.6, 0.9, 0.5, 0.8, 0.5, 0.85, 0.45], 0.1)).toEqual({ verdict: 'oscillating' });
    expect(classifyRun([1, 0.8, 1.2], 0.1).verdict).toBe('oscillating');
  });

  it('diverged: NaN or ∞, or blowing up to over 10× the first loss', () => {
    expect(classifyRun([1, 2, Infinity], 0.1)).toEqual({ verdict: 'diverged' });
    expect(classifyRun([1, NaN], 0.1)).toEqual({ verdict: 'diverged' });
    expect(classifyRun([1, 5, 50, 200], 0.1)).toEqual({ verdict: 'diverged' });
  });
});

describe('classifyRun edge cases', () => {
  it('a run that starts at loss 0 and stays tiny has converged, not diverged', () => {
    expect(classifyRun([0, 1e-9, 2e-9], 0.01)).toEqual({ verdict: 'converged', convergedAt: 1 });
  });
  it('an empty curve is too slow (nothing happened)', () => {
    expect(classifyRun([], 0.1)).toEqual({ verdict: 'too slow' });
  });
});

describe('classifyRun checks its arguments', () => {
  it('refuses a curve that is not numbers and a target that is not > 0; NaN in the curve means diverged', () => {
    expect(() => classifyRun('1,2' as unknown as number[], 0.1)).toThrow(/classifyRun: loss: expected number\[\] or Float64Array/);
    expect(() => classifyRun([1, '0.5' as unknown as number], 0.1)).toThrow(/element 1 is '0.5'/);
    expect(() => classifyRun([1, 0.5], 0)).toThrow(/classifyRun: target: expected a finite number > 0, got 0/);
    expect(classifyRun([1, NaN], 0.1).verdict).toBe('diverged');
  });
});
