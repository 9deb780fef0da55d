/**
 * What an activation function is: the function φ and its derivative φ′, side by side
 * (as TensorFlow Playground's `ActivationFunction` keeps `output` and `der` together).
 */

/** The names of the built-in activations (`softmax` acts on a whole row, see {@link softmax}). */
export const activationNames = [
  'step',
  'sign',
  'identity',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'selu',
  'softplus',
  'softmax',
] as const;

/** One of the built-in activation names. */
export type ActivationName = (typeof activationNames)[number];

/** An activation function φ with its derivative φ′, both taking the pre-activation z. */
export interface Activation {
  /** The name shown in summaries and saved by `toJSON`, e.g. `'relu'`. */
  readonly name: string;
  /** φ(z). */
  f(z: number): number;
  /** φ′(z), the derivative with respect to z (0 where φ is flat, as for step and sign). */
  df(z: number): number;
  /** The settings of a configurable activation, e.g. `{ slope: 0.2 }` for a leaky ReLU (saved by `toJSON`). */
  readonly params?: { readonly [key: string]: number };
  /** True for softmax: it acts on a whole row, so `f` and `df` of one number are not defined. */
  readonly rowwise?: boolean;
}
