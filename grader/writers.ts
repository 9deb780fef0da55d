// A grade report in the formats that courses use: Gradescope's results.json, JUnit XML,
// a CSV gradebook row, and a console table. Every file is written atomically.
import type { GradeReport } from './report';
import { cleanText, typeErrorsText } from './report';

/** Writes a file atomically: a temporary file in the same folder, then rename. */
export function writeAtomic(file: string, content: string): void {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const crypto = require('crypto') as typeof import('crypto');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  // Remove whatever stands at the target (even a symlink or a folder planted there) first.
  fs.writeFileSync(tmp, content, { mode: 0o644 });
  try {
    const st = fs.lstatSync(file);
    if (st.isDirectory()) fs.rmSync(file, { recursive: true, force: true });
  } catch {
    /* nothing there */
  }
  fs.renameSync(tmp, file);
}

/** Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/). */
export function gradescopeJson(r: GradeReport): string {
  const tests = r.tests.map((t) => ({
    name: `[${t.id}] ${t.name === t.id ? '' : t.name}`.trim(),
    name_format: 'text',
    score: t.score,
    max_score: t.maxScore,
    status: t.status === 'passed' ? 'passed' : 'failed',
    output: t.status === 'passed' ? 'passed' : t.output,
    output_format: 'text',
    visibility: t.visibility,
    tags: [t.exercise],
  }));
  const lines = r.exercises.map((e) => `${e.name}: ${e.score} / ${e.maxScore}${e.compileError ? ' (does not compile)' : e.typeErrors ? ' (type errors)' : ''}`);
  const typeLines = r.exercises.flatMap((e) => (e.typeErrors ? ['', typeErrorsText(e.name, e.typeErrors)] : []));
  const out = {
    score: r.score,
    output: cleanText([`Score ${r.score} / ${r.maxScore}`, ...lines, ...typeLines].join('\n')),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    // For the lecturer's class report (not shown to students): each exercise's outcome and facts.
    extra_data: { annlab: { exercises: r.exercises, notes: r.notes } },
    tests,
  };
  return JSON.stringify(out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? 0 : v), 2) + '\n';
}

/** XML text content: escaped, control characters stripped (so `]]>` and `\u0000` are harmless). */
export function xmlText(s: string, maxChars = 4000): string {
  return cleanText(s, maxChars).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one testsuite per exercise, one testcase per manifest test. */
export function junitXml(r: GradeReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = r.tests.filter((t) => t.status !== 'passed').length;
  out.push(`<testsuites name="annlab" tests="${r.tests.length}" failures="${failures}">`);
  for (const e of r.exercises) {
    const ts = r.tests.filter((t) => t.exercise === e.name);
    const f = ts.filter((t) => t.status === 'failed').length;
    const s = ts.filter((t) => t.status === 'not run').length;
    out.push(`  <testsuite name="${xmlText(e.name)}" tests="${ts.length}" failures="${f}" skipped="${s}">`);
    out.push(`    <properties><property name="score" value="${e.score}"/><property name="max_score" value="${e.maxScore}"/></properties>`);
    for (const t of ts) {
      const attrs = `classname="${xmlText(e.name)}" name="${xmlText(`[${t.id}] ${t.name}`, 300)}"`;
      if (t.status === 'passed') {
        out.push(`    <testcase ${attrs}/>`);
      } else {
        const tag = t.status === 'not run' ? 'skipped' : 'failure';
        const first = xmlText(t.output.split('\n')[0] ?? '', 300);
        out.push(`    <testcase ${attrs}>`);
        out.push(`      <${tag} message="${first}">${xmlText(t.output)}</${tag}>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** A CSV field: quoted when needed, formula-leading characters neutralised (spreadsheet injection). */
export function csvField(v: string | number): string {
  let s = typeof v === 'number' ? String(v) : cleanText(v, 500).replace(/\n/g, ' ');
  if (typeof v === 'string' && /^[=+\-@\t]/.test(s)) s = `'${s}`;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header for a gradebook of these exercises. */
export function csvHeader(r: GradeReport): string {
  return ['student', 'score', 'max_score', ...r.exercises.map((e) => e.name)].map(csvField).join(',');
}

/** One gradebook row. */
export function csvRow(student: string, r: GradeReport): string {
  return [student, r.score, r.maxScore, ...r.exercises.map((e) => e.score)].map(csvField).join(',');
}

/** The console table: exercise, points, max, first failing test; then that test's hint in full. */
export function scoreTable(r: GradeReport, width = 100): string {
  const nameW = Math.max(8, ...r.exercises.map((e) => e.name.length));
  const rule = '-'.repeat(Math.min(width, nameW + 60));
  const rows = [`${'exercise'.padEnd(nameW)}  points    max  first failing test`, rule];
  const details: string[] = [];
  for (const e of r.exercises) {
    const first = e.compileError ? 'does not compile' : e.typeErrors ? `type errors${e.firstFailure ? ', ' + e.firstFailure.split(' ')[0] : ''}` : e.firstFailure ? e.firstFailure.split(' ')[0] : 'all tests pass';
    rows.push(`${e.name.padEnd(nameW)}  ${fmt(e.score).padStart(6)} ${fmt(e.maxScore).padStart(6)}  ${first}`);
    if (e.typeErrors) details.push(`${e.name}: exercises/${e.name}.ts has type errors (the tests ran on the code as written):`, ...indent(cleanText(e.typeErrors, 1000)));
    if (e.compileError) details.push(`${e.name}: exercises/${e.name}.ts does not compile:`, ...indent(cleanText(e.compileError, 1000)));
    else if (e.firstFailure) details.push(`${e.name}: ${e.firstFailure}`.replace(/ — /, '\n  Hint: ').split('\n').map((l, i) => (i ? l : l)).join('\n'));
  }
  rows.push(rule, `${'total'.padEnd(nameW)}  ${fmt(r.score).padStart(6)} ${fmt(r.maxScore).padStart(6)}  (${r.counts})`);
  if (details.length) rows.push('', 'What to fix first:', ...details.flatMap((d) => wrap(d, width)));
  for (const n of r.notes) rows.push(`note: ${cleanText(n, 300)}`);
  return rows.join('\n');
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => `  ${l}`);
}

/** Wraps long lines at spaces; continuation lines are indented. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    let prefix = '';
    while (rest.length + prefix.length > width) {
      const cut = rest.lastIndexOf(' ', width - prefix.length);
      const at = cut > 20 ? cut : width - prefix.length;
      out.push(prefix + rest.slice(0, at));
      rest = rest.slice(at).trimStart();
      prefix = '    ';
    }
    out.push(prefix + rest);
  }
  return out;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}
