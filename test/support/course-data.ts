/**
 * The course's data sets, read by the TEST process (the sandbox gets plain arrays), and a
 * seeded train/test split, so that every grading run sees the same rows.
 */
import * as fs from 'fs';
import * as path from 'path';
import { mulberry32 } from './oracles';

/** A table read from data/*.csv: numeric features, a target column, and class names when the target is text. */
export interface Table {
  X: number[][];
  y: number[];
  classNames?: string[];
}

/** Reads data/<name>.csv; the last column is the target (text targets become class indices in order of appearance). */
export function loadTable(name: 'iris' | 'digits' | 'diabetes'): Table {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'data', `${name}.csv`), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const last = rows[0].length - 1;
  const numericTarget = rows.every((r) => Number.isFinite(Number(r[last])));
  const classNames: string[] = [];
  const y = rows.map((r) => {
    if (numericTarget) return Number(r[last]);
    if (!classNames.includes(r[last])) classNames.push(r[last]);
    return classNames.indexOf(r[last]);
  });
  const X = rows.map((r) => r.slice(0, last).map(Number));
  return numericTarget ? { X, y } : { X, y, classNames };
}

/** A seeded shuffle-and-split: the first (1 − testSize) of a permutation trains, the rest tests. */
export function split(table: Table, testSize: number, seed: number): { XTrain: number[][]; yTrain: number[]; XTest: number[][]; yTest: number[] } {
  const rand = mulberry32(seed);
  const order = table.X.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTest = Math.round(order.length * testSize);
  const test = order.slice(0, nTest);
  const train = order.slice(nTest);
  return {
    XTrain: train.map((i) => table.X[i]), yTrain: train.map((i) => table.y[i]),
    XTest: test.map((i) => table.X[i]), yTest: test.map((i) => table.y[i]),
  };
}
