// The class report's HTML (report.html) and each student's feedback page, as strings.
import { embedBlock, escapeHtml, htmlPage } from '../../src/io/display/html';
import type { ClassSummary, ResultsJson } from './summary';
import { brokenFiles, missingWork, slowCalls } from './summary';
import { exerciseScorePlot, passRatePlot, totalScorePlot } from './plots';

const pct = (x: number) => `${Math.round(100 * x)} %`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const href = (folder: string, file: string) => `./${encodeURIComponent(folder)}/${file}`;

const EXTRA_STYLE = `<style>
  td.num, th.num { text-align: right; }
  tr.low td { background: #fff3e6; }
  details pre { white-space: pre-wrap; max-width: 60rem; font-size: 0.85rem; }
  .none { color: #555; font-style: italic; }
</style>`;

/** The body of report.html (the plots are vega-embed blocks; `scripts` loads vega). */
export function classReportHtml(c: ClassSummary, scripts: string, generated: string): { html: string; plots: number } {
  const b: string[] = [];
  const n = c.students.length;
  const mean = n ? c.students.reduce((a, s) => a + s.score, 0) / n : 0;
  const max = Math.max(0, ...c.students.map((s) => s.maxScore));
  b.push('<h1>Class report</h1>');
  b.push(`<p>${n} students graded; mean score ${num(Math.round(mean * 10) / 10)} of ${num(max)}. Generated ${escapeHtml(generated)}.</p>`);
  b.push('<nav><a href="#scores">Scores</a> · <a href="#mistakes">Common mistakes</a> · <a href="#missing">Not handed in</a> · <a href="#broken">Compile and type errors</a> · <a href="#slow">Close to the time limit</a> · <a href="#students">Students</a></nav>');

  b.push('<h2 id="scores">Scores</h2>');
  const plots = [totalScorePlot(c), exerciseScorePlot(c), passRatePlot(c)];
  b.push(embedBlock('plot-total', plots[0]), embedBlock('plot-exercises', plots[1]));

  b.push('<h2 id="mistakes">Common mistakes</h2>');
  b.push('<p>Each test’s pass rate across the class, lowest first, with the failure the most students saw (its hint, as they read it). “Not implemented” counts students whose function still throws the starter’s error.</p>');
  b.push(embedBlock('plot-pass-rate', plots[2]));
  b.push('<table id="tests"><thead><tr><th>test</th><th>exercise</th><th class="num">passing</th><th>most common mistake</th><th class="num">not implemented</th></tr></thead><tbody>');
  for (const t of c.tests) {
    const m = t.mistakes[0];
    const more = t.mistakes.length > 1 ? `<details><summary>${t.mistakes.length - 1} other failure(s)</summary><ul>${t.mistakes.slice(1).map((x) => `<li>${pct(x.share)}: ${escapeHtml(x.text)}</li>`).join('')}</ul></details>` : '';
    b.push(
      `<tr${t.passRate < 0.5 ? ' class="low"' : ''}><td><code>${escapeHtml(t.id)}</code>${t.visibility !== 'visible' ? ' (hidden)' : ''}</td><td>${escapeHtml(t.exercise)}</td>` +
        `<td class="num">${pct(t.passRate)}</td><td>${m ? `${pct(m.share)} ${escapeHtml(m.text)}` : `<span class="none">${t.passed < t.students ? 'only functions not written yet' : 'none'}</span>`}${more}</td><td class="num">${t.notImplemented}</td></tr>`,
    );
  }
  b.push('</tbody></table>');

  b.push('<h2 id="missing">Not handed in</h2>');
  const missing = missingWork(c);
  b.push(
    missing.length
      ? `<table id="missing-work"><thead><tr><th>exercise</th><th class="num">students</th><th>who</th></tr></thead><tbody>${missing.map((m) => `<tr><td>${escapeHtml(m.exercise)}</td><td class="num">${m.students.length}</td><td>${m.students.map(escapeHtml).join(', ')}</td></tr>`).join('')}</tbody></table>`
      : '<p class="none">Every student handed in a file for every exercise.</p>',
  );

  b.push('<h2 id="broken">Compile and type errors</h2>');
  const broken = brokenFiles(c);
  b.push(
    broken.length
      ? `<table id="broken-files"><thead><tr><th>student</th><th>exercise</th><th>problem</th></tr></thead><tbody>${broken
          .map((x) => `<tr><td><a href="${href(x.folder, 'feedback.html')}">${escapeHtml(x.student)}</a></td><td>${escapeHtml(x.exercise)}</td><td><details><summary>${x.kind}: ${escapeHtml(x.message.split('\n')[0])}</summary><pre>${escapeHtml(x.message)}</pre></details></td></tr>`)
          .join('')}</tbody></table><p>A file that does not compile scores 0; a file with type errors still runs (the grader strips the types).</p>`
      : '<p class="none">Every file compiles without type errors.</p>',
  );

  b.push('<h2 id="slow">Close to the time limit</h2>');
  const slow = slowCalls(c);
  b.push(
    slow.length
      ? `<table id="slow-calls"><thead><tr><th>student</th><th>exercise</th><th>call</th><th class="num">time</th><th class="num">limit</th><th></th></tr></thead><tbody>${slow
          .map((x) => `<tr><td>${escapeHtml(x.student)}</td><td>${escapeHtml(x.exercise)}</td><td><code>${escapeHtml(x.fn)}()</code></td><td class="num">${(x.ms / 1000).toFixed(2)} s</td><td class="num">${(x.limitMs / 1000).toFixed(1)} s</td><td>${x.timedOut ? 'stopped at the limit' : pct(x.ms / x.limitMs) + ' of it'}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p class="none">No call came within half of its time limit.</p>',
  );

  b.push('<h2 id="students">Students</h2>');
  b.push(`<table id="student-list"><thead><tr><th>student</th><th class="num">score</th>${c.exercises.map((e) => `<th class="num" title="${escapeHtml(e.title)}">${escapeHtml(e.name)}</th>`).join('')}</tr></thead><tbody>`);
  for (const s of c.students) {
    const cells = c.exercises.map((e) => {
      const x = s.exercises.find((y) => y.name === e.name);
      if (!x) return '<td class="num">–</td>';
      const mark = x.compileError ? ' ✗' : x.handedIn === false ? ' ∅' : '';
      return `<td class="num">${num(x.score)}${mark}</td>`;
    });
    b.push(`<tr><td><a href="${href(s.folder, 'feedback.html')}">${escapeHtml(s.student)}</a></td><td class="num">${num(s.score)} / ${num(s.maxScore)}</td>${cells.join('')}</tr>`);
  }
  b.push('</tbody></table><p>∅ handed in nothing for the exercise; ✗ the file does not compile. Each name links to the student’s own feedback.</p>');
  return { html: htmlPage('annlab: class report', b.join('\n'), `${scripts}\n${EXTRA_STYLE}`), plots: plots.length };
}

