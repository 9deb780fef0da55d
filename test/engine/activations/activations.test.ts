import { activations, activationNames, getActivation, leakyRelu, elu, Activation } from '../../../src/engine/activations';
import { OptionError } from '../../../src/engine/errors';
import { seededRng } from '../../../src/engine/rng';

/** Centred difference (f(z + h) − f(z − h)) / 2h: the oracle for every derivative. */
const numericalDerivative = (f: (z: number) => number, z: number, h = 1e-6) => (f(z + h) - f(z - h)) / (2 * h);

const all: Activation[] = [...Object.values(activations), leakyRelu(0.3), elu(0.5)];

describe('activations', () => {
  it('has every activation of the course, each with f and df side by side', () => {
    expect(Object.keys(activations).sort()).toEqual(
      ['step', 'sign', 'identity', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'selu', 'softplus'].sort(),
    );
    for (const a of Object.values(activations)) {
      expect(typeof a.f).toBe('function');
      expect(typeof a.df).toBe('function');
    }
  });

  it.each(all.map((a) => [`${a.name}${a.params ? JSON.stringify(a.params) : ''}`, a] as const))(
    '%s: df matches the centred-difference derivative away from kinks',
    (_, act) => {
      const rng = seededRng('derivatives');
      for (let t = 0; t < 200; t++) {
        const z = rng.uniform(-6, 6);
        if (Math.abs(z) < 1e-3) continue; // step, sign, relu, leaky ReLU and ELU have a kink or jump at 0
        expect(act.df(z)).toBeCloseTo(numericalDerivative(act.f, z), 6);
      }
    },
  );

  it('step is the Heaviside function of the TLU: step(0) = 1, as z ≥ 0 fires', () => {
    expect([-2, -1e-9, 0, 1e-9, 3].map(activations.step.f)).toEqual([0, 0, 1, 1, 1]);
  });

  it('sign gives −1, 0, +1', () => {
    expect([-2, 0, 5].map(activations.sign.f)).toEqual([-1, 0, 1]);
  });

  it('leaky ReLU defaults to slope 0.1, i.e. max(0.1x, x), and the slope can be changed', () => {
    expect(activations.leakyRelu.f(-10)).toBeCloseTo(-1, 12);
    expect(activations.leakyRelu.f(4)).toBe(4);
    expect(activations.leakyRelu.df(-1)).toBe(0.1);
    expect(leakyRelu(0.2).f(-10)).toBeCloseTo(-2, 12);
    expect(() => leakyRelu(1.5)).toThrow(OptionError);
  });

  it('ELU has α = 1 by default and tends to −α for large negative z', () => {
    expect(activations.elu.f(-50)).toBeCloseTo(-1, 12);
    expect(elu(2).f(-50)).toBeCloseTo(-2, 12);
    expect(activations.elu.f(3)).toBe(3);
  });

  it('SELU uses λ ≈ 1.0507 and α ≈ 1.6733', () => {
    expect(activations.selu.f(1)).toBeCloseTo(1.0507009873554805, 12);
    expect(activations.selu.f(-50)).toBeCloseTo(-1.0507009873554805 * 1.6732632423543772, 10);
  });

  it('sigmoid, tanh and softplus stay finite and exact for large |z|', () => {
    expect(activations.sigmoid.f(1000)).toBe(1);
    expect(activations.sigmoid.f(-1000)).toBe(0);
    expect(activations.sigmoid.f(-800)).toBeGreaterThanOrEqual(0);
    expect(activations.sigmoid.df(1000)).toBe(0);
    expect(activations.softplus.f(1000)).toBe(1000);
    expect(activations.softplus.f(-1000)).toBe(0);
    expect(activations.softplus.f(0)).toBeCloseTo(Math.log(2), 14);
    expect(activations.tanh.f(1000)).toBe(1);
    for (const a of all) {
      for (const z of [-1000, -700, 700, 1000]) {
        expect(Number.isFinite(a.f(z))).toBe(true);
        expect(Number.isFinite(a.df(z))).toBe(true);
      }
    }
  });

  it('softplus′ is the sigmoid', () => {
    for (const z of [-3, -0.5, 0, 2]) expect(activations.softplus.df(z)).toBe(activations.sigmoid.f(z));
  });
});

describe('getActivation', () => {
  it('finds every built-in name, softmax included', () => {
    for (const name of activationNames) expect(getActivation(name).name).toBe(name);
  });

  it('returns an Activation object as it is', () => {
    const custom: Activation = { name: 'square', f: (z) => z * z, df: (z) => 2 * z };
    expect(getActivation(custom)).toBe(custom);
  });

  it('rebuilds configured activations from their params', () => {
    expect(getActivation('leakyRelu', { slope: 0.25 }).f(-4)).toBeCloseTo(-1, 12);
    expect(getActivation('elu', { alpha: 3 }).f(-100)).toBeCloseTo(-3, 12);
  });

  it.each([['relux'], [''], [42], [null], [undefined], [{ name: 'x' }]])('rejects %p with an OptionError listing the valid names', (bad) => {
    expect(() => getActivation(bad)).toThrow(OptionError);
    expect(() => getActivation(bad)).toThrow(/expected one of 'step', 'sign', 'identity', 'sigmoid'.*got/);
  });

  it('names what came in the message', () => {
    expect(() => getActivation('relux')).toThrow(/got 'relux' \(a string\)/);
  });
});

describe('getActivation params', () => {
  it('are checked: unknown names with "did you mean", values by the activation, and only for their own activation', () => {
    expect(getActivation('leakyRelu', { slope: 0.2 }).f(-1)).toBeCloseTo(-0.2);
    expect(() => getActivation('leakyRelu', { slop: 0.2 })).toThrow(/unknown option 'slop', did you mean 'slope'/);
    expect(() => getActivation('leakyRelu', { slope: NaN })).toThrow(OptionError);
    expect(() => getActivation('relu', { slope: 0.2 })).toThrow(/getActivation: params.slope: expected only with 'leakyRelu', got it with 'relu'/);
    expect(() => getActivation('relu', 5 as unknown as { slope: number })).toThrow(/expected an options object/);
  });
});
