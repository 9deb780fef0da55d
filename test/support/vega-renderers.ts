/**
 * The vega-lite renderers of the notebook front ends, rebuilt in a page of headless Chromium:
 * - JupyterLab 4.2–4.6 (@jupyterlab/vega5-extension) bundles vega-lite 5.6.1 and vega-embed
 *   6.21.3 and calls `vegaEmbed(el, spec, { actions: true, defaultStyle: true, ...embed_options,
 *   mode: 'vega-lite', loader })` (installed here under the aliases vega-lite-jlab, vega-embed-jlab);
 * - VS Code renders vega-lite with vega-embed: the project's vega, vega-lite and vega-embed.
 * renderSpecs() renders each spec and reports whether it drew, its error, and the inputs
 * that its bound parameters produced (a slider is an <input type="range">).
 */
import * as fs from 'fs';
import * as path from 'path';

/** A front end whose renderer is rebuilt. */
export type FrontEnd = 'jupyterlab' | 'vscode';

/** The scripts (package names, in load order) and the embed options of each front end. */
export const RENDERERS: Record<FrontEnd, { packages: [vega: string, vegaLite: string, vegaEmbed: string]; options: Record<string, unknown> }> = {
  jupyterlab: { packages: ['vega', 'vega-lite-jlab', 'vega-embed-jlab'], options: { actions: true, defaultStyle: true, mode: 'vega-lite' } },
  vscode: { packages: ['vega', 'vega-lite', 'vega-embed'], options: { actions: true, mode: 'vega-lite' } },
};

/** A package's folder (some packages' exports hide their package.json from require). */
function packageDir(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'build') dir = path.dirname(dir);
  return dir;
}

/** Versions of the scripts a front end's page loads. */
export function rendererVersions(front: FrontEnd): string[] {
  return RENDERERS[front].packages.map((p) => `${p}@${(JSON.parse(fs.readFileSync(path.join(packageDir(p), 'package.json'), 'utf8')) as { version: string }).version}`);
}

/** The page: the three UMD builds inlined (no network), and `window.renderSpec`. */
export function rendererPage(front: FrontEnd): string {
  const [vega, vl, embed] = RENDERERS[front].packages;
  const file = (pkg: string, name: string) => path.join(packageDir(pkg), 'build', name);
  const script = (f: string) => `<script>${fs.readFileSync(f, 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
${script(file(vega, 'vega.min.js'))}
${script(file(vl, 'vega-lite.min.js'))}
${script(file(embed, 'vega-embed.min.js'))}
<script>
window.renderSpec = async function (spec, extra) {
  const el = document.createElement('div');
  document.body.appendChild(el);
  try {
    const loader = vega.loader({ baseURL: '', http: { credentials: 'same-origin' } });
    const result = await vegaEmbed(el, spec, Object.assign({}, ${JSON.stringify(RENDERERS[front].options)}, extra || {}, { loader }));
    await result.view.runAsync();
    return {
      ok: true,
      marks: el.querySelectorAll('canvas.marks, svg.marks').length,
      inputs: Array.from(el.querySelectorAll('.vega-bindings input, .vega-bindings select')).map((i) => i.type || i.tagName.toLowerCase()),
      vegaLite: vegaLite.version,
      vegaEmbed: vegaEmbed.version,
    };
  } catch (e) {
    return { ok: false, error: String(e && e.message || e), marks: 0, inputs: [] };
  } finally {
    el.remove();
  }
};
</script></head><body></body></html>`;
}

/** What rendering one spec gave. */
export interface RenderResult {
  name: string;
  ok: boolean;
  error?: string;
  /** rendered views (canvas.marks / svg.marks) */
  marks: number;
  /** the input types that bound parameters produced, e.g. ['range'] */
  inputs: string[];
  vegaLite?: string;
  vegaEmbed?: string;
}

/** Renders every spec in the front end's renderer; `errors` collects the page's console errors. */
export async function renderSpecs(front: FrontEnd, specs: { name: string; spec: unknown; embedOptions?: unknown }[]): Promise<{ results: RenderResult[]; errors: string[] }> {
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const errors: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
    await page.route(/^https?:/, (route) => {
      errors.push(`network request: ${route.request().url()}`);
      return route.abort();
    });
    await page.setContent(rendererPage(front));
    const results: RenderResult[] = [];
    for (const s of specs) {
      const r = (await page.evaluate(([spec, extra]) => (globalThis as unknown as { renderSpec: (a: unknown, b: unknown) => Promise<Omit<RenderResult, 'name'>> }).renderSpec(spec, extra), [s.spec, s.embedOptions] as const)) as Omit<RenderResult, 'name'>;
      results.push({ name: s.name, ...r });
    }
    return { results, errors };
  } finally {
    await browser.close();
  }
}

/** Every vega-lite v5 output of a notebook (executed), with its embed options from the output's metadata. */
export function vegaLiteOutputs(notebook: { cells: { outputs?: { data?: Record<string, unknown>; metadata?: Record<string, unknown> }[] }[] }, label: string): { name: string; spec: unknown; embedOptions?: unknown }[] {
  const MIME = 'application/vnd.vegalite.v5+json';
  const out: { name: string; spec: unknown; embedOptions?: unknown }[] = [];
  notebook.cells.forEach((cell, i) =>
    (cell.outputs ?? []).forEach((o, j) => {
      if (o.data?.[MIME] === undefined) return;
      const meta = o.metadata?.[MIME] as { embed_options?: unknown } | undefined;
      out.push({ name: `${label} cell ${i + 1} output ${j + 1}`, spec: o.data[MIME], embedOptions: meta?.embed_options });
    }),
  );
  return out;
}
