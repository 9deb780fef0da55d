import { RenderError, compileSpec, renderPng, renderSvg, renderSvgAsync } from '../../../src/io/display';
import { InputError } from '../../../src/engine/errors';
import { PNG_FONT, svgToPng, withPngFont } from '../../../src/io/display/render';
import { existsSync } from 'fs';
import { activationPlot, perceptronLearningPlot, type PlotSpec } from '../../../src/engine/plots';
import { Perceptron, activations, truthTable } from '../../../src';
import { PNG_SIGNATURE } from '../../engine/plots/render-check';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: 'three points',
  width: 200,
  height: 100,
  data: { values: [{ a: 1, b: 2 }, { a: 2, b: 3 }, { a: 3, b: 1 }] },
  mark: 'line',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
} as PlotSpec;

describe('rendering in Node', () => {
  it('renders synchronously exactly the SVG that vega’s own view.toSVG() renders', async () => {
    expect(renderSvg(spec)).toBe(await renderSvgAsync(spec));
  });

  it('matches vega’s own rendering for faceted and concatenated specs with a slider param too', async () => {
    const gate = truthTable('and');
    const specs = [
      activationPlot([activations.sigmoid, activations.relu]),
      perceptronLearningPlot(new Perceptron().fit(gate.X, gate.y), gate),
    ];
    // vega numbers clip paths with a global counter: compare with the numbers taken out.
    const plain = (svg: string) => svg.replace(/clip\d+/g, 'clip#');
    for (const s of specs) expect(plain(renderSvg(s))).toBe(plain(await renderSvgAsync(s)));
  });

  it('renders a PNG at 2× pixels and reports the CSS width', () => {
    const r = renderPng(spec);
    expect(r.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // PNG header: width and height in pixels at bytes 16..24
    const pixelWidth = r.png.readUInt32BE(16);
    expect(pixelWidth).toBe(Math.round(2 * r.width));
    expect(r.scale).toBe(2);
    expect(r.width).toBeGreaterThan(200);
  });

  it('draws text with subscripts and Greek letters (x₁, w₂, η, ŷ) in one sans font, DejaVu Sans', () => {
    // Oracle: the same text drawn by resvg with DejaVu Sans as the only font it knows.
    const file = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
    expect(existsSync(file)).toBe(true); // Debian's fonts-dejavu-core (.ci/run installs it)
    const text = (family: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="40"><text x="5" y="28" font-family="${family}" font-size="20px">x₁ + w₂ · η ≠ ŷ ✓</text></svg>`;
    const vegaFamily = 'Arial, Liberation Sans, DejaVu Sans, Helvetica, sans-serif';
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const oracle = new Resvg(text(PNG_FONT), {
      background: 'white',
      font: { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: PNG_FONT },
    }).render();
    const ours = svgToPng(text(vegaFamily), 1).png;
    expect(ours.equals(oracle.asPng())).toBe(true);
  });

  it('puts DejaVu Sans first only in sans-serif font lists of the SVG', () => {
    expect(withPngFont('<text font-family="Arial, Helvetica, sans-serif">')).toBe('<text font-family="DejaVu Sans, Arial, Helvetica, sans-serif">');
    expect(withPngFont('<text font-family="sans-serif">')).toBe('<text font-family="DejaVu Sans, sans-serif">');
    expect(withPngFont('<text font-family="monospace">')).toBe('<text font-family="monospace">');
    expect(withPngFont('<text font-family="Georgia, serif">')).toBe('<text font-family="Georgia, serif">');
  });

  it('collects vega-lite warnings instead of printing them', () => {
    const bad = { ...spec, encoding: { ...(spec as any).encoding, size: { field: 'a', type: 'quantitative' }, fontWeight: { value: 'bold' } } } as PlotSpec;
    const { warnings } = compileSpec(bad);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.join(' ')).toMatch(/fontWeight/);
  });

  it('refuses, naming what it expected, a value that is not a vega-lite spec at all', () => {
    for (const [call, f] of [
      ['compileSpec', compileSpec],
      ['renderSvg', renderSvg],
      ['renderPng', renderPng],
    ] as const) {
      expect(() => f({} as PlotSpec)).toThrow(new InputError(`${call}: expected a vega-lite spec (an object with mark, layer, hconcat, vconcat, concat, facet, repeat — what the plot builders return), got an object with no keys`));
      expect(() => f({ data: [1] } as unknown as PlotSpec)).toThrow(/got an object with keys data$/);
      expect(() => f(42 as unknown as PlotSpec)).toThrow(/got 42$/);
    }
  });

  it('throws a RenderError for a spec vega-lite cannot compile', () => {
    expect(() => compileSpec({ mark: 'nonsense' } as unknown as PlotSpec)).toThrow(RenderError);
    expect(() => renderPng(spec, { scale: 0 })).toThrow(/scale: expected a number in \(0, 8\]/);
  });
});
