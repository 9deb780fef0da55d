import { DenseLayer, History, MLP, MaxoutLayer, createOptimizer, initWeights, mlpClassifier, mlpRegressor } from '../../../src/engine/mlp';
import { Rng, seededRng } from '../../../src/engine/rng';
import { InputError, OptionError, ShapeError } from '../../../src/engine/errors';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const y = [0, 1, 1, 0];
const clf = () => mlpClassifier({ inputs: 2, classes: 2, hidden: [3] });
const multi = () => mlpClassifier({ inputs: 2, classes: 3, hidden: [3] });
const reg = () => mlpRegressor({ inputs: 2, hidden: [3] });

/** Expects `f` to throw `type` with a message matching every pattern. */
function expectError(f: () => unknown, type: new (...a: never[]) => Error, ...patterns: RegExp[]) {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(type);
  for (const p of patterns) expect((err as Error).message).toMatch(p);
}

describe('bad input gives a named error saying what was expected and what came', () => {
  it('X and y with different numbers of rows: ShapeError naming both', () => {
    expectError(() => clf().fit(X, [0, 1, 1]), ShapeError, /fit: X has 4 rows but y has 3 values/, /expected one target per row of X/);
  });

  it('X with the wrong number of columns: ShapeError naming both', () => {
    expectError(() => clf().fit([[1, 2, 3]], [0]), ShapeError, /X has 3 columns but the model expects 2 inputs/);
    expectError(() => clf().predict([[1]]), ShapeError, /predict: X has 1 column but the model expects 2 inputs/);
  });

  it('y with the wrong number of columns: ShapeError', () => {
    expectError(() => reg().fit(X, [[1, 2], [1, 2], [1, 2], [1, 2]]), ShapeError, /y has 2 columns but the model has 1 output/);
  });

  it('ragged rows: InputError', () => {
    expectError(() => clf().fit([[0, 0], [1]], [0, 1]), InputError, /ragged rows/, /row 1 has 1/);
  });

  it('empty data: InputError', () => {
    expectError(() => clf().fit([], []), InputError, /expected at least one row/);
  });

  it('NaN or ∞ in X or y: InputError naming the place', () => {
    expectError(() => clf().fit([[0, NaN], [1, 1]], [0, 1]), InputError, /expected finite numbers, but row 0, column 1 is NaN/);
    expectError(() => reg().fit(X, [1, 2, Infinity, 0]), InputError, /finite/, /Infinity/);
    expectError(() => clf().predict([[Infinity, 0]]), InputError, /Infinity/);
  });

  it('labels outside the classes: InputError', () => {
    expectError(() => clf().fit(X, [0, 1, 2, 0]), InputError, /expected class labels that are integers in 0..1 \(the model has 2 classes\), but y\[2\] is 2/);
    expectError(() => multi().fit(X, [0, 1, 2, 0.5]), InputError, /integers in 0..2/, /y\[3\] is 0.5/);
    expectError(() => multi().fit(X, [0, 1, -1, 0]), InputError, /y\[2\] is -1/);
  });

  it('unknown activation, loss, initialiser, optimizer or task names: OptionError listing the choices', () => {
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 2, activation: 'relux' as never }] }), OptionError, /layers\[0\]/, /expected one of 'step'/, /got 'relux'/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 1 }], loss: 'l2' as never }), OptionError, /expected one of 'mse', 'mae'/, /got 'l2'/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 1 }], init: 'xavier' as never }), OptionError, /init: expected one of 'zeros', 'uniform', 'glorot', 'he', got 'xavier'/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 1 }], task: 'ranking' as never }), OptionError, /task/);
    expectError(() => reg().fit(X, [1, 2, 3, 4], { optimizer: 'rmsprop' as never }), OptionError, /optimizer: expected one of 'sgd', 'momentum', 'adam', got 'rmsprop'/);
    expectError(() => new MLP({ inputs: 2, layers: [{ type: 'conv' as never, units: 1 }] }), OptionError, /type: expected one of 'dense', 'maxout'/);
  });

  it.each([[0], [-0.1], [NaN], [Infinity], ['0.1']])('learning rate %p: OptionError', (lr) => {
    expectError(() => reg().fit(X, [1, 2, 3, 4], { learningRate: lr as number }), OptionError, /learningRate: expected a finite number > 0, got/);
  });

  it.each([[0], [-1], [2.5], [NaN]])('batch size %p: OptionError', (b) => {
    expectError(() => reg().fit(X, [1, 2, 3, 4], { batchSize: b }), OptionError, /batchSize: expected an integer ≥ 1, got/);
  });

  it.each([[0], [-3], [1.5], ['10']])('epochs %p: OptionError', (e) => {
    expectError(() => reg().fit(X, [1, 2, 3, 4], { epochs: e as number }), OptionError, /epochs: expected an integer ≥ 1, got/);
  });

  it('bad architectures: OptionError', () => {
    expectError(() => new MLP({ inputs: 0, layers: [{ units: 1 }] }), OptionError, /inputs: expected an integer ≥ 1, got 0/);
    expectError(() => new MLP({ inputs: 2, layers: [] }), OptionError, /layers: expected a non-empty list/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 2.5 }] }), OptionError, /layers\[0\].units: expected an integer ≥ 1, got 2.5/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 1, activation: 'softmax' }] }), OptionError, /softmax output layer needs at least 2 units/);
    expectError(() => reg().fit(X, [1, 2, 3, 4], { momentum: 1.5 }), OptionError, /momentum: expected a number in \[0, 1\), got 1.5/);
    expectError(() => new MLP({ inputs: 2, layers: [{ units: 1 }], seed: NaN }), OptionError, /seed: expected a finite number or a string, got NaN/);
  });
});

