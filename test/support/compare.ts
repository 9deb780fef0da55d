// Comparisons for graded tests, with messages that teach: what was computed, expected
// vs received at the first differing index, and a hint for the usual mistake.
// Close means |a − b| ≤ atol + rtol·|b| (b = expected); NaN and ±∞ are never close,
// except ±∞ expected and the same ±∞ received; −0 equals 0.

/** Options of expectClose. */
export interface CloseOptions {
  /** absolute tolerance. @default 1e-6 */
  atol?: number;
  /** relative tolerance. @default 1e-6 */
  rtol?: number;
  /** what was computed, e.g. 'sigmoid(0)' or 'the weights after one update'. */
  what?: string;
  /** the usual mistake, shown when the values differ. */
  hint?: string;
}

/** Thrown by expectClose / expectEqual: its message is shown to the student. */
export class GradeMismatch extends Error {
  override readonly name = 'GradeMismatch';
}

/** A hint line for messages: `hint('sign of the error term', 'the rule adds η(y − ŷ)x')`. */
export function hint(...lines: string[]): string {
  return lines.filter(Boolean).join(' ');
}

/** How a received value is written in a message. */
export function show(v: unknown): string {
  if (v === undefined) return 'undefined (nothing was returned: a missing `return`?)';
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v)}`;
  if (typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  if (Array.isArray(v)) {
    const items = v.slice(0, 6).map((x) => (Array.isArray(x) ? `[${x.slice(0, 6).map((y) => show(y)).join(', ')}${x.length > 6 ? ', …' : ''}]` : show(x)));
    return `[${items.join(', ')}${v.length > 6 ? ', …' : ''}]`;
  }
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${(v as unknown as ArrayLike<number>).length})`;
  if (typeof v === 'object') {
    try {
      const s = JSON.stringify(v);
      return `an object ${s.length > 80 ? s.slice(0, 80) + '…' : s}`;
    } catch {
      return 'an object';
    }
  }
  return typeof v;
}

function fmt(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (!Number.isFinite(n) || n === 0) return String(n);
  const a = Math.abs(n);
  return a >= 1e-4 && a < 1e6 ? String(+n.toPrecision(10)) : n.toExponential(6);
}

/** Typed arrays and Matrix-like `{ rows, cols, data }` become plain arrays. */
function normalize(v: unknown): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const m = v as { rows?: unknown; cols?: unknown; data?: unknown };
    if (typeof m.rows === 'number' && typeof m.cols === 'number' && m.data && (Array.isArray(m.data) || ArrayBuffer.isView(m.data))) {
      const d = m.data as ArrayLike<number>;
      if (d.length === m.rows * m.cols) {
        const out: number[][] = [];
        for (let i = 0; i < m.rows; i++) out.push(Array.from({ length: m.cols }, (_, j) => d[i * (m.cols as number) + j]));
        return out;
      }
    }
  }
  if (Array.isArray(v)) return v.map((x) => (ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x));
  return v;
}

/** Whether one received number is close to the expected one. */
export function isClose(a: unknown, b: number, atol = 1e-6, rtol = 1e-6): boolean {
  if (typeof a !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(b)) return a === b;
  if (!Number.isFinite(a)) return false;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

function shapeOf(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length > 0 && Array.isArray(v[0])) return `${v.length}×${(v[0] as unknown[]).length}`;
    return `${v.length}`;
  }
  return 'a single number';
}

function mismatch(o: CloseOptions, body: string): never {
  const what = o.what ? `${o.what}: ` : '';
  const h = o.hint ? `\nHint: ${o.hint}` : '';
  throw new GradeMismatch(`${what}${body}${h}`);
}

