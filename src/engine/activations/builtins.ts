/**
 * The built-in activation functions of the course, each with its derivative beside it.
 * Formulas as Géron writes them (Hands-On ML, ch. 10–11).
 */
import { Activation } from './activation';
import { checkPositive, InputError, OptionError, describeValue } from '../errors';

/** Heaviside step, as the TLU uses it: 1 if z ≥ 0, else 0. Flat, so φ′ = 0. */
const step: Activation = { name: 'step', f: (z) => (z >= 0 ? 1 : 0), df: () => 0 };

/** Sign function: −1 if z < 0, 0 if z = 0, +1 if z > 0. Flat, so φ′ = 0. */
const sign: Activation = { name: 'sign', f: (z) => (z > 0 ? 1 : z < 0 ? -1 : 0), df: () => 0 };

/** Identity (no activation, "none" in Géron's Table 10-1): φ(z) = z. */
const identity: Activation = { name: 'identity', f: (z) => z, df: () => 1 };

/** Logistic sigmoid σ(z) = 1 / (1 + e^−z), computed so that e^x never overflows. */
export function sigmoidValue(z: number): number {
  if (typeof z !== 'number') throw new InputError(`sigmoidValue: expected a number z, got ${describeValue(z)}`);
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z); // z < 0: e^z ≤ 1, no overflow
  return e / (1 + e);
}

/** σ′(z) = σ(z)(1 − σ(z)). */
const sigmoid: Activation = {
  name: 'sigmoid',
  f: sigmoidValue,
  df: (z) => {
    const s = sigmoidValue(z);
    return s * (1 - s);
  },
};

/** tanh z, with tanh′(z) = 1 − tanh² z. */
const tanh: Activation = {
  name: 'tanh',
  f: Math.tanh,
  df: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
};

/** ReLU(z) = max(0, z); its derivative is taken as 0 at z = 0. */
const relu: Activation = { name: 'relu', f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) };

/** Leaky ReLU with a configurable slope α: max(αz, z) for 0 ≤ α < 1. @default slope = 0.1 */
export function leakyRelu(slope = 0.1): Activation {
  if (typeof slope !== 'number' || !Number.isFinite(slope) || slope < 0 || slope >= 1) {
    throw new OptionError(`leakyRelu: expected a slope with 0 ≤ slope < 1, got ${describeValue(slope)}`);
  }
  return checked({
    name: 'leakyRelu',
    params: { slope },
    f: (z) => (z > 0 ? z : slope * z),
    df: (z) => (z > 0 ? 1 : slope),
  });
}

/** ELU: z if z > 0, else α(e^z − 1); ELU′ = 1 or αe^z. @default alpha = 1 */
export function elu(alpha = 1): Activation {
  checkPositive('elu: alpha', alpha);
  return checked({
    name: 'elu',
    params: { alpha },
    f: (z) => (z > 0 ? z : alpha * Math.expm1(z)),
    df: (z) => (z > 0 ? 1 : alpha * Math.exp(z)),
  });
}

/** SELU's scale λ (Klambauer et al. 2017): with α below, activations keep mean 0 and variance 1. */
export const SELU_LAMBDA = 1.0507009873554805;
/** SELU's α (Klambauer et al. 2017). */
export const SELU_ALPHA = 1.6732632423543772;

/** SELU(z) = λ·(z if z > 0, else α(e^z − 1)). */
const selu: Activation = {
  name: 'selu',
  f: (z) => SELU_LAMBDA * (z > 0 ? z : SELU_ALPHA * Math.expm1(z)),
  df: (z) => SELU_LAMBDA * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)),
};

/**
 * softplus(z) = log(1 + e^z), computed as max(z, 0) + log(1 + e^−|z|) so that it stays finite
 * for large |z|; its derivative is the sigmoid.
 */
const softplus: Activation = {
  name: 'softplus',
  f: (z) => (z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z))),
  df: sigmoidValue,
};

/**
 * f and df that refuse what is not a number (a string such as '2' would be concatenated or
 * compared as text). NaN and ±∞ pass: inside training a diverging z must reach fit's
 * divergence check, which reports it in the History.
 */
function checked(a: Activation): Activation {
  const guard = (part: 'f' | 'df', g: (z: number) => number) => (z: number) => {
    if (typeof z !== 'number') throw new InputError(`${a.name}.${part}: expected a number z, got ${describeValue(z)}`);
    return g(z);
  };
  return { ...a, f: guard('f', a.f), df: guard('df', a.df) };
}

/** The built-in activations by name; `activations.relu.f(2)` is 2 and `activations.relu.df(2)` is 1. */
export const activations = {
  step: checked(step),
  sign: checked(sign),
  identity: checked(identity),
  sigmoid: checked(sigmoid),
  tanh: checked(tanh),
  relu: checked(relu),
  /** slope 0.1: max(0.1z, z); use {@link leakyRelu} for another slope. */
  leakyRelu: leakyRelu(0.1),
  /** α = 1; use {@link elu} for another α. */
  elu: elu(1),
  selu: checked(selu),
  softplus: checked(softplus),
} as const;
