/**
 * Loaders of the real tables shipped in data/ (an edge module: it reads files with Node's fs).
 * The files are found from this file's folder (src/io → ../../data), which also holds when
 * tslab compiles this file from a notebook, and then from the working directory's data/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../engine/errors';
import { Dataset } from '../engine/data/dataset';
import { CsvDatasetOptions, csvToDataset } from '../engine/data/csv';
import { checkOptions, optionKeys } from '../engine/options';
import { OptionError, describeValue } from '../engine/errors';

/** Options of the loaders. */
export interface LoadOptions {
  /** Read this file instead of the one in the project's data/ folder. */
  path?: string;
}

/** The path of a file in the project's data/ folder; throws an InputError naming where it looked. */
export function dataFilePath(file: string): string {
  if (typeof file !== 'string' || file === '') throw new InputError(`dataFilePath: expected a file name such as 'iris.csv', got ${describeValue(file)}`);
  const candidates = [path.resolve(__dirname, '..', '..', 'data', file), path.resolve(process.cwd(), 'data', file)];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new InputError(`cannot find data/${file}: expected it in ${candidates.join(' and ')}`);
}

/** The option names of the loaders, listed once. */
const LOAD_KEYS = optionKeys<LoadOptions>()('path');

function load(file: string, opts: LoadOptions, csv: CsvDatasetOptions): Dataset {
  const options = checkOptions(`${csv.what}: options`, opts, LOAD_KEYS);
  if (options.path !== undefined && typeof options.path !== 'string') throw new OptionError(`${csv.what}: path: expected a file path, got ${describeValue(options.path)}`);
  const p = options.path ?? dataFilePath(file);
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    throw new InputError(`${csv.what}: cannot read ${p}: ${(e as Error).message}`);
  }
  return csvToDataset(text, csv);
}

/**
 * Fisher's iris: 150 flowers, 4 measurements in cm (sepal_length, sepal_width, petal_length,
 * petal_width), 3 species (0 setosa, 1 versicolor, 2 virginica).
 */
export function loadIris(options: LoadOptions = {}): Dataset {
  return load('iris.csv', options, {
    what: 'loadIris', target: 'species', task: 'classification', classNames: ['setosa', 'versicolor', 'virginica'],
  });
}

/** The UCI handwritten digits: 1797 images of 8×8 pixels (p0 … p63, row by row, values 0–16), classes 0–9. */
export function loadDigits(options: LoadOptions = {}): Dataset {
  return load('digits.csv', options, { what: 'loadDigits', target: 'digit', task: 'classification' });
}

/** The diabetes table of Efron et al.: 442 patients, 10 baseline variables (unscaled), target: progression after one year. */
export function loadDiabetes(options: LoadOptions = {}): Dataset {
  return load('diabetes.csv', options, { what: 'loadDiabetes', target: 'progression', task: 'regression' });
}