/** Throws a teaching GradeMismatch unless `received` is close to `expected` (same shape). */
export function expectClose(received: unknown, expected: number | number[] | number[][], o: CloseOptions = {}): void {
  const atol = o.atol ?? 1e-6;
  const rtol = o.rtol ?? 1e-6;
  const r = normalize(received);
  const tol = `(tolerance ${atol} + ${rtol}·|expected|)`;
  const why = (a: unknown) =>
    typeof a === 'number' && Number.isNaN(a) ? ' — NaN: a 0/0, ∞ − ∞ or log of a negative number?' : typeof a === 'number' && !Number.isFinite(a) ? ' — an overflow (exp of a large number?)' : '';
  if (typeof expected === 'number') {
    if (typeof r !== 'number') mismatch(o, `expected the number ${fmt(expected)}, received ${show(received)}`);
    if (!isClose(r, expected, atol, rtol)) mismatch(o, `expected ${fmt(expected)}, received ${fmt(r as number)}${why(r)} ${tol}`);
    return;
  }
  if (!Array.isArray(r)) mismatch(o, `expected an array of ${shapeOf(expected)} numbers, received ${show(received)}`);
  const rec = r as unknown[];
  if (rec.length !== expected.length) mismatch(o, `expected ${shapeOf(expected)} values, received ${shapeOf(rec)}: ${show(rec)}`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = rec[i];
    if (Array.isArray(e)) {
      const row = ArrayBuffer.isView(a) ? Array.from(a as unknown as ArrayLike<number>) : a;
      if (!Array.isArray(row)) mismatch(o, `expected a ${shapeOf(expected)} matrix, but row ${i} is ${show(a)}`);
      const ra = row as unknown[];
      if (ra.length !== e.length) mismatch(o, `expected a ${shapeOf(expected)} matrix, received row ${i} with ${ra.length} values: ${show(ra)}`);
      for (let j = 0; j < e.length; j++) {
        if (!isClose(ra[j], e[j], atol, rtol)) {
          const got = typeof ra[j] === 'number' ? fmt(ra[j] as number) : show(ra[j]);
          mismatch(o, `at [${i}][${j}] expected ${fmt(e[j])}, received ${got}${why(ra[j])} ${tol}`);
        }
      }
    } else if (!isClose(a, e, atol, rtol)) {
      const got = typeof a === 'number' ? fmt(a) : show(a);
      mismatch(o, `at [${i}] expected ${fmt(e)}, received ${got}${why(a)} ${tol}`);
    }
  }
}

/** Deep exact equality (numbers compared with Object.is except −0 = 0), with a teaching message. */
export function expectEqual(received: unknown, expected: unknown, o: { what?: string; hint?: string } = {}): void {
  const path: string[] = [];
  const eq = (a: unknown, b: unknown): boolean => {
    if (typeof b === 'number') return typeof a === 'number' && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
    if (Array.isArray(b)) {
      const aa = normalize(a);
      if (!Array.isArray(aa) || aa.length !== b.length) return false;
      for (let i = 0; i < b.length; i++) {
        path.push(`[${i}]`);
        if (!eq(aa[i], b[i])) return false;
        path.pop();
      }
      return true;
    }
    if (b && typeof b === 'object') {
      if (!a || typeof a !== 'object') return false;
      for (const k of Object.keys(b)) {
        path.push(`.${k}`);
        if (!eq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
        path.pop();
      }
      return true;
    }
    return a === b;
  };
  if (!eq(received, expected)) {
    let at: unknown = received;
    let ex: unknown = expected;
    for (const p of path) {
      const m = /^\[(\d+)\]$/.exec(p);
      const k = m ? Number(m[1]) : p.slice(1);
      at = at == null ? undefined : (normalize(at) as Record<string | number, unknown>)[k];
      ex = (ex as Record<string | number, unknown>)[k];
    }
    const where = path.length ? ` at ${path.join('')}` : '';
    mismatch(o, `expected${where} ${typeof ex === 'string' ? JSON.stringify(ex) : show(ex)}, received ${show(at)}`);
  }
}

/** Runs `fn`; when it throws a StudentCodeError or GradeMismatch, prefixes `what`. Useful
 *  to give a whole test one context line. */
export async function explain<T>(what: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error) e.message = `${what}: ${e.message}`;
    throw e;
  }
}
