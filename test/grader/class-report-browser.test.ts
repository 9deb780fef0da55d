// `npm run grade -- --submissions DIR --out OUT` on a synthetic class (the solutions, the
// starters, nothing at all, and deliberately broken solutions), then OUT/report.html in
// headless Chromium: every plot renders, no console error, nothing loaded from the network,
// and the page says what each kind of broken submission did. Exercise names come from the manifest.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { gradeSubmissions } from '../../grader/batch';
import { loadManifest } from '../../grader/manifest';
import type { ResultsJson } from '../../grader/class-report/summary';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const manifest = loadManifest(path.join(ROOT, 'grading', 'manifest.json'));
const [EX0, EX1] = Object.keys(manifest.exercises);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-class-report-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const solution = (ex: string) => fs.readFileSync(path.join(ROOT, 'solutions', `${ex}.ts`), 'utf8');
const starter = (ex: string) => fs.readFileSync(path.join(ROOT, 'exercises', `${ex}.ts`), 'utf8');
const firstFn = (ex: string) => (/export function (\w+)/.exec(solution(ex)) as RegExpExecArray)[1];
/** The solution with its first exported function replaced by `body` (same name, any arguments). */
const replaced = (ex: string, body: string) =>
  solution(ex).replace(new RegExp(`export function ${firstFn(ex)}\\b`), `function ${firstFn(ex)}Original`) +
  `\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport function ${firstFn(ex)}(..._args: any[]): any { ${body} }\n`;

/** student → files handed in */
const CLASS: Record<string, Record<string, string>> = {
  solved: { [`${EX0}.ts`]: solution(EX0), [`${EX1}.ts`]: solution(EX1) },
  starter: { [`${EX0}.ts`]: starter(EX0), [`${EX1}.ts`]: starter(EX1) },
  empty: {},
  'syntax-error': { [`${EX0}.ts`]: solution(EX0) + '\nexport const broken = ;\n', [`${EX1}.ts`]: solution(EX1) },
  'type-error': { [`${EX0}.ts`]: solution(EX0) + "\nexport const typed: number = 'one';\n" },
  'wrong-a': { [`${EX0}.ts`]: replaced(EX0, 'return -1;'), [`${EX1}.ts`]: solution(EX1) },
  'wrong-b': { [`${EX0}.ts`]: replaced(EX0, 'return -1;') },
  'endless-loop': { [`${EX0}.ts`]: replaced(EX0, 'for (;;) { /* never returns */ }'), [`${EX1}.ts`]: solution(EX1) },
};

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`class report: ${CHROMIUM} is absent, so the browser check is skipped (apt-get install chromium).`);

describe('the class report of a synthetic class', () => {
  const subs = path.join(tmp, 'submissions');
  const out = path.join(tmp, 'out');
  let reportFile = '';
  const results = (student: string) => JSON.parse(fs.readFileSync(path.join(out, student, 'results.json'), 'utf8')) as ResultsJson;

  beforeAll(async () => {
    for (const [student, files] of Object.entries(CLASS)) {
      fs.mkdirSync(path.join(subs, student, 'exercises'), { recursive: true });
      for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(subs, student, 'exercises', f), text);
    }
    const r = await gradeSubmissions(subs, { outDir: out, exercises: [EX0, EX1], jobs: 2, callTimeoutMs: 1000 });
    reportFile = r.classReport;
  }, 900000);

  it('writes OUT/report.html with the vega scripts beside it and a feedback page per student', () => {
    expect(reportFile).toBe(path.join(out, 'report.html'));
    for (const f of ['report.html', 'vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'gradebook.csv']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    for (const s of Object.keys(CLASS)) expect(fs.existsSync(path.join(out, s, 'feedback.html'))).toBe(true);
    expect(fs.readFileSync(reportFile, 'utf8')).not.toMatch(/src="https?:/);
  });

  it('the results files carry what the report needs: handed in, compile and type errors, slow calls', () => {
    const ex = (s: string, e: string) => results(s).extra_data?.annlab?.exercises?.find((x) => x.name === e);
    expect(ex('empty', EX0)?.handedIn).toBe(false);
    expect(ex('type-error', EX1)?.handedIn).toBe(false);
    expect(ex('starter', EX0)?.handedIn).toBe(true);
    expect(ex('syntax-error', EX0)?.compileError).toMatch(/Expression expected/);
    expect(ex('type-error', EX0)?.typeErrors).toMatch(/TS2322: Type 'string' is not assignable to type 'number'/);
    expect(ex('solved', EX0)?.typeErrors).toBeUndefined();
    // Every function of the file calls the looping one, so which call is listed first depends on the test order.
    expect(ex('endless-loop', EX0)?.slowCalls?.[0]).toMatchObject({ timedOut: true, limitMs: 1000 });
  });

  (haveChromium || process.env.CI ? it : it.skip)(
    'in Chromium: every plot renders, no console error, no network; the tables name each problem',
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
        page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
        page.on('request', (r) => requests.push(r.url()));
        await page.goto('file://' + reportFile);
        const rendered = () => page.$$eval('.vega-plot', (ds) => ds.length > 0 && ds.every((d) => d.querySelector('svg.marks') !== null));
        const deadline = Date.now() + 30000;
        while (!(await rendered()) && Date.now() < deadline) await page.waitForTimeout(100);
        expect(await page.$$eval('.vega-plot', (ds) => ds.map((d) => d.querySelectorAll('svg.marks').length))).toEqual([1, 1, 1]);
        // The pass-rate bars: one per test of the two exercises.
        const nTests = Object.keys(manifest.exercises[EX0].tests).length + Object.keys(manifest.exercises[EX1].tests).length;
        expect(await page.$$eval('#plot-pass-rate svg .mark-rect path', (ps) => ps.length)).toBe(nTests);
        // A row as its cells' text joined by single spaces.
        const text = async (sel: string) => page.$$eval(sel, (rows) => rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ')));
        const missing = await text('#missing-work tbody tr');
        expect(missing).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${EX0} 1 empty$`)), expect.stringMatching(new RegExp(`^${EX1} 3 empty, type-error, wrong-b$`))]));
        const broken = await text('#broken-files tbody tr');
        expect(broken).toEqual([expect.stringMatching(new RegExp(`^syntax-error ${EX0} does not compile`)), expect.stringMatching(new RegExp(`^type-error ${EX0} type errors: .*TS2322`))]);
        expect(await text('#slow-calls tbody tr')).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^endless-loop ${EX0} \\w+\\(\\) .* stopped at the limit$`))]));
        // The two students with the same wrong function share a mistake on some test.
        const tests = await text('#tests tbody tr');
        expect(tests.some((r) => /\b25 % /.test(r))).toBe(true); // 2 of 8 students
        // Each student links to their own feedback, which opens.
        const links = await page.$$eval('#student-list a', (as) => as.map((a) => a.getAttribute('href')));
        expect(links).toEqual(Object.keys(CLASS).sort().map((s) => `./${s}/feedback.html`));
        await page.goto('file://' + path.join(out, 'wrong-a', 'feedback.html'));
        expect(await page.textContent('h1')).toBe('Feedback for wrong-a');
        expect(errors).toEqual([]);
        expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120000,
  );
});
