// Writes OUT/report.html (with vega, vega-lite and vega-embed copied beside it, so it opens
// offline from file://) and OUT/<student>/feedback.html, from the grader's OUT/<student>/results.json.
import { VEGA_SCRIPTS, scriptTags, vegaScriptPath } from '../../src/io/display/html';
import type { ClassSummary, ResultsJson, StudentResults } from './summary';
import { summarise } from './summary';
import { classReportHtml, feedbackHtml } from './page';
import { writeAtomic } from '../writers';

/** Every OUT/<folder>/results.json; `names` maps a folder to the student's name (default: the folder). */
export function readClass(outDir: string, names: Record<string, string> = {}): StudentResults[] {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const out: StudentResults[] = [];
  for (const d of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const file = path.join(outDir, d.name, 'results.json');
    if (!fs.existsSync(file)) continue;
    try {
      out.push({ student: names[d.name] ?? d.name, folder: d.name, results: JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsJson });
    } catch {
      /* a results file that cannot be read: the gradebook still lists the student */
    }
  }
  return out;
}

/** Writes the class report of a graded folder; returns its path, the summary and the number of plots. */
export function writeClassReport(outDir: string, o: { names?: Record<string, string>; generated?: string } = {}): { file: string; summary: ClassSummary; plots: number } {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const students = readClass(outDir, o.names);
  const summary = summarise(students);
  for (const s of students) writeAtomic(path.join(outDir, s.folder, 'feedback.html'), feedbackHtml(s.student, s.results));
  for (const s of VEGA_SCRIPTS) fs.copyFileSync(vegaScriptPath(s), path.join(outDir, s.name));
  const { html, plots } = classReportHtml(summary, scriptTags('relative', '.'), o.generated ?? new Date().toISOString());
  const file = path.join(outDir, 'report.html');
  writeAtomic(file, html);
  return { file, summary, plots };
}
