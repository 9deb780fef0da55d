// The report files: whatever the student printed, the files stay valid and bounded, and
// the points come from the manifest only.
import { buildReport, cleanText, failureText } from '../../grader/report';
import { csvField, gradescopeJson, junitXml, scoreTable } from '../../grader/writers';
import type { Manifest } from '../../grader/manifest';
import { crc32, zipBytes } from '../../grader/zip';

const manifest: Manifest = {
  exercises: {
    demo: {
      title: 'Demo',
      tests: {
        'demo.a': { points: 2, visibility: 'visible' },
        'demo.b': { points: 3, visibility: 'visible' },
        'demo.c': { points: 5, visibility: 'after_due_date' },
      },
    },
  },
};
const nasty = 'bad \u0000\u0007 ]]> <x> & \u001b[31mred\u001b[0m \ud800 ' + 'q'.repeat(100000);

describe('buildReport', () => {
  it('scores from the manifest: passed earns its points, failed and not-run earn 0', () => {
    const r = buildReport(manifest, {
      testResults: [{ name: '/x/demo.test.ts', status: 'failed', assertionResults: [
        { title: '[demo.a] a', status: 'passed' },
        { title: '[demo.b] b', status: 'failed', failureMessages: ['GradeMismatch: f(1): expected 1, received 0\nHint: add the bias\n    at Object.<anonymous> (test/graded/demo.test.ts:3:4)'] },
        { title: '[demo.zzz] not in the manifest', status: 'passed' },
      ] }],
    });
    expect(r.score).toBe(2);
    expect(r.maxScore).toBe(10);
    expect(r.tests.map((t) => [t.id, t.status, t.score])).toEqual([['demo.a', 'passed', 2], ['demo.b', 'failed', 0], ['demo.c', 'not run', 0]]);
    expect(r.tests[1].output).toBe('f(1): expected 1, received 0\nHint: add the bias');
    expect(r.exercises[0].firstFailure).toBe('[demo.b] f(1): expected 1, received 0 — add the bias');
  });

  it('gives every test 0 "not run" with the reason when jest produced nothing', () => {
    const r = buildReport(manifest, undefined, { runProblem: 'the grading run was stopped after 120 s' });
    expect(r.score).toBe(0);
    expect(r.tests.every((t) => t.output === 'not run: the grading run was stopped after 120 s')).toBe(true);
  });

  it('leaves the hidden tests out of the student view, and says which tests each total counts', () => {
    expect(buildReport(manifest, undefined, { hidden: false }).maxScore).toBe(5);
    expect(buildReport(manifest, undefined, { hidden: false }).counts).toBe('public tests');
    expect(buildReport(manifest, undefined).counts).toBe('public and hidden tests');
    expect(scoreTable(buildReport(manifest, undefined))).toMatch(/\ntotal\s+0\s+10  \(public and hidden tests\)/);
  });
});

describe('the writers', () => {
  const r = buildReport(manifest, { testResults: [{ name: 'demo.test.ts', assertionResults: [{ title: '[demo.a] a', status: 'failed', failureMessages: [nasty] }] }] });

  it('strip control characters and ANSI codes, cut long output, escape XML', () => {
    const x = junitXml(r);
    expect(x).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\ud800/);
    expect(x).not.toContain(']]>');
    expect(x).toContain(']]&gt; &lt;x&gt; &amp; red');
    expect(x.length).toBeLessThan(20000);
    expect(cleanText('a\u001b[1;31mb\u001b[0m\u0000c')).toBe('abc');
    expect(failureText(['x\n    at f (node_modules/jest/a.js:1:1)\n    at g (exercises/tlu.ts:3:4)'])).toBe('x\n    at g (exercises/tlu.ts:3:4)');
  });

  it('write Gradescope JSON with finite numbers, statuses and visibilities', () => {
    const j = JSON.parse(gradescopeJson(r));
    expect(j.score).toBe(0);
    expect(j.tests.map((t: { name: string; status: string; visibility: string; max_score: number }) => [t.name, t.status, t.visibility, t.max_score])).toEqual([
      ['[demo.a] a', 'failed', 'visible', 2],
      ['[demo.b]', 'failed', 'visible', 3],
      ['[demo.c]', 'failed', 'after_due_date', 5],
    ]);
    expect(j.tests[0].output.length).toBeLessThan(3200);
  });

  it('neutralise spreadsheet formulas and quote CSV fields', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(2.5)).toBe('2.5');
  });

  it('print a score table with the first failing test and its message', () => {
    expect(scoreTable(r)).toMatch(/^exercise\s+points\s+max\s+first failing test\n-+\ndemo\s+0\s+10\s+\[demo\.a\]/);
  });
});

describe('the zip writer', () => {
  it('computes the standard CRC-32 and writes signatures, names and Unix modes', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const z = zipBytes([{ name: 'run_autograder', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 }]);
    expect(z.readUInt32LE(0)).toBe(0x04034b50);
    expect(z.includes(Buffer.from('run_autograder'))).toBe(true);
    expect(z.readUInt32LE(z.length - 22)).toBe(0x06054b50);
  });
});
