/**
 * Hand-made features of a 2-D input (the Playground's feature menu, "the hybrid approach"):
 * with the product x1·x2 as an extra input, a single perceptron can separate XOR.
 */
import { InputError, ShapeError, checkChoice, describeValue, shapeString } from '../errors';
import { MatrixLike, toMatrix } from '../matrix';

/** The features {@link featureMap} can compute from (x1, x2). */
export type FeatureName = 'x1' | 'x2' | 'x1^2' | 'x2^2' | 'x1*x2' | 'sin(x1)' | 'sin(x2)';

/** The allowed feature names, in the Playground's order. */
export const featureMapNames: readonly FeatureName[] = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];

const featureFunctions: Readonly<Record<FeatureName, (x1: number, x2: number) => number>> = {
  x1: (x1) => x1,
  x2: (_x1, x2) => x2,
  'x1^2': (x1) => x1 * x1,
  'x2^2': (_x1, x2) => x2 * x2,
  'x1*x2': (x1, x2) => x1 * x2,
  'sin(x1)': (x1) => Math.sin(x1),
  'sin(x2)': (_x1, x2) => Math.sin(x2),
};

/**
 * Maps every row (x1, x2) of X to the chosen features, in the order given.
 * @example featureMap([[1, 2]], ['x1', 'x2', 'x1*x2']) // [[1, 2, 2]]
 */
export function featureMap(X: MatrixLike, features: ReadonlyArray<FeatureName>): number[][] {
  const m = toMatrix(X, 'featureMap: X');
  if (m.cols !== 2) {
    throw new ShapeError(`featureMap: X is ${shapeString(m.rows, m.cols)}: expected two columns (x1, x2)`);
  }
  if (!Array.isArray(features) || features.length === 0) {
    throw new InputError(`featureMap: features: expected a non-empty list such as ['x1', 'x2', 'x1*x2'], got ${describeValue(features)}`);
  }
  const fs = features.map((f, i) => featureFunctions[checkChoice(`featureMap: features[${i}]`, f, featureMapNames)]);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const x1 = m.data[2 * i];
    const x2 = m.data[2 * i + 1];
    out.push(fs.map((f) => f(x1, x2)));
  }
  return out;
}
