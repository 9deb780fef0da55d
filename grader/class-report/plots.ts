// The class report's plots: vega-lite v5 specs built from a ClassSummary (plain data, no I/O).
import type { PlotSpec } from '../../src/engine/plots/common';
import { PALETTE, topLevel } from '../../src/engine/plots/common';
import type { ClassSummary } from './summary';

/** An axis of student counts: whole numbers only (at most `n` students in a bar). */
function countAxis(n: number): Record<string, unknown> {
  return { format: 'd', tickCount: Math.max(1, Math.min(5, n)) };
}

/** Histogram of the students' total scores. */
export function totalScorePlot(c: ClassSummary): PlotSpec {
  const max = Math.max(1, ...c.students.map((s) => s.maxScore));
  const values = c.students.map((s) => ({ student: s.student, score: s.score }));
  const mean = values.length ? values.reduce((a, v) => a + v.score, 0) / values.length : 0;
  return topLevel(
    {
      width: 520,
      height: 220,
      data: { values },
      mark: { type: 'bar', color: PALETTE[0], tooltip: true },
      encoding: {
        x: { field: 'score', type: 'quantitative', bin: { extent: [0, max], step: Math.max(1, Math.ceil(max / 20)) }, title: `total score (of ${max})` },
        y: { aggregate: 'count', type: 'quantitative', title: 'students', axis: countAxis(values.length) },
      },
    },
    'Total scores',
    `Histogram of the total scores of ${values.length} students out of ${max} points; mean ${mean.toFixed(1)}.`,
    `${values.length} students, mean ${mean.toFixed(1)} of ${max}`,
  );
}

/** One histogram per exercise of the share of its points each student earned. */
export function exerciseScorePlot(c: ClassSummary): PlotSpec {
  const order = c.exercises.map((e) => e.name);
  const values = c.students.flatMap((s) => s.exercises.map((e) => ({ student: s.student, exercise: e.name, percent: e.maxScore ? (100 * e.score) / e.maxScore : 0 })));
  return topLevel(
    {
      data: { values },
      facet: { field: 'exercise', type: 'nominal', sort: order, title: null },
      columns: 3,
      spec: {
        width: 200,
        height: 110,
        mark: { type: 'bar', color: PALETTE[2], tooltip: true },
        encoding: {
          x: { field: 'percent', type: 'quantitative', bin: { extent: [0, 100], step: 10 }, title: '% of the exercise’s points' },
          y: { aggregate: 'count', type: 'quantitative', title: 'students', axis: countAxis(c.students.length) },
        },
      },
      resolve: { scale: { y: 'shared' } },
    },
    'Scores per exercise',
    `For each of ${order.length} exercises, a histogram of the share of its points that each of ${c.students.length} students earned.`,
  );
}

/** Each test's pass rate across the class, lowest first, coloured by exercise; the tooltip
 *  gives the most common mistake. */
export function passRatePlot(c: ClassSummary): PlotSpec {
  const values = c.tests.map((t) => ({
    test: t.id,
    exercise: t.exercise,
    passRate: Math.round(1000 * t.passRate) / 10,
    mistake: t.mistakes[0] ? `${Math.round(100 * t.mistakes[0].share)} %: ${t.mistakes[0].text}` : '',
    notImplemented: t.notImplemented,
  }));
  const worst = c.tests[0];
  return topLevel(
    {
      width: 520,
      height: { step: 14 },
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'test', type: 'nominal', sort: { field: 'passRate', order: 'ascending' }, title: null, axis: { labelLimit: 320 } },
        x: { field: 'passRate', type: 'quantitative', scale: { domain: [0, 100] }, title: '% of the class passing' },
        color: { field: 'exercise', type: 'nominal', sort: c.exercises.map((e) => e.name), title: 'exercise' },
        tooltip: [
          { field: 'test', title: 'test' },
          { field: 'passRate', title: '% passing' },
          { field: 'mistake', title: 'most common mistake' },
          { field: 'notImplemented', title: 'not implemented' },
        ],
      },
    },
    'Pass rate of each test',
    `Bars of the share of the class that passes each of ${values.length} tests, lowest first${worst ? `; the lowest is ${worst.id} at ${Math.round(100 * worst.passRate)} %` : ''}.`,
  );
}
