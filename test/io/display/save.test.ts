import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OptionError } from '../../../src/engine/errors';
import { savePlot } from '../../../src/io/display';
import { trainingHistoryPlot } from '../../../src/engine/plots';
import { PNG_SIGNATURE } from '../../engine/plots/render-check';

describe('savePlot', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-save-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const spec = trainingHistoryPlot({ loss: [1, 0.5, 0.25] });

  it('writes a PNG, an SVG and the JSON spec, chosen by the extension, creating folders', () => {
    const png = savePlot(spec, path.join(dir, 'a/b/plot.png'));
    expect(fs.readFileSync(png).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(fs.readFileSync(savePlot(spec, path.join(dir, 'plot.svg')), 'utf8')).toMatch(/^<svg/);
    expect(JSON.parse(fs.readFileSync(savePlot(spec, path.join(dir, 'plot.JSON')), 'utf8'))).toEqual(spec);
  });

  it('writes a single-file interactive HTML page with vega, vega-lite and vega-embed inlined (no CDN)', () => {
    const html = fs.readFileSync(savePlot(spec, path.join(dir, 'plot.html')), 'utf8');
    expect(html).toContain('vegaEmbed("#plot"');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/https?:\/\/cdn/);
    expect(html.length).toBeGreaterThan(500000); // the three libraries are in the file
  });

  it('refuses other extensions with the list of allowed ones', () => {
    expect(() => savePlot(spec, path.join(dir, 'plot.pdf'))).toThrow(OptionError);
    expect(() => savePlot(spec, path.join(dir, 'plot.pdf'))).toThrow(/\.png, \.svg, \.html, \.json, got/);
  });
});
