import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadIris, loadDigits, loadDiabetes, dataFilePath, InputError } from '../../src';

describe('loadIris', () => {
  it('reads 150 flowers with 4 measurements and 3 species, 50 each', () => {
    const d = loadIris();
    expect(d.X).toHaveLength(150);
    expect(d.X.every((r) => r.length === 4)).toBe(true);
    expect(d.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(d.targetName).toBe('species');
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([0, 1, 2].map((c) => d.y.filter((v) => v === c).length)).toEqual([50, 50, 50]);
    expect(d.X[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
  });
});

describe('loadDigits', () => {
  it('reads 1797 images of 8×8 pixels with values 0–16 and labels 0–9', () => {
    const d = loadDigits();
    expect(d.X).toHaveLength(1797);
    expect(d.X.every((r) => r.length === 64 && r.every((v) => v >= 0 && v <= 16))).toBe(true);
    expect(d.featureNames[63]).toBe('p63');
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(d.y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(d.y.slice(0, 3)).toEqual([0, 1, 2]);
  });
});

describe('loadDiabetes', () => {
  it('reads 442 patients with 10 variables and a numeric target', () => {
    const d = loadDiabetes();
    expect(d.X).toHaveLength(442);
    expect(d.featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(d.targetName).toBe('progression');
    expect(d.y[0]).toBe(151);
    expect(d.classNames).toBeUndefined();
  });
});

describe('the loaders', () => {
  it('find data/ from their own folder, whatever the working directory', () => {
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      expect(dataFilePath('iris.csv')).toBe(path.resolve(__dirname, '..', '..', 'data', 'iris.csv'));
      expect(loadIris().X).toHaveLength(150);
    } finally {
      process.chdir(cwd);
    }
  });

  it('read another file when given a path, and say which file they could not read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-'));
    const file = path.join(dir, 'mini.csv');
    fs.writeFileSync(file, 'sepal_length,sepal_width,petal_length,petal_width,species\n1,2,3,4,virginica\n');
    try {
      expect(loadIris({ path: file })).toMatchObject({ X: [[1, 2, 3, 4]], y: [2] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(() => loadIris({ path: path.join(dir, 'missing.csv') })).toThrow(InputError);
    expect(() => loadIris({ path: path.join(dir, 'missing.csv') })).toThrow('loadIris: cannot read');
    expect(() => dataFilePath('nothing.csv')).toThrow('cannot find data/nothing.csv: expected it in');
  });
});
