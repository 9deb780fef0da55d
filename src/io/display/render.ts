/**
 * Rendering a vega-lite spec in Node, synchronously: vega-lite → vega → a vega View with
 * renderer 'none' → SVG string → PNG with @resvg/resvg-js. vega, vega-lite and resvg are
 * loaded on first use (never when `src/index.ts` is imported: notebooks start fast).
 *
 * Why synchronous: a notebook cell must send its output before it finishes (frontends drop
 * outputs that arrive later), and `fit`'s onEpoch callback cannot await.
 */
import type { TopLevelSpec } from 'vega-lite';
import { AnnlabError, InputError, describeValue } from '../../engine/errors';
import { dejaVuTextWidth } from './textWidth';
import { checkOptions, optionKeys } from '../../engine/options';

/** A vega-lite spec did not compile or render. */
export class RenderError extends AnnlabError {}

/** The vega specification compiled from a vega-lite spec, with the compiler's warnings. */
export interface CompiledSpec {
  /** The vega spec. */
  spec: object;
  /** Warnings vega-lite logged while compiling (a good plot has none). */
  warnings: string[];
}

/** A rendered PNG: the bytes, and the size of the picture in CSS pixels (the image has `scale`× as many). */
export interface RenderedPng {
  png: Buffer;
  /** Width in CSS pixels (the `width` Jupyter shows it at). */
  width: number;
  height: number;
  /** Pixels per CSS pixel. */
  scale: number;
}

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Pixels per CSS pixel (2 stays sharp on high-density screens). @default 2 */
  scale?: number;
}

type VegaModule = typeof import('vega');
type VegaLiteModule = typeof import('vega-lite');
type ResvgModule = typeof import('@resvg/resvg-js');

let modules: { vega: VegaModule; vl: VegaLiteModule } | undefined;
let resvgModule: ResvgModule | undefined;

/** vega and vega-lite, loaded once on first use. */
function load(): { vega: VegaModule; vl: VegaLiteModule } {
  if (!modules) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    modules = { vega: require('vega') as VegaModule, vl: require('vega-lite') as VegaLiteModule };
    // Lay text out with the widths of the font the PNG is drawn in, not vega's 0.8 em guess.
    const width = dejaVuTextWidth();
    if (width) (modules.vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = width;
  }
  return modules;
}

/** The keys one of which every vega-lite view has (a unit view has `mark`, the others compose views). */
const VIEW_KEYS = ['mark', 'layer', 'hconcat', 'vconcat', 'concat', 'facet', 'repeat'] as const;

/**
 * Checks that `spec` is a vega-lite spec, as the plot builders return: an object with a mark or
 * composed views. `what` names the call (`show`, `savePlot`, …) in the message.
 */
export function checkSpec(spec: unknown, what: string): TopLevelSpec {
  const isObject = typeof spec === 'object' && spec !== null && !Array.isArray(spec);
  if (!isObject || !VIEW_KEYS.some((k) => k in (spec as object))) {
    const got = isObject ? `an object with ${Object.keys(spec as object).length ? `keys ${Object.keys(spec as object).slice(0, 6).join(', ')}` : 'no keys'}` : describeValue(spec);
    throw new InputError(`${what}: expected a vega-lite spec (an object with ${VIEW_KEYS.join(', ')} — what the plot builders return), got ${got}`);
  }
  return spec as TopLevelSpec;
}

/** Compiles a vega-lite spec to vega, collecting vega-lite's warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): CompiledSpec {
  checkSpec(spec, 'compileSpec');
  const { vl } = load();
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  const logger = {
    level: (() => logger) as never,
    error: (...args: unknown[]) => {
      throw new RenderError(`vega-lite: ${args.map(String).join(' ')}`);
    },
    warn: (...args: unknown[]) => (collect(...args), logger),
    info: () => logger,
    debug: () => logger,
  };
  try {
    // vega tags the data objects it ingests (a Symbol per datum): give it a copy, keep the caller's spec as it was.
    const copy = (globalThis as unknown as { structuredClone<T>(v: T): T }).structuredClone(spec);
    const out = vl.compile(copy, { logger: logger as never });
    return { spec: out.spec, warnings };
  } catch (e) {
    if (e instanceof RenderError) throw e;
    throw new RenderError(`vega-lite could not compile the spec: ${(e as Error).message}`);
  }
}

/**
 * Renders a vega-lite spec to an SVG string, synchronously. Follows vega's own
 * `view.toSVG()` (same output, checked by a test) without its awaits: the data are
 * inline, so the dataflow runs to the end in `view.run()`.
 */
