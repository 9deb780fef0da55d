/**
 * The census's huge cases: every bad value flagged `huge` (sizes such as 8.6e169 or 1e9, a label
 * of 1e9), plus 10⁷-row calls that must work or refuse. Each would hang or exhaust memory if
 * accepted, so they run in child processes with memory and time limits (huge.test.ts).
 */
import * as api from '../../../src';
import { Case, casesOf } from './census';
import { ENTRIES } from './registry';

/** 10⁷ rows: the functions that must work at this size or refuse. */
const ROWS = 10_000_000;
const labels = () => {
  const y = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) y[i] = i % 3;
  return y;
};
const column = () => {
  const x = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) x[i] = i % 7;
  return new api.Matrix(ROWS, 1, x);
};

const large: { name: string; call: () => unknown }[] = [
  { name: 'trainTestSplit at 10⁷ rows', call: () => api.trainTestSplit(column(), labels(), { testSize: 0.2 }).XTest.length },
  { name: 'trainTestSplit at 10⁷ rows, stratified', call: () => api.trainTestSplit(column(), labels(), { testSize: 0.2, stratify: true }).XTest.length },
  { name: 'oneHot at 10⁷ rows', call: () => api.oneHot(labels()).length },
  { name: 'accuracy at 10⁷ rows', call: () => api.accuracy(labels(), labels()) },
  { name: 'r2Score at 10⁷ rows', call: () => api.r2Score(labels(), labels().map((v) => v + 0.1)) },
  { name: 'confusionMatrix at 10⁷ rows', call: () => api.confusionMatrix(labels(), labels()) },
  { name: 'confusionMatrixPlot at 10⁷ rows', call: () => typeof api.confusionMatrixPlot({ yTrue: labels(), yPred: labels() }) },
  { name: 'softmax of a 10⁷-wide row', call: () => api.softmax(new Float64Array(ROWS)).length },
];

/** Every huge case, with a stable id. */
export function hugeCases(): { id: string; run: () => Case | (() => unknown) }[] {
  const out: { id: string; run: () => Case | (() => unknown) }[] = [];
  for (const entry of ENTRIES) {
    for (const c of casesOf(entry)) {
      if (c.bad?.huge) out.push({ id: `${entry.name} · ${c.slot} = ${c.bad.label}`, run: () => c });
    }
  }
  for (const l of large) out.push({ id: l.name, run: () => l.call });
  return out;
}
