// The class report's summary and plots, on a small hand-made class: pass rates, the most
// common mistake with its share, missing work, broken files and slow calls; every plot
// compiles with vega-lite and names what it shows.
import * as vl from 'vega-lite';
import type { StudentResults } from '../../grader/class-report/summary';
import { brokenFiles, mistakeText, missingWork, slowCalls, summarise } from '../../grader/class-report/summary';
import { exerciseScorePlot, passRatePlot, totalScorePlot } from '../../grader/class-report/plots';
import { classReportHtml, feedbackHtml } from '../../grader/class-report/page';

const SIGN = 'perceptronUpdate: expected w = [0.5] but got [-0.5]\nHint: the error term is y − ŷ, not ŷ − y';
const t = (id: string, ex: string, passed: boolean, output = '', max = 1) => ({ name: `[${id}] does ${id}`, score: passed ? max : 0, max_score: max, status: passed ? 'passed' : 'failed', output, tags: [ex], visibility: 'visible' });
const outcome = (name: string, extra: Record<string, unknown> = {}) => ({ name, title: name.toUpperCase(), score: 0, maxScore: 0, firstFailure: '', handedIn: true, ...extra });

function student(name: string, tests: ReturnType<typeof t>[], exercises: ReturnType<typeof outcome>[]): StudentResults {
  return { student: name, folder: name, results: { score: tests.reduce((a, x) => a + x.score, 0), tests, extra_data: { annlab: { exercises: exercises as never } } } };
}

const CLASS: StudentResults[] = [
  student('ada', [t('p.sign', 'p', true), t('p.bias', 'p', true), t('q.one', 'q', true, '', 2)], [outcome('p'), outcome('q')]),
  student('bo', [t('p.sign', 'p', false, SIGN), t('p.bias', 'p', true), t('q.one', 'q', false, 'f is not implemented yet (notebook 2)', 2)], [outcome('p'), outcome('q', { handedIn: false })]),
  student('cy', [t('p.sign', 'p', false, SIGN.replace('0.5', '0.25')), t('p.bias', 'p', false, 'expected 1, got 2'), t('q.one', 'q', false, 'not run: does not compile', 2)], [
    outcome('p', { typeErrors: "exercises/p.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'." }),
    outcome('q', { compileError: "exercises/q.ts:1:9 - ')' expected." }),
  ]),
  student('dee', [t('p.sign', 'p', true), t('p.bias', 'p', false, 'f() did not return within 2 s'), t('q.one', 'q', true, '', 2)], [
    outcome('p', { slowCalls: [{ exercise: 'p', fn: 'f', ms: 2100, limitMs: 2000, timedOut: true }] }),
    outcome('q', { slowCalls: [{ exercise: 'q', fn: 'g', ms: 1200, limitMs: 2000, timedOut: false }] }),
  ]),
];

describe('the class summary', () => {
  const c = summarise(CLASS);

  it('gives each test its pass rate across the class, lowest first', () => {
    expect(c.tests.map((x) => [x.id, x.passed, x.students])).toEqual([
      ['p.bias', 2, 4], // 50 %: ties go by id
      ['p.sign', 2, 4],
      ['q.one', 2, 4],
    ]);
    expect(c.tests.map((x) => x.passRate)).toEqual([0.5, 0.5, 0.5]);
  });

  it('groups failures by the hint the students read; numbers in messages without a hint do not split a group', () => {
    const sign = c.tests.find((x) => x.id === 'p.sign')!;
    expect(sign.mistakes).toEqual([{ text: 'the error term is y − ŷ, not ŷ − y', students: 2, share: 0.5 }]);
    const q = c.tests.find((x) => x.id === 'q.one')!;
    expect(q.notImplemented).toBe(1);
    expect(mistakeText('expected 1.5e-3, got 2')).toBe(mistakeText('expected 7, got 0.25'));
  });

  it('scores per student and exercise, in name order', () => {
    expect(c.students.map((s) => [s.student, s.score, s.maxScore])).toEqual([
      ['ada', 4, 4],
      ['bo', 1, 4],
      ['cy', 0, 4],
      ['dee', 3, 4],
    ]);
    expect(c.exercises).toEqual([
      { name: 'p', title: 'P', maxScore: 2 },
      { name: 'q', title: 'Q', maxScore: 2 },
    ]);
  });

  it('lists missing work, broken files and calls close to their limit', () => {
    expect(missingWork(c)).toEqual([{ exercise: 'q', students: ['bo'] }]);
    expect(brokenFiles(c).map((b) => [b.student, b.exercise, b.kind])).toEqual([
      ['cy', 'p', 'type errors'],
      ['cy', 'q', 'does not compile'],
    ]);
    expect(slowCalls(c).map((s) => [s.student, s.fn, s.timedOut])).toEqual([
      ['dee', 'f', true],
      ['dee', 'g', false],
    ]);
  });

  it('reads results files without the extra data (an older grader) as "unknown", not as missing', () => {
    const old = summarise([{ student: 'x', folder: 'x', results: { score: 1, tests: [t('p.sign', 'p', true)] } }]);
    expect(old.students[0].exercises[0].handedIn).toBeUndefined();
    expect(missingWork(old)).toEqual([]);
  });
});

describe('the class report’s plots and page', () => {
  const c = summarise(CLASS);
  const plots = { total: totalScorePlot(c), exercises: exerciseScorePlot(c), passRate: passRatePlot(c) };

  it.each(Object.entries(plots))('%s: compiles with vega-lite and describes itself', (_name, spec) => {
    expect(() => vl.compile(spec as vl.TopLevelSpec)).not.toThrow();
    expect((spec as { description: string }).description.length).toBeGreaterThan(30);
  });

  it('the pass-rate plot holds one bar per test with its most common mistake', () => {
    const values = (plots.passRate as unknown as { data: { values: { test: string; passRate: number; mistake: string }[] } }).data.values;
    expect(values.map((v) => v.test)).toEqual(['p.bias', 'p.sign', 'q.one']);
    expect(values[1]).toMatchObject({ passRate: 50, mistake: '50 %: the error term is y − ŷ, not ŷ − y' });
  });

  it('the page has every section, a link to each student’s feedback, and escapes what students wrote', () => {
    const evil = summarise([...CLASS, student('<img src=x onerror=alert(1)>', [t('p.sign', 'p', false, 'Hint: </script><b>')], [outcome('p')])]);
    const { html, plots: n } = classReportHtml(evil, '', '2026-11-30');
    expect(n).toBe(3);
    for (const id of ['scores', 'mistakes', 'missing', 'broken', 'slow', 'students']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<a href="./ada/feedback.html">ada</a>');
    expect(html).toContain('40 % the error term is y − ŷ, not ŷ − y'); // 2 of 5 students
    expect(html).not.toMatch(/<img src=x|<b>/);
    expect(feedbackHtml('<i>', { score: 0, tests: [t('p.sign', 'p', false, '<script>')] })).not.toMatch(/<i>|<script>/);
  });
});
