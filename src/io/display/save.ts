/**
 * `savePlot(spec, path)`: writes a plot to a file chosen by its extension.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OptionError } from '../../engine/errors';
import { plotHtml } from './html';
import { checkSpec, renderPng, renderSvg } from './render';
import { checkOptions, optionKeys } from '../../engine/options';
import { InputError as SaveInputError, describeValue as describe } from '../../engine/errors';

/** File types savePlot writes. */
export type PlotFileType = 'png' | 'svg' | 'html' | 'json';
export const PLOT_FILE_TYPES: readonly PlotFileType[] = ['png', 'svg', 'html', 'json'];

/** Options of {@link savePlot}. */
export interface SavePlotOptions {
  /** PNG pixels per CSS pixel. @default 2 */
  scale?: number;
}

/**
 * Saves a plot: `.png` (2× pixels), `.svg`, `.html` (interactive, scripts inlined: opens
 * offline) or `.json` (the vega-lite spec). Creates missing folders; returns the absolute path.
 */
/** The option names of savePlot, listed once. */
const SAVE_KEYS = optionKeys<SavePlotOptions>()('scale');

export function savePlot(spec: TopLevelSpec, file: string, options: SavePlotOptions = {}): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('fs') as typeof import('fs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const path = require('path') as typeof import('path');
  checkOptions('savePlot: options', options, SAVE_KEYS);
  checkSpec(spec, 'savePlot');
  if (typeof file !== 'string') throw new SaveInputError(`savePlot: file: expected a file name such as 'plot.png', got ${describe(file)}`);
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(PLOT_FILE_TYPES as readonly string[]).includes(ext)) {
    throw new OptionError(`savePlot: expected a file name ending in ${PLOT_FILE_TYPES.map((t) => '.' + t).join(', ')}, got '${file}'`);
  }
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  switch (ext as PlotFileType) {
    case 'png':
      fs.writeFileSync(target, renderPng(spec, { scale: options.scale ?? 2 }).png);
      break;
    case 'svg':
      fs.writeFileSync(target, renderSvg(spec));
      break;
    case 'html':
      fs.writeFileSync(target, plotHtml(spec));
      break;
    case 'json':
      fs.writeFileSync(target, JSON.stringify(spec, null, 2) + '\n');
      break;
  }
  return target;
}