/** A student's own feedback page: the score per exercise and every failed test with its message. */
export function feedbackHtml(student: string, r: ResultsJson): string {
  const b: string[] = [`<h1>Feedback for ${escapeHtml(student)}</h1>`, `<p><a href="../report.html">← class report</a> · <a href="./report.txt">report.txt</a> · <a href="./results.json">results.json</a></p>`];
  const tests = r.tests ?? [];
  const max = tests.reduce((a, t) => a + (t.max_score ?? 0), 0);
  b.push(`<p>Score ${num(r.score ?? 0)} / ${num(max)}.</p>`);
  b.push('<table><thead><tr><th>test</th><th class="num">points</th><th>result</th></tr></thead><tbody>');
  for (const t of tests) {
    const ok = t.status === 'passed';
    b.push(
      `<tr><td>${escapeHtml(t.name ?? '')}</td><td class="num">${num(t.score ?? 0)} / ${num(t.max_score ?? 0)}</td><td>${ok ? 'passed' : `<details><summary>${escapeHtml((t.output ?? 'failed').split('\n')[0])}</summary><pre>${escapeHtml(t.output ?? '')}</pre></details>`}</td></tr>`,
    );
  }
  b.push('</tbody></table>');
  return htmlPage(`annlab: feedback for ${student}`, b.join('\n'), EXTRA_STYLE);
}
