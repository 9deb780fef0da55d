// Showing plots: notebook output bundles (vega-lite + PNG + text), live training display,
// files (PNG, SVG, HTML, JSON). vega, vega-lite and resvg load on first use only.
export { TSLAB_VERSION, setDisplayWriter, currentDisplayWriter, inKernel } from './tslab';
export type { DisplayContent, DisplayWriter } from './tslab';
export { RenderError, compileSpec, renderSvg, renderSvgAsync, renderPng } from './render';
export type { CompiledSpec, RenderedPng, RenderPngOptions } from './render';
export { VEGA_LITE_MIME, show, plotBundle } from './show';
export type { DisplayBundle, ShowOptions } from './show';
export { savePlot } from './save';
export type { SavePlotOptions, PlotFileType } from './save';
export { TrainingProgress, trainingProgress } from './progress';
export type { TrainingProgressOptions, EpochInfoLike } from './progress';
