import { planeData, sineData, OptionError, InputError } from '../../../src';

describe('planeData', () => {
  it('samples y = a1·x1 + a2·x2 + c exactly without noise, x in [−6, 6)', () => {
    const d = planeData({ n: 50, noise: 0, coefficients: [2, -1], intercept: 0.5, seed: 1 });
    d.X.forEach(([x1, x2], i) => {
      expect(Math.abs(x1)).toBeLessThanOrEqual(6);
      expect(Math.abs(x2)).toBeLessThanOrEqual(6);
      expect(d.y[i]).toBeCloseTo(2 * x1 - x2 + 0.5, 12);
    });
    expect(d.featureNames).toEqual(['x1', 'x2']);
    expect(d.classNames).toBeUndefined();
  });

  it("defaults to the Playground's plane (x1 + x2)/10 with Gaussian noise of standard deviation 0.1", () => {
    const d = planeData({ n: 5000, seed: 2 });
    const residuals = d.X.map(([a, b], i) => d.y[i] - (a + b) / 10);
    const m = residuals.reduce((s, r) => s + r, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((s, r) => s + (r - m) ** 2, 0) / residuals.length);
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(sd).toBeCloseTo(0.1, 2);
    expect(planeData()).toEqual(planeData({ n: 200, noise: 0.1, seed: 0 }));
  });

  it('is deterministic per seed', () => {
    expect(planeData({ seed: 'a' })).toEqual(planeData({ seed: 'a' }));
    expect(planeData({ seed: 'a' }).y).not.toEqual(planeData({ seed: 'b' }).y);
  });

  it('refuses negative noise and bad coefficients', () => {
    expect(() => planeData({ noise: -1 })).toThrow('planeData: noise: expected a finite number ≥ 0, got -1');
    expect(() => planeData({ coefficients: [1] as unknown as [number, number] })).toThrow(InputError);
  });
});

describe('sineData', () => {
  it('samples y = sin(x) + noise with x in [−π, π) and one feature', () => {
    const d = sineData({ n: 100, noise: 0, seed: 1 });
    expect(d.X.every((r) => r.length === 1 && r[0] >= -Math.PI && r[0] < Math.PI)).toBe(true);
    d.X.forEach(([x], i) => expect(d.y[i]).toBe(Math.sin(x)));
    expect(d.featureNames).toEqual(['x']);
  });

  it('adds Gaussian noise of the given standard deviation', () => {
    const d = sineData({ n: 5000, noise: 0.3, seed: 2 });
    const r = d.X.map(([x], i) => d.y[i] - Math.sin(x));
    const sd = Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length);
    expect(sd).toBeCloseTo(0.3, 1);
  });

  it('draws x from the range asked for', () => {
    const d = sineData({ range: [0, 10], seed: 3 });
    expect(d.X.every(([x]) => x >= 0 && x < 10)).toBe(true);
    expect(() => sineData({ range: [1, 1] })).toThrow('sineData: range: expected two finite numbers [lo, hi] with lo < hi');
    expect(() => sineData({ n: 0 })).toThrow(OptionError);
  });

  it('is deterministic per seed', () => {
    expect(sineData({ seed: 5 })).toEqual(sineData({ seed: 5 }));
    expect(sineData({ seed: 5 }).X).not.toEqual(sineData({ seed: 6 }).X);
  });
});
