/** Labelling a training run from its loss curve, as a learning-rate sweep does. */
import { checkPositive } from '../errors';
import { toVector } from '../matrix';

/** What became of a run: reached the target, too slow to, bouncing around, or blowing up. */
export type Verdict = 'converged' | 'too slow' | 'oscillating' | 'diverged';

/** A loss this many times the first one, at the end of a run, counts as blowing up. */
export const BLOW_UP_FACTOR = 10;

/**
 * The verdict of a loss curve with the target loss `target`:
 * - `diverged`: a NaN/∞ loss, or (not converged and) the last loss over 10× the first: it blew up;
 * - `converged`: the loss ends below `target`; `convergedAt` is the 1-based epoch from which it stays below;
 * - `oscillating`: not converged, and the loss rose in at least a quarter of the epochs or ended above where it began;
 * - `too slow`: not converged, but going down.
 */
export function classifyRun(loss: ReadonlyArray<number>, target: number): { verdict: Verdict; convergedAt?: number } {
  // NaN and ∞ are what a diverged run leaves in its curve: they say 'diverged', not refused.
  loss = Array.from(toVector(loss, 'classifyRun: loss', { allowEmpty: true, allowNonFinite: true }));
  checkPositive('classifyRun: target', target);
  if (loss.length === 0) return { verdict: 'too slow' };
  for (const l of loss) if (!Number.isFinite(l)) return { verdict: 'diverged' };
  const first = loss[0];
  const last = loss[loss.length - 1];
  if (last < target) {
    let e = loss.length;
    while (e > 0 && loss[e - 1] < target) e--;
    return { verdict: 'converged', convergedAt: e + 1 };
  }
  if (last > BLOW_UP_FACTOR * first) return { verdict: 'diverged' };
  let ups = 0;
  for (let i = 1; i < loss.length; i++) if (loss[i] > loss[i - 1] * (1 + 1e-3)) ups++;
  if (last > first || (loss.length > 1 && ups >= 0.25 * (loss.length - 1))) return { verdict: 'oscillating' };
  return { verdict: 'too slow' };
}
