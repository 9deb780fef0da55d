/**
 * The line where a function sampled on a grid crosses a level (marching squares): the
 * decision boundary drawn as a line, p = 0.5 or z = 0.
 */

/** A straight piece of a contour, from (x1, y1) to (x2, y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Segments of the contour `f = level` of values sampled at (xs[j], ys[i]) (`values[i][j]`).
 * Each grid square whose corners lie on both sides of the level contributes one segment
 * (two at a saddle), with its ends placed by linear interpolation along the square's edges.
 */
export function contourSegments(values: number[][], xs: number[], ys: number[], level: number): Segment[] {
  const out: Segment[] = [];
  // Where the level crosses the edge from corner a (value va) to corner b (value vb).
  const cross = (ax: number, ay: number, va: number, bx: number, by: number, vb: number): [number, number] => {
    const t = (level - va) / (vb - va);
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  };
  for (let i = 0; i + 1 < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) {
      // Corners counter-clockwise: bottom-left, bottom-right, top-right, top-left.
      const c = [
        { x: xs[j], y: ys[i], v: values[i][j] },
        { x: xs[j + 1], y: ys[i], v: values[i][j + 1] },
        { x: xs[j + 1], y: ys[i + 1], v: values[i + 1][j + 1] },
        { x: xs[j], y: ys[i + 1], v: values[i + 1][j] },
      ];
      if (c.some((p) => !Number.isFinite(p.v))) continue;
      const points: [number, number][] = [];
      for (let k = 0; k < 4; k++) {
        const a = c[k];
        const b = c[(k + 1) % 4];
        if (a.v >= level !== b.v >= level) points.push(cross(a.x, a.y, a.v, b.x, b.y, b.v));
      }
      if (points.length === 2) {
        out.push({ x1: points[0][0], y1: points[0][1], x2: points[1][0], y2: points[1][1] });
      } else if (points.length === 4) {
        // A saddle: the centre's side decides which crossings belong together.
        const centreAbove = (c[0].v + c[1].v + c[2].v + c[3].v) / 4 >= level;
        const firstAbove = c[0].v >= level;
        const [p, q, r, s] = centreAbove === firstAbove ? [points[0], points[1], points[2], points[3]] : [points[0], points[3], points[1], points[2]];
        out.push({ x1: p[0], y1: p[1], x2: q[0], y2: q[1] });
        out.push({ x1: r[0], y1: r[1], x2: s[0], y2: s[1] });
      }
    }
  }
  return out;
}
