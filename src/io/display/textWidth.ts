/**
 * Text widths for vega's layout in Node, taken from the font the PNG is drawn in.
 *
 * Why: without a canvas, vega guesses every character to be 0.8 em wide, about 1.4× too wide
 * for DejaVu Sans. Legends then sit far from the plot and a long subtitle widens the picture
 * with blank space. vega lets a program replace the guess (`textMetrics.width`, as vl-convert
 * does); this reads each character's advance width from the TrueType file instead.
 */
import { readFileSync } from 'fs';

/** Advance widths of one TrueType font, in em. */
export interface FontWidths {
  /** Width of `text` at `size` pixels (characters the font lacks count as 0.6 em). */
  width(text: string, size: number): number;
}

/** The files of Debian's fonts-dejavu-core (what the PNG renderer draws with). */
export const DEJAVU_SANS_FILES = {
  normal: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

/**
 * Reads the advance widths of a TrueType font (tables head, hhea, hmtx and a format-4
 * Unicode cmap). Returns undefined when the file is missing or not such a font.
 */
export function readFontWidths(file: string): FontWidths | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let k = 0; k < numTables; k++) {
    const rec = 12 + 16 * k;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return undefined;
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const metrics = buf.readUInt16BE(hhea + 34);
  // Glyphs past the last metric share its advance width.
  const advance = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;

  // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4: segments of code points.
  let sub = -1;
  const count = buf.readUInt16BE(cmap + 2);
  for (let k = 0; k < count; k++) {
    const rec = cmap + 4 + 8 * k;
    if (buf.readUInt16BE(rec) === 3 && buf.readUInt16BE(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) return undefined;
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const rangeOffsets = deltas + 2 * segs;
  const glyphOf = (c: number): number => {
    for (let i = 0; i < segs; i++) {
      if (buf.readUInt16BE(ends + 2 * i) < c) continue;
      const start = buf.readUInt16BE(starts + 2 * i);
      if (start > c) return 0;
      const delta = buf.readUInt16BE(deltas + 2 * i);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  const em = (c: number): number => {
    let w = cache.get(c);
    if (w === undefined) {
      const g = c <= 0xffff ? glyphOf(c) : 0;
      w = g === 0 ? 0.6 : advance(g);
      cache.set(c, w);
    }
    return w;
  };
  return {
    width(text: string, size: number): number {
      let sum = 0;
      for (const ch of text) sum += em(ch.codePointAt(0) as number);
      return sum * size;
    },
  };
}

/** A vega text item, as `textMetrics.width` receives it. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * A replacement for vega's `textMetrics.width(item, text)` measuring in DejaVu Sans (bold
 * for bold text), or undefined when the fonts are not installed (vega keeps its guess).
 */
export function dejaVuTextWidth(): ((item: TextItem, text?: unknown) => number) | undefined {
  const normal = readFontWidths(DEJAVU_SANS_FILES.normal);
  if (!normal) return undefined;
  const bold = readFontWidths(DEJAVU_SANS_FILES.bold) ?? normal;
  return (item, text) => {
    const line = text ?? item.text;
    const s = line == null ? '' : String(line).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const w = item.fontWeight;
    const isBold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
    // Rounded up as vega's own measure would leave no pixel of a glyph outside its box.
    return Math.ceil((isBold ? bold : normal).width(s, size));
  };
}
