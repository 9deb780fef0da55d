import { DisplayContent, VEGA_LITE_MIME, setDisplayWriter, show } from '../../../src/io/display';
import { trainingHistoryPlot } from '../../../src/engine/plots';
import { PNG_SIGNATURE } from '../../engine/plots/render-check';

const spec = trainingHistoryPlot({ loss: [1, 0.5, 0.25] }, { width: 200, height: 120 });

describe('show', () => {
  const sent: { content: DisplayContent; update: boolean }[] = [];
  beforeEach(() => {
    sent.length = 0;
    setDisplayWriter((content, update) => sent.push({ content, update }));
  });
  afterAll(() => setDisplayWriter(undefined));

  it('sends one display_data with vega-lite v5, PNG and text, and nothing else', () => {
    const result = show(spec);
    expect(result).toBeUndefined(); // nothing for tslab to print after the plot
    expect(sent).toHaveLength(1);
    const { content, update } = sent[0];
    expect(update).toBe(false);
    expect(Object.keys(content.data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']);
    expect(content.data).not.toHaveProperty('image/svg+xml');
    expect(content.data).not.toHaveProperty('text/html');
    expect(content.data[VEGA_LITE_MIME]).toBe(spec);
    expect(content.data['text/plain']).toBe((spec as any).description);
    const png = Buffer.from(content.data['image/png'] as string, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // metadata width = CSS pixels = half the PNG's pixel width (2× for sharp screens)
    const width = (content.metadata['image/png'] as { width: number }).width;
    expect(content.metadata).toEqual({ 'image/png': { width } });
    expect(png.readUInt32BE(16)).toBe(Math.round(2 * width));
    expect(content.transient?.display_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('replaces an output in place with update_display_data and the same display id', () => {
    show(spec, { displayId: 'abc', png: false });
    show(spec, { displayId: 'abc', update: true, png: false });
    expect(sent.map((m) => [m.update, m.content.transient?.display_id])).toEqual([
      [false, 'abc'],
      [true, 'abc'],
    ]);
    expect(sent[1].content.data).not.toHaveProperty('image/png');
  });

  it('returns the bundle without crashing outside a kernel', () => {
    setDisplayWriter(null);
    const bundle = show(spec, { text: 'a loss curve' });
    expect(sent).toHaveLength(0);
    expect(bundle?.data['text/plain']).toBe('a loss curve');
    expect(bundle?.data[VEGA_LITE_MIME]).toBe(spec);
    expect(typeof bundle?.data['image/png']).toBe('string');
  });

  it('refuses something that is not a spec', () => {
    expect(() => show('plot' as never)).toThrow(/expected a vega-lite spec/);
  });
});
