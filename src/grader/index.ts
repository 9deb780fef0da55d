// The grader's notebook API. Cheap to import: Node modules are required inside functions.
export { check, checkTable } from './check';
export type { CheckResult, CheckOptions } from './check';
export type { GradeReport, TestOutcome, ExerciseOutcome } from './report';
export type { Manifest, ManifestExercise, ManifestTest, Visibility } from './manifest';