describe('the building blocks of an MLP check their arguments', () => {
  it('layers refuse sizes that are not positive integers up to MAX_UNITS, and a piece that does not exist', () => {
    expect(() => new DenseLayer(0, 3)).toThrow(/DenseLayer: inputs: expected an integer ≥ 1, got 0/);
    expect(() => new DenseLayer(2, '3' as unknown as number)).toThrow(OptionError);
    expect(() => new MaxoutLayer(2, 3, 8.6e169)).toThrow(/MaxoutLayer: pieces: expected an integer ≤ 100/);
    expect(() => new MaxoutLayer(2, 3, 2).piece(2)).toThrow(/MaxoutLayer.piece: p: expected an integer ≤ 1, got 2/);
    expect(new MaxoutLayer(2, 3, 2).piece(1).W.shape).toEqual([2, 3]);
  });
  it('initWeights, createOptimizer and History refuse what would silently give NaN or nothing', () => {
    const w = new Float64Array(6);
    expect(() => initWeights('he', w, 0, 3, seededRng(1))).toThrow(/initWeights: fanIn: expected an integer ≥ 1, got 0/);
    expect(() => initWeights('nope' as 'he', w, 2, 3, seededRng(1))).toThrow(OptionError);
    expect(() => initWeights('he', w, 2, 3, null as unknown as Rng)).toThrow(/initWeights: rng: expected an Rng/);
    expect(() => createOptimizer('adam', [], 0.9)).toThrow(/createOptimizer: params: expected a non-empty list of Float64Arrays/);
    expect(() => createOptimizer('adam', [w], 1)).toThrow(/createOptimizer: momentum: expected 0 ≤ μ < 1, got 1/);
    expect(() => new History('0.1' as unknown as number)).toThrow(/History: learningRate: expected a finite number > 0/);
  });
  it('mlpRegressor checks huberDelta, and refuses it beside another loss', () => {
    expect(() => mlpRegressor({ inputs: 2, loss: 'huber', huberDelta: NaN })).toThrow(/mlpRegressor: huberDelta: expected a finite number > 0, got NaN/);
    expect(() => mlpRegressor({ inputs: 2, huberDelta: 2 })).toThrow(/huberDelta: expected only with loss: 'huber', got it with loss: 'mse'/);
    expect(mlpRegressor({ inputs: 2, loss: 'huber', huberDelta: 2 }).toJSON().loss).toEqual({ name: 'huber', params: { delta: 2 } });
  });
});
