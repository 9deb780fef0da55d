import fc from 'fast-check';
import { seededRng, toRng, rngFrom, OptionError } from '../../src';

const FC = { seed: 20261128, numRuns: 100 };
const draw = (seed: number | string, k = 20) => {
  const r = seededRng(seed);
  return Array.from({ length: k }, () => r.uniform());
};

describe('seededRng', () => {
  it('gives the same stream for the same seed (numbers and strings)', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
      expect(draw(seed)).toEqual(draw(seed));
    }), FC);
  });

  it('gives different streams for different seeds, also for neighbouring integers and for 1 vs 1.5', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), (seed) => {
      expect(draw(seed, 5)).not.toEqual(draw(seed + 1, 5));
    }), FC);
    expect(draw(1)).not.toEqual(draw(1.5));
    expect(draw('iris')).not.toEqual(draw('iris2'));
  });

  it('defaults to seed 0', () => {
    const r = seededRng();
    expect(Array.from({ length: 5 }, () => r.uniform())).toEqual(draw(0, 5));
  });

  it('draws uniform numbers in [lo, hi)', () => {
    fc.assert(fc.property(fc.integer(), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      (seed, lo, width) => {
        const r = seededRng(seed);
        for (let i = 0; i < 50; i++) {
          const u = r.uniform(lo, lo + width);
          expect(u).toBeGreaterThanOrEqual(lo);
          expect(u).toBeLessThan(lo + width);
        }
      }), FC);
  });

  it('uniform() has mean 1/2 and variance 1/12 over 1e5 draws', () => {
    const r = seededRng(7);
    let s = 0, s2 = 0;
    const n = 1e5;
    for (let i = 0; i < n; i++) { const u = r.uniform(); s += u; s2 += u * u; }
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal(mean, std) has that mean and standard deviation over 1e5 draws', () => {
    const r = seededRng('normal');
    const n = 1e5;
    let s = 0, s2 = 0, within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal(3, 2);
      s += z; s2 += z * z;
      if (Math.abs(z - 3) < 2) within1++;
    }
    const mean = s / n;
    const std = Math.sqrt(s2 / n - mean * mean);
    // Standard error of the mean is 2/√1e5 ≈ 0.006.
    expect(Math.abs(mean - 3)).toBeLessThan(0.03);
    expect(Math.abs(std - 2)).toBeLessThan(0.03);
    // 68.27 % of a normal lies within one standard deviation.
    expect(Math.abs(within1 / n - 0.6827)).toBeLessThan(0.01);
  });

  it('integer(lo, hi) stays in [lo, hi) and reaches every value', () => {
    const r = seededRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = r.integer(-2, 3);
      expect(Number.isInteger(k)).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('integer refuses lo ≥ hi and non-integers with an OptionError', () => {
    const r = seededRng(3);
    expect(() => r.integer(2, 2)).toThrow(OptionError);
    expect(() => r.integer(0, 2.5)).toThrow('expected integers lo < hi, got lo = 0, hi = 2.5');
  });

  it('shuffle returns the same array holding a permutation of its items', () => {
    fc.assert(fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 50 }), (seed, items) => {
      const copy = items.slice();
      const out = seededRng(seed).shuffle(copy);
      expect(out).toBe(copy);
      expect(copy.slice().sort((a, b) => a - b)).toEqual(items.slice().sort((a, b) => a - b));
    }), FC);
  });

  it('shuffle moves items: every position of 5 items is reached by item 0', () => {
    const r = seededRng(11);
    const positions = new Set<number>();
    for (let t = 0; t < 200; t++) positions.add(r.shuffle([0, 1, 2, 3, 4]).indexOf(0));
    expect(positions.size).toBe(5);
  });

  it('permutation(n) holds 0 … n−1 once each', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 0, max: 100 }), (seed, n) => {
      const p = Array.from(seededRng(seed).permutation(n)).sort((a, b) => a - b);
      expect(p).toEqual(Array.from({ length: n }, (_, i) => i));
    }), FC);
  });

  it('fork gives an independent, reproducible generator', () => {
    const a = seededRng(5).fork();
    const b = seededRng(5).fork();
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(xs).not.toEqual(draw(5, 5));
  });

  it('refuses a non-finite or non-string seed with an OptionError', () => {
    expect(() => seededRng(NaN)).toThrow(OptionError);
    expect(() => seededRng(Infinity)).toThrow('seededRng: expected a finite number or a string as seed, got Infinity');
    expect(() => seededRng({} as unknown as number)).toThrow(OptionError);
  });
});

describe('toRng', () => {
  it('turns a seed into a generator, passes a generator through, and falls back to a seed', () => {
    const r = seededRng(9);
    expect(toRng(r)).toBe(r);
    expect(toRng(9).uniform()).toBe(seededRng(9).uniform());
    expect(toRng('x').uniform()).toBe(seededRng('x').uniform());
    expect(toRng(undefined, 4).uniform()).toBe(seededRng(4).uniform());
  });
});

describe('toRng and rngFrom check what they are given', () => {
  it('refuse a fallback seed that is not a finite number and options that are not an object', () => {
    expect(() => toRng(1, NaN)).toThrow(/toRng: fallbackSeed: expected a finite number, got NaN/);
    expect(() => rngFrom('f', null as unknown as object)).toThrow(/f: expected an options object \{ seed\?, rng\? \}, got null/);
    expect(rngFrom('f', {}).uniform()).toBe(toRng(undefined).uniform());
  });
});
