/**
 * The MLP on the course's real tables, on held-out test sets (seeds stated in each test):
 * iris accuracy ≥ 0.9, digits accuracy ≥ 0.9, diabetes R² ≥ 0.4. Inputs are standardised with
 * statistics of the training part only (digits: pixels / 16), the diabetes target too.
 */
import { trainTestSplit, standardize } from '../../../src/engine/data';
import { loadIris, loadDigits, loadDiabetes } from '../../../src/io/data-files';
import { mlpClassifier, mlpRegressor } from '../../../src/engine/mlp';

describe('MLP on real data (held-out splits)', () => {
  it('iris: accuracy ≥ 0.9 (split seed 42, stratified, 25 % test; model seed 1)', () => {
    const d = loadIris();
    const s = trainTestSplit(d.X, d.y, { testSize: 0.25, seed: 42, stratify: true });
    const { XTrain, XTest } = standardize(s.XTrain, s.XTest);
    const m = mlpClassifier({ inputs: 4, classes: 3, hidden: [16], seed: 1 });
    const h = m.fit(XTrain, s.yTrain, { epochs: 50, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 1 });
    expect(h.status).toBe('completed');
    expect(m.score(XTest!, s.yTest)).toBeGreaterThanOrEqual(0.9);
  });

  it('digits: accuracy ≥ 0.9 (split seed 42, stratified, 25 % test; model seed 1)', () => {
    const d = loadDigits();
    const s = trainTestSplit(d.X, d.y, { testSize: 0.25, seed: 42, stratify: true });
    const scale = (X: number[][]) => X.map((r) => r.map((v) => v / 16));
    const m = mlpClassifier({ inputs: 64, classes: 10, hidden: [64], seed: 1 });
    m.fit(scale(s.XTrain), s.yTrain, { epochs: 20, batchSize: 32, learningRate: 0.005, optimizer: 'adam', seed: 1 });
    expect(m.score(scale(s.XTest), s.yTest)).toBeGreaterThanOrEqual(0.9);
  });

  it('diabetes: R² ≥ 0.4 (split seed 42, 25 % test; model seed 1)', () => {
    const d = loadDiabetes();
    const s = trainTestSplit(d.X, d.y, { testSize: 0.25, seed: 42 });
    const { XTrain, XTest } = standardize(s.XTrain, s.XTest);
    const mean = s.yTrain.reduce((a, b) => a + b, 0) / s.yTrain.length;
    const std = Math.sqrt(s.yTrain.reduce((a, b) => a + (b - mean) ** 2, 0) / s.yTrain.length);
    const yTrain = s.yTrain.map((v) => (v - mean) / std);
    const yTest = s.yTest.map((v) => (v - mean) / std);
    const m = mlpRegressor({ inputs: 10, hidden: [8], seed: 1 });
    m.fit(XTrain, yTrain, { epochs: 50, batchSize: 32, learningRate: 0.005, optimizer: 'adam', seed: 1 });
    expect(m.score(XTest!, yTest)).toBeGreaterThanOrEqual(0.4);
  });
});
