/**
 * What every builder's spec must do: declare vega-lite v5, have a title and a description,
 * compile with vega-lite@5 without a warning, render with vega@5 to SVG, and to a PNG.
 */
import { compileSpec, renderSvg, svgToPng } from '../../../src/io/display/render';
import type { PlotSpec } from '../../../src/engine/plots';

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks a spec end to end (rendering once: a PNG costs tens of milliseconds). Returns the SVG. */
export function expectRenders(spec: PlotSpec): string {
  const s = spec as unknown as Record<string, unknown>;
  expect(s.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
  expect(typeof s.description).toBe('string');
  expect((s.description as string).length).toBeGreaterThan(20);
  expect(s.title).toBeDefined();
  expect(compileSpec(spec).warnings).toEqual([]);
  const svg = renderSvg(spec);
  expect(svg.startsWith('<svg')).toBe(true);
  const png = svgToPng(svg, 2);
  expect(png.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(png.width).toBeGreaterThan(100);
  // Not blank: the marks are in colour (axes and text alone are grey or black).
  expect(colourFraction(svg)).toBeGreaterThan(0.001); // a blank plot with axes: 0.0003
  return svg;
}

/** Share of the pixels (at 1×) that are coloured (not white, grey or black). */
export function colourFraction(svg: string): number {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const img = new Resvg(svg, { background: 'white', font: { loadSystemFonts: true } }).render();
  const px = img.pixels;
  let ink = 0;
  for (let k = 0; k < px.length; k += 4) {
    if (Math.max(px[k], px[k + 1], px[k + 2]) - Math.min(px[k], px[k + 1], px[k + 2]) > 50) ink++;
  }
  return ink / (px.length / 4);
}

/** The layers of a spec (top-level layer, or the layers of each concatenated panel). */
export function layers(spec: PlotSpec): Record<string, any>[] {
  const s = spec as unknown as Record<string, any>;
  if (s.layer) return s.layer;
  if (s.hconcat) return s.hconcat.flatMap((p: any) => p.layer ?? [p]);
  if (s.spec?.layer) return s.spec.layer;
  return [s];
}

/** The data values of a layer. */
export function values(layer: Record<string, any>): Record<string, any>[] {
  return layer.data?.values ?? [];
}
