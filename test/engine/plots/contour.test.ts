import { contourSegments } from '../../../src/engine/plots/contour';

describe('contourSegments (marching squares)', () => {
  const xs = [0, 1, 2, 3];
  const ys = [0, 1, 2, 3];
  const grid = (f: (x: number, y: number) => number) => ys.map((y) => xs.map((x) => f(x, y)));

  it('finds the exact line of a linear function at the level', () => {
    const segs = contourSegments(grid((x, y) => 2 * x - y), xs, ys, 1);
    expect(segs.length).toBeGreaterThan(0);
    for (const s of segs) {
      expect(2 * s.x1 - s.y1).toBeCloseTo(1, 12);
      expect(2 * s.x2 - s.y2).toBeCloseTo(1, 12);
    }
  });

  it('finds nothing when the function stays on one side', () => {
    expect(contourSegments(grid((x, y) => x + y + 1), xs, ys, 0)).toEqual([]);
  });

  it('draws two segments in a saddle square, separating the corners the centre does not join', () => {
    // corners: bottom-left 1, bottom-right 0, top-right 1, top-left 0; centre 0.5 ≥ 0.4 joins the 1-corners
    const segs = contourSegments([[1, 0], [0, 1]], [0, 1], [0, 1], 0.4);
    expect(segs).toHaveLength(2);
    const ends = segs.map((s) => [[s.x1, s.y1], [s.x2, s.y2]].map(([a, b]) => [Number(a.toFixed(2)), Number(b.toFixed(2))]));
    // bottom-right corner cut off (crossings on the bottom and right edges), then top-left
    expect(ends).toEqual([
      [[0.6, 0], [1, 0.4]],
      [[0.4, 1], [0, 0.6]],
    ]);
  });
});