export function renderSvg(spec: TopLevelSpec): string {
  checkSpec(spec, 'renderSvg');
  const { vega } = load();
  const compiled = compileSpec(spec);
  const view = new vega.View(vega.parse(compiled.spec as never), { renderer: 'none' });
  try {
    view.run();
    // Internals of vega-view 5 (the size of the whole view, as renderHeadless uses them).
    const v = view as unknown as { _viewWidth: number; _viewHeight: number; _origin: [number, number]; _pending?: unknown };
    if (typeof v._viewWidth !== 'number' || typeof v._viewHeight !== 'number' || !Array.isArray(v._origin)) {
      throw new RenderError('renderSvg: this vega version lays views out differently (expected vega 5); use renderSvgAsync');
    }
    if (v._pending) throw new RenderError('renderSvg: the spec loads data asynchronously; use inline data or renderSvgAsync');
    const p = view.padding() as { left: number; right: number; top: number; bottom: number };
    const SVGStringRenderer = (vega as unknown as { SVGStringRenderer: new (loader: unknown) => unknown }).SVGStringRenderer;
    const renderer = new SVGStringRenderer(view.loader()) as unknown as {
      initialize(el: null, w: number, h: number, origin: [number, number], scale: number): { background(c: unknown): unknown };
      render(scene: unknown): unknown;
      svg(): string;
    };
    renderer
      .initialize(
        null,
        Math.max(0, v._viewWidth + p.left + p.right),
        Math.max(0, v._viewHeight + p.top + p.bottom),
        [p.left + v._origin[0], p.top + v._origin[1]],
        1,
      )
      .background(view.background());
    renderer.render((view.scenegraph() as unknown as { root: unknown }).root);
    return renderer.svg();
  } finally {
    view.finalize();
  }
}

/** Renders a vega-lite spec to SVG with vega's own asynchronous `view.toSVG()`. */
export async function renderSvgAsync(spec: TopLevelSpec): Promise<string> {
  checkSpec(spec, 'renderSvgAsync');
  const { vega } = load();
  const compiled = compileSpec(spec);
  const view = new vega.View(vega.parse(compiled.spec as never), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Size of an SVG from its width/height attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 0, height: 0 };
}

/**
 * The sans font the PNG is drawn in: it has every glyph the course writes (x₁, w₂, η, ŷ, f′,
 * ✓, ✕), and Debian's fonts-dejavu-core installs it (so does `.ci/run`).
 */
export const PNG_FONT = 'DejaVu Sans';

/**
 * Puts {@link PNG_FONT} first in every sans-serif font list of an SVG. resvg takes the first
 * installed family of a list and, for a glyph that family lacks (Liberation Sans has no ₁),
 * an arbitrary other font, often a serif one: text came out in two typefaces.
 */
export function withPngFont(svg: string): string {
  return svg.replace(/font-family="([^"]*)"/g, (whole, list: string) => {
    const families = list.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, ''));
    const sans = families.some((f) => /^(sans-serif|arial|helvetica|liberation sans|dejavu sans)$/i.test(f));
    if (!sans || families[0] === PNG_FONT) return whole;
    return `font-family="${[PNG_FONT, ...families.filter((f) => f !== PNG_FONT)].join(', ')}"`;
  });
}

/** Converts an SVG string to PNG bytes at `scale` pixels per CSS pixel, text in {@link PNG_FONT}. */
export function svgToPng(svg: string, scale = 2): RenderedPng {
  if (!resvgModule) resvgModule = require('@resvg/resvg-js') as ResvgModule;
  const { width, height } = svgSize(svg);
  const resvg = new resvgModule.Resvg(withPngFont(svg), {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: PNG_FONT, sansSerifFamily: PNG_FONT },
  });
  const png = resvg.render().asPng();
  return { png, width, height, scale };
}

/** The option names of renderPng, listed once. */
const RENDER_PNG_KEYS = optionKeys<RenderPngOptions>()('scale');

/** Renders a vega-lite spec to a PNG (2× pixels by default), synchronously. */
export function renderPng(spec: TopLevelSpec, options: RenderPngOptions = {}): RenderedPng {
  checkSpec(spec, 'renderPng');
  checkOptions('renderPng: options', options, RENDER_PNG_KEYS);
  const scale = options.scale ?? 2;
  if (typeof scale !== 'number' || !(scale > 0) || scale > 8) {
    throw new InputError(`renderPng: scale: expected a number in (0, 8], got ${describeValue(scale)}`);
  }
  return svgToPng(renderSvg(spec), scale);
}
