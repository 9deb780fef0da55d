/** A table of samples: the common shape of every data set annlab makes or loads. */
export interface Dataset {
  /** The inputs, one row per sample. */
  X: number[][];
  /** The target of each sample: a class index 0, 1, … for classification, a number for regression. */
  y: number[];
  /** One name per column of X, e.g. ['petal_length', 'petal_width']. */
  featureNames: string[];
  /** The name of the target, e.g. 'species'. */
  targetName: string;
  /** For classification: the name of class k is classNames[k]. */
  classNames?: string[];
}
