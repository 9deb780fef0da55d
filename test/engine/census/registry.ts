/** Every census entry, and the exports that are not called (each with the reason). */
import { Entry } from './census';
import { coreEntries } from './entries-core';
import { dataEntries } from './entries-data';
import { mlpEntries } from './entries-mlp';
import { plotEntries } from './entries-plots';
import { ioEntries } from './entries-io';
import { sweepEntries } from './entries-sweep';

export const ENTRIES: Entry[] = [...coreEntries, ...dataEntries, ...mlpEntries, ...plotEntries, ...ioEntries, ...sweepEntries];

/** Exports with nothing to call: constants, lists of names, error classes. */
export const NOT_CALLED: Record<string, string> = {
  VERSION: 'a string',
  AnnlabError: 'an error class',
  InputError: 'an error class',
  OptionError: 'an error class',
  ShapeError: 'an error class',
  StateError: 'an error class',
  RenderError: 'an error class',
  WASM_MIN_WORK: 'a number',
  thresholdNames: 'a list of names',
  perceptronInits: 'a list of names',
  gateNames: 'a list of names',
  playgroundNames: 'a list of names',
  featureMapNames: 'a list of names',
  activationNames: 'a list of names',
  SELU_ALPHA: 'a number',
  SELU_LAMBDA: 'a number',
  lossNames: 'a list of names',
  LOG_EPSILON: 'a number',
  initNames: 'a list of names',
  optimizerNames: 'a list of names',
  MLP_FORMAT: 'a string',
  regressionOutputs: 'a list of names',
  BLOW_UP_FACTOR: 'a number',
  PALETTE: 'a list of colours',
  VEGA_LITE_SCHEMA: 'a string',
  TSLAB_VERSION: 'a string',
  VEGA_LITE_MIME: 'a string',
  // The matrix kernels work on preallocated buffers inside the training loop: hot loops stay
  // check-free. Students reach them only through setKernels (checked) and matmul (checked).
  defaultKernels: 'buffer kernels of the hot loop (setKernels is checked)',
  jsKernels: 'buffer kernels of the hot loop (setKernels is checked)',
  blockedKernels: 'buffer kernels of the hot loop (setKernels is checked)',
  MAX_EPOCHS: 'a number',
  MAX_SAMPLES: 'a number',
  MAX_CLASSES: 'a number',
  MAX_UNITS: 'a number',
  MAX_ELEMENTS: 'a number',
  MAX_PLOT_SIZE: 'a number',
  softmaxRowsInPlace: 'the in-place kernel of the softmax layer (hot loop); softmax() is its checked entry',
};

/** Methods of exported classes that are private in TypeScript, or hot-loop kernels of a layer. */
export const NOT_CALLED_METHODS: Record<string, string> = {
  'Matrix#checkIndex': 'private',
  'TLU#netMatrix': 'private',
  'TLU#shapeOutput': 'private',
  'Perceptron#output': 'private',
  'MLP#isClassifier': 'private',
  'MLP#outputRows': 'private',
  'MLP#outputMatrix': 'private',
  'DenseLayer#activate': 'buffer kernel of the training loop (hot loop, no checks)',
  'DenseLayer#deactivate': 'buffer kernel of the training loop (hot loop, no checks)',
  'DenseLayer#activationName': 'a getter',
  'MaxoutLayer#activate': 'buffer kernel of the training loop (hot loop, no checks)',
  'MaxoutLayer#deactivate': 'buffer kernel of the training loop (hot loop, no checks)',
  'MaxoutLayer#activationName': 'a getter',
  'TrainingProgress#record': 'private',
  'TrainingProgress#counts': 'private',
  'TrainingProgress#line': 'private',
  'TrainingProgress#send': 'private',
  'TrainingProgress#sendText': 'private',
  'TrainingProgress#drawCurve': 'private',
};
