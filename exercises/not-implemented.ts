/**
 * The error every starter exercise throws until its body is written.
 * Its message says what to implement, in which file, and where the notebook explains it.
 */
export class NotImplemented extends Error {
  /** Marks this error for the grader: the exercise is untouched, not broken. */
  readonly notImplemented = true;
  /** The exported function still to write, e.g. 'perceptronUpdate'. */
  readonly what: string;
  /** Where the course explains it, e.g. 'notebooks/02-perceptron.ipynb, section "The perceptron rule"'. */
  readonly where: string;

  constructor(what: string, where: string) {
    super(`${what} is not implemented yet: replace the "throw new NotImplemented(...)" line with your code. ` +
      `The notebook explains it: ${where}.`);
    this.name = 'NotImplementedError';
    this.what = what;
    this.where = where;
  }
}
