import { accuracy, r2Score, confusionMatrix } from '../../../src/engine/metrics';
import { InputError, ShapeError } from '../../../src/engine/errors';

describe('accuracy', () => {
  it('is the fraction of equal labels', () => {
    expect(accuracy([0, 1, 2, 1], [0, 1, 1, 1])).toBe(0.75);
    expect(accuracy([1], [1])).toBe(1);
  });
  it('refuses lists of different lengths with a ShapeError naming both', () => {
    expect(() => accuracy([0, 1], [0])).toThrow(ShapeError);
    expect(() => accuracy([0, 1], [0])).toThrow(/yTrue has 2 values but yPred has 1/);
  });
  it('refuses empty lists and NaN', () => {
    expect(() => accuracy([], [])).toThrow(InputError);
    expect(() => accuracy([NaN], [0])).toThrow(/yTrue\[0\] is NaN/);
  });
});

describe('r2Score', () => {
  it('is 1 for perfect predictions and 0 for predicting the mean', () => {
    expect(r2Score([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2Score([1, 2, 3], [2, 2, 2])).toBe(0);
  });
  it('matches 1 − SS_res/SS_tot (scikit-learn: r2_score([3, -0.5, 2, 7], [2.5, 0, 2, 8]) = 0.9486…)', () => {
    expect(r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])).toBeCloseTo(0.9486081370449679, 12);
  });
  it('is negative for predictions worse than the mean', () => {
    expect(r2Score([1, 2, 3], [3, 2, 1])).toBeLessThan(0);
  });
});

describe('confusionMatrix', () => {
  it('counts true classes in rows and predicted classes in columns', () => {
    expect(confusionMatrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0])).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });
  it('takes the number of classes, for classes never seen', () => {
    expect(confusionMatrix([0], [0], 3)).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
  it('refuses labels that are not class indices', () => {
    expect(() => confusionMatrix([0, 1.5], [0, 1])).toThrow(InputError);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/integers in 0..2, but yTrue\[1\] is 3/);
  });
});

describe('accuracy compares class labels', () => {
  it('takes labels 0, 1, 2, … and the −1/+1 of a sign perceptron', () => {
    expect(accuracy([-1, 1, 1], [-1, -1, 1])).toBeCloseTo(2 / 3);
  });
  it('refuses a float (a probability or a regression value) and a label beyond MAX_CLASSES', () => {
    expect(() => accuracy([0, 1], [0.5, 1])).toThrow(/accuracy: expected class labels \(integers from 0 to 9999, or −1\/\+1\), but yPred\[0\] is 0.5/);
    expect(() => accuracy([1e9], [0])).toThrow(InputError);
    expect(() => accuracy([-2], [0])).toThrow(InputError);
  });
});
