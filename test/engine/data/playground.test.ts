import { playground, playgroundNames, circleData, xorData, gaussData, spiralData, moonsData, seededRng, OptionError, Perceptron } from '../../../src';

const count = (y: number[], c: number) => y.filter((v) => v === c).length;

describe.each(playgroundNames.map((n) => [n]))('playground(%s)', (name) => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(playground(name, { seed: 1, noise: 0.2 })).toEqual(playground(name, { seed: 1, noise: 0.2 }));
    expect(playground(name, { seed: 1, noise: 0.2 }).X).not.toEqual(playground(name, { seed: 2, noise: 0.2 }).X);
  });

  it('has n samples with two features, labels 0/1, balanced (counts differ by at most one)', () => {
    for (const n of [200, 51]) {
      const d = playground(name, { n, seed: 3 });
      expect(d.X).toHaveLength(n);
      expect(d.y).toHaveLength(n);
      expect(d.X.every((r) => r.length === 2 && r.every(Number.isFinite))).toBe(true);
      expect(d.y.every((v) => v === 0 || v === 1)).toBe(true);
      expect(Math.abs(count(d.y, 0) - count(d.y, 1))).toBeLessThanOrEqual(1);
      expect(d.featureNames).toEqual(['x1', 'x2']);
    }
  });

  it('stays roughly in [−6, 6]² like the Playground (without noise)', () => {
    const d = playground(name, { seed: 4 });
    for (const [a, b] of d.X) {
      expect(Math.abs(a)).toBeLessThan(6.5);
      expect(Math.abs(b)).toBeLessThan(6.5);
    }
  });

  it('takes an Rng instead of a seed', () => {
    expect(playground(name, { rng: seededRng(8) })).toEqual(playground(name, { seed: 8 }));
  });
});

describe('the shapes of the Playground data sets (noise 0)', () => {
  it('circle: class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5', () => {
    const d = circleData({ seed: 1 });
    d.X.forEach(([a, b], i) => {
      const r = Math.hypot(a, b);
      if (d.y[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    });
  });

  it('xor: class 1 where x1 and x2 have the same sign, at least 0.3 from the axes', () => {
    const d = xorData({ seed: 1 });
    d.X.forEach(([a, b], i) => {
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.3);
      expect(a * b > 0 ? 1 : 0).toBe(d.y[i]);
    });
  });

  it('gauss: class 1 around (2, 2), class 0 around (−2, −2), and a perceptron separates them', () => {
    const d = gaussData({ n: 400, seed: 1 });
    const meanOf = (c: number) => [0, 1].map((j) => d.X.filter((_, i) => d.y[i] === c).reduce((s, r) => s + r[j], 0) / count(d.y, c));
    meanOf(1).forEach((m) => expect(m).toBeCloseTo(2, 0));
    meanOf(0).forEach((m) => expect(m).toBeCloseTo(-2, 0));
    const p = new Perceptron<number[]>({ maxEpochs: 200 });
    p.fit(d.X, d.y);
    expect(p.score(d.X, d.y)).toBeGreaterThan(0.97);
  });

  it('gauss: noise widens the clouds (variance from 0.5 at noise 0 to 4 at noise 0.5)', () => {
    const variance = (noise: number) => {
      const xs = gaussData({ n: 2000, noise, seed: 2 }).X.filter((_, i) => i % 2 === 1).map((r) => r[0]);
      const m = xs.reduce((s, v) => s + v, 0) / xs.length;
      return xs.reduce((s, v) => s + (v - m) ** 2, 0) / xs.length;
    };
    expect(variance(0)).toBeCloseTo(0.5, 1);
    expect(Math.abs(variance(0.5) - 4)).toBeLessThan(0.4);
  });

  it('spiral: radius grows along each arm, and the two arms are the same curve turned by π', () => {
    const d = spiralData({ n: 20, seed: 1 });
    const arm = (c: number) => d.X.filter((_, i) => d.y[i] === c);
    const radii = arm(1).map(([a, b]) => Math.hypot(a, b));
    expect(radii).toEqual(radii.slice().sort((a, b) => a - b));
    arm(1).forEach(([a, b], k) => {
      expect(arm(0)[k][0]).toBeCloseTo(-a, 12);
      expect(arm(0)[k][1]).toBeCloseTo(-b, 12);
    });
  });

  it('moons: each class lies on its half circle of radius 3', () => {
    const d = moonsData({ seed: 1 });
    d.X.forEach(([a, b], i) => {
      // Undo the scaling: u = a/3 + 0.5, v = b/3 + 0.25; upper moon centred (0, 0), lower (1, 0.5).
      const u = a / 3 + 0.5;
      const v = b / 3 + 0.25;
      const r = d.y[i] === 0 ? Math.hypot(u, v) : Math.hypot(u - 1, v - 0.5);
      expect(r).toBeCloseTo(1, 10);
      if (d.y[i] === 0) expect(v).toBeGreaterThanOrEqual(0);
      else expect(v).toBeLessThanOrEqual(0.5);
    });
  });

  it('noise moves the points', () => {
    expect(circleData({ seed: 1, noise: 0.1 }).X).not.toEqual(circleData({ seed: 1 }).X);
  });
});

describe('playground options', () => {
  it('refuses an unknown name, noise outside [0, 0.5] and n < 2 with OptionErrors', () => {
    expect(() => playground('checkerboard' as 'xor')).toThrow(OptionError);
    expect(() => playground('checkerboard' as 'xor')).toThrow("playground: name: expected one of 'circle', 'xor', 'gauss', 'spiral', 'moons'");
    expect(() => circleData({ noise: 0.8 })).toThrow('circleData: noise: expected a finite number from 0 to 0.5, got 0.8');
    expect(() => xorData({ noise: -0.1 })).toThrow(OptionError);
    expect(() => spiralData({ n: 1 })).toThrow('spiralData: n: expected an integer ≥ 2, got 1');
    expect(() => moonsData({ n: 10.5 })).toThrow(OptionError);
  });

  it('makes 200 samples with no noise by default', () => {
    const d = playground('circle');
    expect(d.X).toHaveLength(200);
    expect(d).toEqual(circleData({ seed: 0, noise: 0 }));
  });
});
