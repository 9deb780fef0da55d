/**
 * Parsing of the simple CSV tables in data/ (a header row, comma-separated values, no quoting).
 * Pure functions of the text: the file reading is in load.ts.
 */
import { InputError, OptionError, checkChoice, describeValue } from '../errors';
import { Dataset } from './dataset';
import { checkOptions, optionKeys } from '../options';

/** A CSV table as text cells. */
export interface CsvTable {
  /** The column names from the first line. */
  header: string[];
  /** The data rows, each with as many cells as the header. */
  rows: string[][];
}

/** Splits CSV text into a header and rows; empty lines are skipped, `\r\n` is accepted. */
export function parseCsv(text: string, what = 'parseCsv'): CsvTable {
  if (typeof text !== 'string') throw new InputError(`${what}: expected the CSV text as a string, got ${describeValue(text)}`);
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: string[][] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (line.includes('"')) throw new InputError(`${what}: line ${i + 1}: quoted fields are not supported`);
    const cells = line.split(',').map((c) => c.trim());
    if (header === null) {
      header = cells;
    } else if (cells.length !== header.length) {
      throw new InputError(`${what}: line ${i + 1}: expected ${header.length} values (as in the header), got ${cells.length}`);
    } else {
      rows.push(cells);
    }
  });
  if (header === null) throw new InputError(`${what}: expected a header line and data rows, got an empty text`);
  if (rows.length === 0) throw new InputError(`${what}: expected data rows after the header, got none`);
  return { header, rows };
}

/** Options of {@link csvToDataset}. */
export interface CsvDatasetOptions {
  /** The name of the target column; every other column is a numeric feature. */
  target: string;
  /** Classification (targets become class indices) or regression (targets are numbers). */
  task: 'classification' | 'regression';
  /**
   * For classification: the class names in index order. @default the integers 0 … max when
   * the targets are integers, otherwise the distinct values in order of first appearance
   */
  classNames?: string[];
  /** A name for error messages. @default 'csvToDataset' */
  what?: string;
}

/** Turns CSV text into a {@link Dataset}: numeric feature columns and one target column. */
/** The option names of csvToDataset, listed once. */
const CSV_KEYS = optionKeys<CsvDatasetOptions>()('target', 'task', 'classNames', 'what');

export function csvToDataset(text: string, opts: CsvDatasetOptions): Dataset {
  if (opts === undefined) throw new OptionError(`csvToDataset: expected options { target, task }, got undefined`);
  const options = checkOptions('csvToDataset: options', opts, CSV_KEYS);
  if (options.what !== undefined && typeof options.what !== 'string') throw new OptionError(`csvToDataset: what: expected a name, got ${describeValue(options.what)}`);
  if (options.classNames !== undefined && !(Array.isArray(options.classNames) && options.classNames.every((c) => typeof c === 'string'))) {
    throw new OptionError(`csvToDataset: classNames: expected a list of names, got ${describeValue(options.classNames)}`);
  }
  const what = options.what ?? 'csvToDataset';
  const task = checkChoice(`${what}: task`, options.task, ['classification', 'regression'] as const);
  const { header, rows } = parseCsv(text, what);
  const t = header.indexOf(options.target);
  if (t < 0) throw new OptionError(`${what}: target: expected one of the columns ${header.join(', ')}, got ${describeValue(options.target)}`);
  const featureNames = header.filter((_, j) => j !== t);
  const X: number[][] = [];
  const targets: string[] = [];
  rows.forEach((cells, i) => {
    const row: number[] = [];
    cells.forEach((c, j) => {
      if (j === t) return;
      const v = c === '' ? NaN : Number(c);
      if (!Number.isFinite(v)) throw new InputError(`${what}: row ${i + 1}, column '${header[j]}': expected a number, got '${c}'`);
      row.push(v);
    });
    X.push(row);
    targets.push(cells[t]);
  });
  if (task === 'regression') {
    const y = targets.map((c, i) => {
      const v = c === '' ? NaN : Number(c);
      if (!Number.isFinite(v)) throw new InputError(`${what}: row ${i + 1}, target '${options.target}': expected a number, got '${c}'`);
      return v;
    });
    return { X, y, featureNames, targetName: options.target };
  }
  let classNames = options.classNames;
  if (!classNames) {
    const integers = targets.every((c) => /^\d+$/.test(c));
    classNames = integers
      ? Array.from({ length: targets.reduce((m, t) => Math.max(m, Number(t)), 0) + 1 }, (_, k) => String(k))
      : Array.from(new Set(targets));
  }
  const index = new Map(classNames.map((c, k) => [c, k] as [string, number]));
  const y = targets.map((c, i) => {
    const k = index.get(integersLike(c));
    if (k === undefined) throw new InputError(`${what}: row ${i + 1}, target '${options.target}': expected one of the classes ${classNames!.join(', ')}, got '${c}'`);
    return k;
  });
  return { X, y, featureNames, targetName: options.target, classNames: classNames.slice() };
}

/** '07' and '7' name the same integer class. */
function integersLike(c: string): string {
  return /^\d+$/.test(c) ? String(Number(c)) : c;
}
