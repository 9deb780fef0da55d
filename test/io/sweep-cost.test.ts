import fc from 'fast-check';
import { OptionError } from '../../src/engine/errors';
import { COLD_POOL_WORK, STEP_UNITS, WARM_POOL_WORK, sweepWork, workersPay } from '../../src/io/sweep-cost';

// Notebook 08's sweep: 2-8-1 (33 parameters) on 200 points, batches of 10, 100 epochs, six rates.
const notebook08 = { parameters: 33, samples: 200, epochs: 100, batchSize: 10, runs: 6 };
// W3's shape: 64-64-10 (4,810 parameters) on the 1,797 digits, batches of 32, six rates.
const digits = (epochs: number) => ({ parameters: 4810, samples: 1797, epochs, batchSize: 32, runs: 6 });

describe('sweepWork: parameters × samples × epochs + STEP_UNITS × steps, summed over the runs', () => {
  it('counts notebook 08\'s sweep: 6 × (33 · 200 · 100 + STEP_UNITS · 20 steps · 100 epochs)', () => {
    expect(sweepWork(notebook08)).toBe(6 * (33 * 200 * 100 + STEP_UNITS * 20 * 100));
  });

  it('counts a last, partial batch as a step, and a batch larger than the data as one step per epoch (fit takes all rows)', () => {
    expect(sweepWork({ ...digits(1), runs: 1 })).toBe(4810 * 1797 + STEP_UNITS * 57); // ⌈1797 / 32⌉ = 57
    expect(sweepWork({ parameters: 9, samples: 4, epochs: 10, batchSize: 100, runs: 1 })).toBe(9 * 4 * 10 + STEP_UNITS * 10);
  });

  it('grows in proportion to runs and epochs, and never falls as the data or the model grows', () => {
    const size = fc.record({
      parameters: fc.integer({ min: 1, max: 100000 }),
      samples: fc.integer({ min: 1, max: 100000 }),
      epochs: fc.integer({ min: 1, max: 1000 }),
      batchSize: fc.integer({ min: 1, max: 1000 }),
      runs: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(size, fc.integer({ min: 2, max: 5 }), (s, k) => {
        const w = sweepWork(s);
        expect(sweepWork({ ...s, runs: s.runs * k })).toBe(w * k);
        expect(sweepWork({ ...s, epochs: s.epochs * k })).toBe(w * k);
        expect(sweepWork({ ...s, samples: s.samples + k })).toBeGreaterThan(w);
        expect(sweepWork({ ...s, parameters: s.parameters + k })).toBeGreaterThan(w);
        expect(sweepWork({ ...s, batchSize: s.batchSize + k })).toBeLessThanOrEqual(w);
      }),
    );
  });

  it('refuses sizes that are not positive integers, naming the field', () => {
    expect(() => sweepWork({ ...notebook08, epochs: 0 })).toThrow(OptionError);
    expect(() => sweepWork({ ...notebook08, samples: 2.5 })).toThrow(/sweepWork: samples: expected an integer ≥ 1, got 2.5/);
    expect(() => sweepWork(null as never)).toThrow(/sweepWork: expected \{ parameters, samples, epochs, batchSize, runs \}, got null/);
  });
});

describe('workersPay: the measured thresholds', () => {
  it('needs less work once workers are ready (no start to pay for)', () => {
    expect(WARM_POOL_WORK).toBeLessThan(COLD_POOL_WORK);
    expect(workersPay(COLD_POOL_WORK, false)).toBe(true);
    expect(workersPay(COLD_POOL_WORK * 0.99, false)).toBe(false);
    expect(workersPay(WARM_POOL_WORK, true)).toBe(true);
    expect(workersPay(WARM_POOL_WORK * 0.99, true)).toBe(false);
  });

  it('runs notebook 08\'s sweep (0.04–0.08 s of training) here, cold or warm; forty epochs of the digits (about 0.7 s) on workers', () => {
    expect(workersPay(sweepWork(notebook08), false)).toBe(false);
    expect(workersPay(sweepWork(notebook08), true)).toBe(false);
    expect(workersPay(sweepWork(digits(40)), false)).toBe(true);
    // twenty epochs (0.3–0.4 s; measured 1.07× at best with the workers starting): here while no worker is
    // ready, on the workers once one is; five epochs (0.1 s): here either way
    expect(workersPay(sweepWork(digits(20)), false)).toBe(false);
    expect(workersPay(sweepWork(digits(20)), true)).toBe(true);
    expect(workersPay(sweepWork(digits(5)), true)).toBe(false);
  });

  it('refuses a work that is not a positive number and a readiness that is not a boolean', () => {
    expect(() => workersPay(NaN, false)).toThrow(OptionError);
    expect(() => workersPay(1, 'yes' as never)).toThrow(/workersPay: workersReady: expected true or false/);
  });
});
