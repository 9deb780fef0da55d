import fc from 'fast-check';
import { TLU, thresholds, truthTable, InputError, ShapeError, OptionError } from '../../src';

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];

describe('thresholds', () => {
  it('step is Heaviside with step(0) = 1', () => {
    expect([-2, -1e-12, 0, 1e-12, 3].map(thresholds.step)).toEqual([0, 0, 1, 1, 1]);
  });

  it('sign is sgn with sgn(0) = 0', () => {
    expect([-2, 0, 3].map(thresholds.sign)).toEqual([-1, 0, 1]);
  });
});

describe('TLU', () => {
  it('computes AND with hand-set weights w = [1, 1], b = −1.5', () => {
    const and = new TLU({ weights: [1, 1], bias: -1.5 });
    expect(and.predict(X)).toEqual(truthTable('and').y);
    expect(and.net(X)).toEqual([-1.5, -0.5, -0.5, 0.5]);
  });

  it.each([
    ['or', [1, 1], -0.5],
    ['nand', [-1, -1], 1.5],
    ['nor', [-1, -1], 0.5],
  ] as const)('computes %s with hand-set weights', (gate, w, b) => {
    expect(new TLU({ weights: [...w], bias: b }).predict(X)).toEqual(truthTable(gate).y);
  });

  it('outputs 1 when the net input is exactly 0 (step(0) = 1)', () => {
    expect(new TLU({ weights: [1, -1], bias: 0 }).predict([[2, 2]])).toEqual([1]);
  });

  it('uses sgn when asked: outputs −1, 0 or +1', () => {
    const t = new TLU({ weights: [1, -1], bias: 0, activation: 'sign' });
    expect(t.predict([[1, 0], [1, 1], [0, 1]])).toEqual([1, 0, -1]);
  });

  it('computes h = φ(XW + b) for several outputs at once (weights [inputs×outputs])', () => {
    // Column 0 is AND, column 1 is OR.
    const t = new TLU({ weights: [[1, 1], [1, 1]], bias: [-1.5, -0.5] });
    expect(t.inputs).toBe(2);
    expect(t.outputs).toBe(2);
    expect(t.predict(X)).toEqual([[0, 0], [0, 1], [0, 1], [1, 1]]);
  });

  it('agrees with the formula φ(x·w + b) for random weights and inputs', () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 }),
    ));
    fc.assert(fc.property(arb, ([w, b, rows]) => {
      const expected = rows.map((x) => (x.reduce((s, xi, i) => s + xi * w[i], b) >= 0 ? 1 : 0));
      expect(new TLU({ weights: w, bias: b }).predict(rows)).toEqual(expected);
    }), { seed: 7, numRuns: 100 });
  });

  it('prints its formula', () => {
    expect(String(new TLU({ weights: [1, 1], bias: -1.5 }))).toBe('TLU step(x·[1, 1] − 1.5)');
  });

  it('names the shapes when X does not fit the weights', () => {
    const t = new TLU({ weights: [1, 1], bias: -1.5 });
    expect(() => t.predict([[1, 0, 1]])).toThrow(ShapeError);
    expect(() => t.predict([[1, 0, 1]])).toThrow('TLU.predict: X is [1×3] but the TLU has 2 inputs');
    // A flat list is read as one column (one value per sample), which does not fit two inputs.
    expect(() => t.predict([0, 1] as unknown as number[][])).toThrow('X is [2×1]');
  });

  it('refuses bad weights, biases, activations and inputs with named errors', () => {
    expect(() => new TLU({ weights: [], bias: 0 })).toThrow(InputError);
    expect(() => new TLU({ weights: [1, NaN], bias: 0 })).toThrow('TLU: weights: expected finite numbers');
    expect(() => new TLU({ weights: [[1, 1], [1, 1]], bias: 0 })).toThrow('expected 2 biases, got one number');
    expect(() => new TLU({ weights: [1, 1], bias: [1, 2] })).toThrow('TLU: bias: expected 1 values (one per output), got 2');
    expect(() => new TLU({ weights: [1, 1], bias: NaN })).toThrow(InputError);
    expect(() => new TLU({ weights: [1, 1], bias: 0, activation: 'sigmoid' as 'step' })).toThrow(OptionError);
    expect(() => new TLU({ weights: [1, 1], bias: 0, activation: 'sigmoid' as 'step' })).toThrow("expected one of 'step', 'sign', got 'sigmoid' (a string)");
    expect(() => new TLU({ weights: [1, 1], bias: 0 }).predict([[1, 2], [3]])).toThrow('ragged rows');
    expect(() => new TLU({ weights: [1, 1], bias: 0 }).predict([[1, NaN]])).toThrow('expected finite numbers');
  });

  it('types predict by the weights: a list for one output, rows for several', () => {
    const one: number[] = new TLU({ weights: [1, 1], bias: 0 }).predict(X);
    const two: number[][] = new TLU({ weights: [[1, 1], [1, 1]], bias: [0, 0] }).predict(X);
    // @ts-expect-error one output gives number[], not rows
    const wrong: number[][] = new TLU({ weights: [1, 1], bias: 0 }).predict(X);
    expect([one.length, two.length, wrong.length]).toEqual([4, 4, 4]);
  });
});

describe('thresholds, called on their own', () => {
  it('refuse what is not a finite number (a string would compare as text; step(NaN) would say 0)', () => {
    expect(() => thresholds.step('2' as unknown as number)).toThrow(/thresholds.step: expected a finite number z, got '2'/);
    expect(() => thresholds.sign(NaN)).toThrow(InputError);
    expect(thresholds.step(0)).toBe(1);
    expect(thresholds.sign(-3)).toBe(-1);
  });
});
