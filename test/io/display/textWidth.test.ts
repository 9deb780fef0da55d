import { DEJAVU_SANS_FILES, dejaVuTextWidth, readFontWidths } from '../../../src/io/display/textWidth';
import { renderSvg } from '../../../src/io/display/render';
import { trainingHistoryPlot } from '../../../src/engine/plots';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

/** Oracle: the width resvg draws `text` with, in DejaVu Sans (bold or not) at `size` px. */
function drawnWidth(text: string, size: number, bold: boolean): number {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="60"><text x="10" y="40" font-family="DejaVu Sans" ` +
    `font-weight="${bold ? 'bold' : 'normal'}" font-size="${size}px">${text}</text></svg>`;
  const files = [DEJAVU_SANS_FILES.normal, DEJAVU_SANS_FILES.bold];
  const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans' } }).getBBox();
  return box ? box.width : NaN;
}

describe('text widths for vega in Node', () => {
  const texts = ['background: net input z = w·x + b', 'Training history', 'x₁ and x₂, η = 0.01, ŷ ✓', 'MMMMWWWW iiiilll 0123456789'];

  it('measures text as wide as resvg draws it in DejaVu Sans (within 3%)', () => {
    const normal = readFontWidths(DEJAVU_SANS_FILES.normal);
    const bold = readFontWidths(DEJAVU_SANS_FILES.bold);
    expect(normal && bold).toBeTruthy();
    for (const t of texts) {
      expect(Math.abs(normal!.width(t, 14) / drawnWidth(t, 14, false) - 1)).toBeLessThan(0.03);
      expect(Math.abs(bold!.width(t, 14) / drawnWidth(t, 14, true) - 1)).toBeLessThan(0.03);
    }
  });

  it('gives vega a width(item, text) that reads fontSize and fontWeight as vega does (11 px, normal by default)', () => {
    const width = dejaVuTextWidth()!;
    const normal = readFontWidths(DEJAVU_SANS_FILES.normal)!;
    expect(width({ text: 'loss' })).toBe(Math.ceil(normal.width('loss', 11)));
    expect(width({ fontSize: 20 }, ' epoch ')).toBe(Math.ceil(normal.width('epoch', 20)));
    expect(width({ fontSize: 12, fontWeight: 'bold' }, 'epoch')).toBeGreaterThan(width({ fontSize: 12 }, 'epoch'));
    expect(width({ fontSize: 12, fontWeight: 700 }, 'epoch')).toBe(width({ fontSize: 12, fontWeight: 'bold' }, 'epoch'));
  });

  it('lays a plot out no wider than its text needs (vega alone guesses 0.8 em a character)', () => {
    const long = 'completed 300 epochs, loss 0.1234 (stopped early: validation loss rose for 10 epochs)';
    const svg = renderSvg(trainingHistoryPlot({ loss: [3, 2, 1], message: long }));
    const svgWidth = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)![1]);
    // The subtitle is the widest line: the picture is as wide as it is drawn, plus the padding.
    expect(svgWidth).toBeLessThan(drawnWidth(long, 11, false) + 40);
  });
});
