/**
 * What the lessons' text promises a student, read from scripts/notebook-sources/ (no Jupyter
 * needed): a core path for a 90-minute lab, replays visible in every viewer, and one symbol
 * per function.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sourceFiles, SOURCES, parseSource } from '../../scripts/make-notebooks';

const lessons = sourceFiles().map((file) => ({ file, text: fs.readFileSync(path.join(SOURCES, file), 'utf8') }));

describe('the lesson sources', () => {
  it('each mark a core path for a 90-minute lab in their first cell, and only optional sections say so in their title', () => {
    for (const { file, text } of lessons) {
      const first = parseSource(text)[0].text;
      expect({ file, corePath: /\*\*90-minute lab, core path:\*\*/.test(first) }).toEqual({ file, corePath: true });
      // An "(optional)" mark sits at the end of a section title, where the core-path sentence says to look.
      for (const line of text.split('\n').filter((l) => /\(optional\)/.test(l) && /^#/.test(l))) expect(line).toMatch(/^##+ .*\(optional\)$/);
    }
  });

  it('show every perceptron replay as small multiples too, since a slider works only in JupyterLab and VS Code', () => {
    for (const { file, text } of lessons) {
      const sliders = (text.match(/show\(perceptronLearningPlot\(/g) ?? []).length;
      const panels = (text.match(/show\(perceptronStepsPlot\(/g) ?? []).length;
      expect({ file, panels: panels >= Math.min(1, sliders) }).toEqual({ file, panels: true });
    }
  });

  it('write the softmax as softmax, keeping σ for the sigmoid', () => {
    for (const { file, text } of lessons) expect({ file, sigmaSoftmax: /\\sigma\(\\mathbf\{z\}\)_k/.test(text) }).toEqual({ file, sigmaSoftmax: false });
  });
});
