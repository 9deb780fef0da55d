export { Perceptron, perceptronInits } from './perceptron';
export type { PerceptronInit, PerceptronOptions, PerceptronStep, PerceptronResult, PerceptronOutput } from './perceptron';
export { perceptronUpdate } from './update';
export type { PerceptronUpdate1, PerceptronUpdateN } from './update';
