/**
 * Standalone HTML pages with interactive plots: vega, vega-lite and vega-embed from this
 * project's node_modules (no CDN), either inlined (one file) or copied next to the page.
 */
import type { TopLevelSpec } from 'vega-lite';

/** The three scripts a page needs, in load order. */
export const VEGA_SCRIPTS: ReadonlyArray<{ name: string; pkg: string; file: string }> = [
  { name: 'vega.min.js', pkg: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite.min.js', pkg: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed.min.js', pkg: 'vega-embed', file: 'vega-embed.min.js' },
];

/** Absolute path of a script: next to the package's main file (each package's build/ folder). */
export function vegaScriptPath(script: { pkg: string; file: string }): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const path = require('path') as typeof import('path');
  return path.join(path.dirname(require.resolve(script.pkg)), script.file);
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON safe inside a <script> element (no `</script>` can end it early). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A plot container and the call that fills it; `id` must be unique in the page. */
export function embedBlock(id: string, spec: TopLevelSpec, caption?: string | null): string {
  const desc = (spec as { description?: string }).description ?? '';
  // The description stays the plot's accessible name; the visible caption may be shorter (or none)
  // where a page already says once what a row of similar plots shows.
  const shown = caption === undefined ? desc : caption;
  return (
    `<figure class="plot"><div id="${escapeHtml(id)}" class="vega-plot" role="img" aria-label="${escapeHtml(desc)}"></div>` +
    (shown === null ? '' : `<figcaption>${escapeHtml(shown)}</figcaption>`) +
    `</figure>\n` +
    `<script>vegaEmbed(${scriptJson('#' + id)}, ${scriptJson(spec)}, { actions: false, renderer: 'svg' })` +
    `.catch(function (e) { console.error(e); document.getElementById(${scriptJson(id)}).textContent = 'plot failed: ' + e; });</script>\n`
  );
}

/** How a page gets its scripts: inlined, or `<script src>` relative to the page. */
export type ScriptMode = 'inline' | 'relative';

/** The <script> tags loading vega, vega-lite and vega-embed. */
export function scriptTags(mode: ScriptMode, dir = '.'): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('fs') as typeof import('fs');
  return VEGA_SCRIPTS.map((s) =>
    mode === 'inline'
      ? `<script>${fs.readFileSync(vegaScriptPath(s), 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`
      : `<script src="${escapeHtml(dir + '/' + s.name)}"></script>`,
  ).join('\n');
}

/** A whole page: title, optional HTML before the plots, and the plots. */
export function htmlPage(title: string, body: string, scripts: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: Arial, "Liberation Sans", "DejaVu Sans", Helvetica, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; }
  figure.plot { margin: 1.5rem 0; }
  figcaption { color: #555; font-size: 0.9rem; max-width: 60rem; }
  table { border-collapse: collapse; margin: 1rem 0; }
  th, td { border: 1px solid #ccc; padding: 0.3rem 0.7rem; text-align: left; }
  th { background: #f2f2f2; }
  .grid { display: flex; flex-wrap: wrap; gap: 1rem; }
  .grid figure { max-width: 400px; margin: 0.5rem 0; }
</style>
${scripts}
</head>
<body>
${body}
</body>
</html>
`;
}

/** A single-file interactive page for one plot (scripts inlined: works offline, anywhere). */
export function plotHtml(spec: TopLevelSpec): string {
  const s = spec as { title?: unknown };
  const title = typeof s.title === 'string' ? s.title : ((s.title as { text?: string } | undefined)?.text ?? 'plot');
  return htmlPage(title, embedBlock('plot', spec), scriptTags('inline'));
}
