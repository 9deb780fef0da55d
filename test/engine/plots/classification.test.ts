import { confusionMatrixPlot, digitsPlot } from '../../../src/engine/plots';
import { confusionMatrix, loadDigits } from '../../../src';
import { expectRenders } from './render-check';

describe('confusionMatrixPlot', () => {
  const yTrue = [0, 0, 1, 1, 2, 2, 2];
  const yPred = [0, 1, 1, 1, 2, 0, 2];

  it('puts true classes on rows and predicted classes on columns, with counts as text', () => {
    const spec = confusionMatrixPlot({ yTrue, yPred }, { classNames: ['a', 'b', 'c'] }) as any;
    expect(spec.encoding.x).toMatchObject({ field: 'predicted', sort: ['a', 'b', 'c'] });
    expect(spec.encoding.y).toMatchObject({ field: 'true', sort: ['a', 'b', 'c'] });
    const cell = (t: string, p: string) => spec.data.values.find((c: any) => c.true === t && c.predicted === p).count;
    expect(cell('c', 'a')).toBe(1);
    expect(cell('c', 'c')).toBe(2);
    expect(spec.layer[1].encoding.text.field).toBe('count');
    expect(spec.description).toContain('accuracy 0.7143');
    expectRenders(spec);
  });

  it('gives the same cells from the engine’s confusionMatrix', () => {
    const fromLabels = confusionMatrixPlot({ yTrue, yPred }) as any;
    const fromMatrix = confusionMatrixPlot(confusionMatrix(yTrue, yPred)) as any;
    expect(fromMatrix.data.values).toEqual(fromLabels.data.values);
  });

  it('colours by the fraction of each true class when normalized', () => {
    const spec = confusionMatrixPlot({ yTrue, yPred }, { normalize: true }) as any;
    expect(spec.layer[0].encoding.color).toMatchObject({ field: 'fraction', scale: { domain: [0, 1] } });
    const row0 = spec.data.values.filter((c: any) => c.true === '0').map((c: any) => c.fraction);
    expect(row0).toEqual([0.5, 0.5, 0]);
  });

  it('refuses a matrix that is not square', () => {
    expect(() => confusionMatrixPlot([[1, 2]])).toThrow(/square matrix/);
  });
});

describe('digitsPlot', () => {
  const digits = loadDigits();
  const X = digits.X.slice(0, 12);
  const labels = digits.y.slice(0, 12);
  const predictions = labels.map((l, i) => (i === 3 ? (l + 1) % 10 : l));

  it('draws 8×8 pixels per image and a caption true → predicted, marking the wrong ones', () => {
    const spec = digitsPlot(X, { labels, predictions, columns: 6 }) as any;
    const [pixels, captions] = spec.layer;
    expect(pixels.data.values).toHaveLength(12 * 64);
    expect(captions.data.values[0].text).toBe(`${labels[0]} → ${labels[0]}`);
    expect(captions.data.values[3]).toMatchObject({ text: `${labels[3]} → ${predictions[3]} ✗`, wrong: true });
    expect(spec.description).toContain('1 wrong');
    // pixel (row 0, column 3) of image 0 sits at x = 3, y = 2 (two units of caption above)
    expect(pixels.data.values[3]).toEqual({ px: 3, py: 2, value: X[0][3] });
    expectRenders(spec);
  });

  it('refuses rows that are not square images', () => {
    expect(() => digitsPlot([[1, 2, 3]])).toThrow(/side²/);
  });
});

describe('digitsPlot captions', () => {
  it('leaves each caption room of its own: "8 → 1 ✗" and "9 → 8 ✗" side by side do not run together', () => {
    const image = Array.from({ length: 64 }, (_, k) => k % 16);
    const spec = digitsPlot([image, image, image], { labels: [8, 9, 4], predictions: [1, 8, 4] }) as any;
    const captions = spec.layer[1].data.values;
    expect(captions.map((c: any) => c.text)).toEqual(['8 → 1 ✗', '9 → 8 ✗', '4 → 4']);
    // Pixels per unit of the x scale, and the distance between caption centres in pixels.
    const unitPx = spec.width / spec.layer[0].encoding.x.scale.domain[1];
    const apart = (captions[1].cx - captions[0].cx) * unitPx;
    // At 11 px a character is at most about 7 px wide: the longest caption (7 characters) fits, with room to spare.
    expect(apart).toBeGreaterThanOrEqual(7 * 7 + 8);
    expectRenders(spec);
  });
});
