/**
 * `show(spec)`: one Jupyter output bundle per plot, readable everywhere:
 * - application/vnd.vegalite.v5+json: interactive in JupyterLab and VS Code;
 * - image/png (2× pixels, `width` metadata in CSS pixels): classic Notebook, nbconvert HTML, GitHub;
 * - text/plain: the spec's description (screen readers, terminals).
 * Never image/svg+xml (blank in nbconvert HTML and untrusted notebooks) nor text/html
 * (it outranks vega-lite in JupyterLab).
 */
import type { TopLevelSpec } from 'vega-lite';
import { describeValue } from '../../engine/errors';
import { checkSpec, renderPng } from './render';
import { DisplayContent, currentDisplayWriter, newDisplayId } from './tslab';
import { checkOptions, optionKeys } from '../../engine/options';
import { OptionError as ShowOptionError } from '../../engine/errors';

/** MIME type of vega-lite v5 specs (rendered by JupyterLab 4 and VS Code). */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** The bundle `show` sends (and returns outside a kernel). */
export interface DisplayBundle extends DisplayContent {
  data: {
    'application/vnd.vegalite.v5+json'?: TopLevelSpec;
    'image/png'?: string;
    'text/plain': string;
  };
  metadata: { 'image/png'?: { width: number } };
}

/** Options of {@link show} and {@link plotBundle}. */
export interface ShowOptions {
  /** Include the PNG (costs tens of milliseconds). @default true */
  png?: boolean;
  /** PNG pixels per CSS pixel. @default 2 */
  scale?: number;
  /** The text/plain sentence. @default the spec's description, else its title */
  text?: string;
  /** Display id, to replace this output later with `show(spec, { displayId, update: true })`. @default a new id */
  displayId?: string;
  /** Replace the output with this display id (update_display_data) instead of adding one. @default false */
  update?: boolean;
}

/** The sentence describing a spec: its description, else its title, else a generic one. */
export function describeSpec(spec: TopLevelSpec): string {
  const s = spec as { description?: unknown; title?: unknown };
  if (typeof s.description === 'string' && s.description.length > 0) return s.description;
  const title = typeof s.title === 'string' ? s.title : (s.title as { text?: unknown } | undefined)?.text;
  return typeof title === 'string' ? `Plot: ${title}` : 'A vega-lite plot';
}

/** The option names of show and plotBundle, listed once. */
const SHOW_KEYS = optionKeys<ShowOptions>()('png', 'scale', 'text', 'displayId', 'update');

/** Builds the output bundle of a spec (renders the PNG), without sending it. */
export function plotBundle(spec: TopLevelSpec, options: ShowOptions = {}): DisplayBundle {
  checkSpec(spec, 'show');
  checkOptions('show: options', options, SHOW_KEYS);
  for (const key of ['png', 'update'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new ShowOptionError(`show: ${key}: expected true or false, got ${describeValue(options[key])}`);
  }
  for (const key of ['text', 'displayId'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') throw new ShowOptionError(`show: ${key}: expected a string, got ${describeValue(options[key])}`);
  }
  const bundle: DisplayBundle = {
    data: { [VEGA_LITE_MIME]: spec, 'text/plain': options.text ?? describeSpec(spec) },
    metadata: {},
  };
  if (options.png ?? true) {
    const r = renderPng(spec, { scale: options.scale ?? 2 });
    bundle.data['image/png'] = r.png.toString('base64');
    // Shown at its CSS size: the 2× pixels stay sharp on high-density screens.
    bundle.metadata['image/png'] = { width: r.width };
  }
  return bundle;
}

/**
 * Shows a plot in the notebook (JupyterLab, VS Code, classic Notebook, exported HTML, GitHub).
 * Inside a tslab kernel it sends one display_data and returns undefined (so that nothing
 * else is printed); elsewhere (tests, scripts) it returns the bundle.
 *
 * @example show(trainingHistoryPlot(history))
 */
export function show(spec: TopLevelSpec, options: ShowOptions = {}): DisplayBundle | undefined {
  const writer = currentDisplayWriter();
  const bundle = plotBundle(spec, options);
  if (!writer) return bundle;
  const displayId = options.displayId ?? newDisplayId();
  writer({ ...bundle, transient: { display_id: displayId } }, options.update ?? false);
  return undefined;
}
