// Plot builders: functions from engine results to vega-lite v5 specs (plain data, no I/O).
// Only the builders and their option/input types are public; helpers stay inside.
export { VEGA_LITE_SCHEMA, PALETTE } from './common';
export type { PlotSpec, PlotOptions } from './common';
export type { Predictor, PredictFunction, ModelLike, ModelOutput, OutputKind } from './predictor';
export { learningRateConvergencePlot } from './convergence';
export type { ConvergencePlotOptions, LossHistoryLike, SweepRunLike, SweepResultLike } from './convergence';
export { decisionBoundaryPlot } from './decisionBoundary';
export type { DecisionBoundaryOptions, LabelledData } from './decisionBoundary';
export { perceptronLearningPlot, boundarySegment } from './perceptronLearning';
export type { PerceptronLearningOptions, PerceptronResultLike, PerceptronStepLike } from './perceptronLearning';
export { perceptronStepsPlot } from './perceptronSteps';
export type { PerceptronStepsOptions, PerceptronStepsEvery } from './perceptronSteps';
export { activationPlot } from './activations';
export type { ActivationPlotOptions, ActivationLike, ActivationLayout } from './activations';
export { trainingHistoryPlot } from './history';
export type { TrainingHistoryOptions, HistoryLike } from './history';
export { regressionPlot } from './regression';
export type { RegressionPlotOptions, RegressionData } from './regression';
export { confusionMatrixPlot, digitsPlot } from './classification';
export type { ConfusionMatrixOptions, DigitsPlotOptions, LabelPairs } from './classification';
export { neuronActivationPlot } from './neuronActivations';
export type { NeuronActivationOptions, ForwardModelLike } from './neuronActivations';
export { networkDiagram } from './network';
export type { NetworkDiagramOptions, LayerLike } from './network';
export { truthTablePlot } from './truthTable';
export type { TruthTablePlotOptions, TruthTableLike } from './truthTable';
