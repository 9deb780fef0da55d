/**
 * One sentence on what the final weights of a sweep run are, for the plots drawn from them:
 * a too-slow run and a diverged run can leave the same boundary (both near the untrained
 * network's) for opposite reasons, and a reader must be told which.
 */
import type { Verdict } from './classify-run';
import { InputError, MAX_EPOCHS, checkChoice, checkInteger, describeValue } from '../errors';
import { toVector } from '../matrix';

/** What {@link runNote} reads of a run (a `SweepRun` fits). */
export interface RunNoteInput {
  verdict: Verdict;
  convergedAt?: number;
  history: { loss: ReadonlyArray<number>; epochs: number; status?: string };
}

const fmt = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));

/** The verdicts a run can have (classifyRun's). */
const VERDICTS: readonly Verdict[] = ['converged', 'too slow', 'oscillating', 'diverged'];

/** Why a run's weights are what they are: restored after a blow-up, barely moved, bouncing, or converged. */
export function runNote(run: RunNoteInput): string {
  const what = 'runNote';
  if (typeof run !== 'object' || run === null || typeof run.history !== 'object' || run.history === null) {
    throw new InputError(`${what}: expected a sweep run { verdict, history: { loss, epochs } } (one of learningRateSweep(…).runs), got ${describeValue(run)}`);
  }
  checkChoice(`${what}: verdict`, run.verdict, VERDICTS);
  // A diverged run's loss may end in NaN or ∞; only non-numbers and an empty curve are refused.
  const loss = Array.from(toVector(run.history.loss as number[], `${what}: history.loss`, { allowNonFinite: true }));
  checkInteger(`${what}: history.epochs`, run.history.epochs, 1, MAX_EPOCHS);
  if (run.convergedAt !== undefined) checkInteger(`${what}: convergedAt`, run.convergedAt, 1, MAX_EPOCHS);
  const first = loss[0];
  const finite = loss.filter((v) => Number.isFinite(v));
  const last = finite.length > 0 ? finite[finite.length - 1] : NaN;
  if (run.history.status === 'diverged') {
    const at = run.history.epochs;
    return at > 1
      ? `the loss blew up in epoch ${at}; the weights were restored to epoch ${at - 1}; this is the network of epoch ${at - 1}`
      : 'the loss blew up in epoch 1; the weights were restored to their initial values; this is the untrained network';
  }
  switch (run.verdict) {
    case 'diverged':
      return `the loss grew from ${fmt(first)} to ${fmt(last)}: the steps threw the weights far from a solution`;
    case 'too slow':
      return `the loss only fell from ${fmt(first)} to ${fmt(last)} in ${run.history.epochs} epochs: with steps this small the weights are still close to their random start`;
    case 'oscillating':
      return `the loss went up and down (${fmt(first)} → ${fmt(last)}): the steps overshoot the valley`;
    default:
      return `the loss fell from ${fmt(first)} to ${fmt(last)}${run.convergedAt !== undefined ? `, below the target from epoch ${run.convergedAt}` : ''}`;
  }
}
