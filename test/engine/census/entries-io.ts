/** Census entries: io (data files, display, rendering, saving) and check(). */
import * as os from 'os';
import * as path from 'path';
import * as api from '../../../src';
import { Entry } from './census';
import { any, object, options, text } from './slots';

const spec = () => api.truthTablePlot(api.truthTable('and'));
/** Points may be fractional: a lecturer may give half points. */
const HALF_POINTS = { '1.5': 'points may be fractional (half points)' };
const tmp = () => path.join(os.tmpdir(), `annlab-census-${process.pid}.png`);

export const ioEntries: Entry[] = [
  { name: 'dataFilePath', slots: [text('file', () => 'iris.csv')], call: api.dataFilePath },
  { name: 'loadIris', slots: [options('options', { path: 'text' })], call: (o) => api.loadIris(o).X.length },
  { name: 'loadDigits', slots: [options('options', { path: 'text' })], call: (o) => api.loadDigits(o).X.length },
  { name: 'loadDiabetes', slots: [options('options', { path: 'text' })], call: (o) => api.loadDiabetes(o).X.length },
  { name: 'compileSpec', slots: [object('spec', spec)], call: (s) => api.compileSpec(s).warnings },
  { name: 'renderSvg', slots: [object('spec', spec)], call: (s) => api.renderSvg(s).length },
  { name: 'renderSvgAsync', slots: [object('spec', spec)], call: async (s) => (await api.renderSvgAsync(s)).length },
  { name: 'renderPng', slots: [object('spec', spec), options('options', { scale: 'positive' })], call: (s, o) => api.renderPng(s, o).width },
  { name: 'plotBundle', slots: [object('spec', spec), options('options', { png: 'boolean', scale: 'positive', text: 'text', displayId: 'text', update: 'boolean' })], call: (s, o) => Object.keys(api.plotBundle(s, o).data) },
  { name: 'show', slots: [object('spec', spec), options('options', { png: 'boolean', scale: 'positive', text: 'text', displayId: 'text', update: 'boolean' })], call: (s, o) => api.show(s, o) ?? 'not in a kernel' },
  { name: 'savePlot', slots: [object('spec', spec), text('file', tmp), options('options', { scale: 'positive' })], call: api.savePlot },
  { name: 'inKernel', slots: [], call: api.inKernel },
  { name: 'currentDisplayWriter', slots: [], call: () => typeof api.currentDisplayWriter() },
  { name: 'setDisplayWriter', slots: [{ ...any('writer', () => undefined), optional: true }], call: (w) => api.setDisplayWriter(w) },
  {
    name: 'trainingProgress',
    slots: [
      options('options', { runs: 'size', curve: 'boolean', interval: 'positive', curveInterval: 'positive', maxOverhead: 'positive', png: 'boolean', now: 'function' }, () => ({ png: false }), {
        accepts: { 'interval: 0': '0 ms: redraw every epoch', 'curveInterval: 0': '0 ms: redraw every epoch', 'maxOverhead: 0': 'no time for drawing: text only' },
      }),
    ],
    call: (o) => api.trainingProgress(o).toString(),
  },
  { name: 'TrainingProgress', slots: [options('options', { runs: 'size' }, () => ({ png: false }))], call: (o) => new api.TrainingProgress(o).live },
  { name: 'TrainingProgress#live', slots: [], call: () => new api.TrainingProgress({ png: false }).live },
  { name: 'TrainingProgress#toString', slots: [], call: () => new api.TrainingProgress({ png: false }).toString() },
  { name: 'TrainingProgress#curveSpec', slots: [], call: () => new api.TrainingProgress({ png: false }).curveSpec() },
  { name: 'TrainingProgress#finish', slots: [{ ...object('finalPlot', spec), optional: true }], call: (s) => new api.TrainingProgress({ png: false }).finish(s) },
  { name: 'check', slots: [text('exercise', () => 'perceptron'), options('options', { print: 'boolean', target: 'text' })], call: api.check, skipValid: 'runs the graded tests with jest: test/grader covers it' },
  { name: 'checkTable', slots: [text('exercise', () => 'x'), { name: 'score', kind: 'count0', valid: () => 1, accepts: HALF_POINTS }, { name: 'maxScore', kind: 'count0', valid: () => 2, accepts: HALF_POINTS }, object('tests', () => [], { accepts: { '[]': 'an exercise may have no public tests: the table says so' } })], call: api.checkTable },
];
