// Checks shared by the supervisor tests: the files a grading run writes are valid.
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { GradeReport } from '../../grader/report';

/** Parses XML with Python's parser when present (a strict, independent check). */
export function xmlIsValid(file: string): boolean {
  const r = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', file], { encoding: 'utf8' });
  if (r.error) return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|]]>/.test(fs.readFileSync(file, 'utf8'));
  return r.status === 0;
}

/** results.json agrees with the report, has finite numbers and valid fields; junit.xml parses; one CSV row. */
export function checkFiles(outDir: string, r: GradeReport): void {
  const results = JSON.parse(fs.readFileSync(path.join(outDir, 'results.json'), 'utf8'));
  expect(results.score).toBe(r.score);
  expect(results.tests.reduce((s: number, t: { score: number }) => s + t.score, 0)).toBeCloseTo(r.score, 9);
  for (const t of results.tests) {
    expect(Number.isFinite(t.score) && Number.isFinite(t.max_score)).toBe(true);
    expect(['passed', 'failed']).toContain(t.status);
    expect(['visible', 'after_due_date']).toContain(t.visibility);
  }
  expect(xmlIsValid(path.join(outDir, 'junit.xml'))).toBe(true);
  expect(fs.readFileSync(path.join(outDir, 'results.csv'), 'utf8').trim().split('\n')).toHaveLength(2);
}

