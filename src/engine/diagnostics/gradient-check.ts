/**
 * Gradient checking: compares backpropagation's gradients with centred differences
 * (L(θ + ε) − L(θ − ε)) / 2ε, one parameter at a time. The standard test that backprop is right.
 */
import { MatrixLike, toVector } from '../matrix';
import { OptionError, ShapeError, describeValue } from '../errors';
import { MLP, Targets } from '../mlp';
import { printsAsText } from '../inspect';
import { checkOptions, optionKeys } from '../options';
import { checkPositive } from '../errors';

/** Options of {@link gradientCheck}. */
export interface GradientCheckOptions {
  /** The step ε of the centred differences. @default 1e-5 */
  epsilon?: number;
  /** Relative error below which the check passes. @default 1e-6 */
  tolerance?: number;
}

/** The relative errors of one layer. */
export interface LayerGradientCheck {
  /** 0-based layer index. */
  layer: number;
  /** E.g. 'dense 1'. */
  name: string;
  /** Relative error of dL/dW: ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) (backprop g, numerical ĝ). */
  weights: number;
  /** Relative error of dL/db. */
  bias: number;
}

/** What {@link gradientCheck} returns. */
export interface GradientCheckResult {
  /** The largest relative error over all layers. */
  maxRelativeError: number;
  /** Per layer. */
  layers: LayerGradientCheck[];
  /** maxRelativeError < tolerance. */
  passed: boolean;
  /** E.g. 'gradient check passed: max relative error 3.1e-10 (tolerance 1e-6)'. */
  toString(): string;
}

/**
 * ‖a − b‖ / (‖a‖ + ‖b‖), or ‖a − b‖ itself when both gradients are (nearly) zero, where a
 * relative error would only measure rounding noise.
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  a = toVector(a as ArrayLike<number> as Float64Array, 'relativeError: a');
  b = toVector(b as ArrayLike<number> as Float64Array, 'relativeError: b');
  if (a.length !== b.length) throw new ShapeError(`relativeError: a has ${a.length} values but b has ${b.length}; expected the same number`);
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    diff += (a[k] - b[k]) ** 2;
    na += a[k] * a[k];
    nb += b[k] * b[k];
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  return denom < 1e-10 ? Math.sqrt(diff) : Math.sqrt(diff) / denom;
}

/** Compares model.backward's gradients on (X, y) with centred differences, layer by layer. */
/** The option names of gradientCheck, listed once. */
const GRADIENT_CHECK_KEYS = optionKeys<GradientCheckOptions>()('epsilon', 'tolerance');

export function gradientCheck(model: MLP, X: MatrixLike, y: Targets, options: GradientCheckOptions = {}): GradientCheckResult {
  if (!(model instanceof MLP)) throw new OptionError(`gradientCheck: expected an MLP as model, got ${describeValue(model)}`);
  checkOptions('gradientCheck: options', options, GRADIENT_CHECK_KEYS);
  const eps = options.epsilon ?? 1e-5;
  const tolerance = checkPositive('gradientCheck: tolerance', options.tolerance ?? 1e-6);
  if (!(eps > 0 && eps < 1)) throw new OptionError(`gradientCheck: epsilon: expected a number in (0, 1), got ${describeValue(eps)}`);
  const analytic = model.backward(X, y).gradients;
  const loss = () => model.evaluate(X, y).loss;
  const numerical = (theta: Float64Array): Float64Array => {
    const g = new Float64Array(theta.length);
    for (let k = 0; k < theta.length; k++) {
      const saved = theta[k];
      theta[k] = saved + eps;
      const plus = loss();
      theta[k] = saved - eps;
      const minus = loss();
      theta[k] = saved;
      g[k] = (plus - minus) / (2 * eps);
    }
    return g;
  };
  const layers = model.layers.map((l, i) => ({
    layer: i,
    name: `${l.type} ${i + 1}`,
    weights: relativeError(analytic[i].dW.data, numerical(l.W.data)),
    bias: relativeError(analytic[i].db.data, numerical(l.b.data)),
  }));
  const maxRelativeError = Math.max(...layers.map((l) => Math.max(l.weights, l.bias)));
  const passed = maxRelativeError < tolerance;
  return printsAsText({
    maxRelativeError,
    layers,
    passed,
    toString() {
      const rows = layers.map((l) => `  ${l.name}: weights ${l.weights.toExponential(2)}, bias ${l.bias.toExponential(2)}`);
      return [`gradient check ${passed ? 'passed' : 'FAILED'}: max relative error ${maxRelativeError.toExponential(2)} (tolerance ${tolerance.toExponential(0)})`, ...rows].join('\n');
    },
  });
}
