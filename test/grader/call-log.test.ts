// The log of calls near their time limit: only calls at ≥ NEAR_LIMIT of the limit (or stopped
// at it) are written, nothing without ANNLAB_CALL_LOG, and a damaged log is read as far as it goes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NEAR_LIMIT, readCallLog, recordCall } from '../../grader/call-log';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-call-log-'));
const file = path.join(dir, 'calls.jsonl');
const saved = process.env.ANNLAB_CALL_LOG;
afterAll(() => {
  if (saved === undefined) delete process.env.ANNLAB_CALL_LOG;
  else process.env.ANNLAB_CALL_LOG = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the call log', () => {
  it('writes nothing without ANNLAB_CALL_LOG', () => {
    delete process.env.ANNLAB_CALL_LOG;
    recordCall('tlu', 'step', 1900, 2000, false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('keeps the calls at or above NEAR_LIMIT of their limit, and those stopped at it', () => {
    process.env.ANNLAB_CALL_LOG = file;
    recordCall('tlu', 'step', NEAR_LIMIT * 2000 - 1, 2000, false); // just under: not kept
    recordCall('tlu', 'step', NEAR_LIMIT * 2000, 2000, false);
    recordCall('perceptron', 'trainPerceptron', 6000.4, 2000, true);
    expect(readCallLog(file)).toEqual([
      { exercise: 'tlu', fn: 'step', ms: 1000, limitMs: 2000, timedOut: false },
      { exercise: 'perceptron', fn: 'trainPerceptron', ms: 6000, limitMs: 2000, timedOut: true },
    ]);
  });

  it('reads a missing log as empty and skips cut or foreign lines', () => {
    expect(readCallLog(path.join(dir, 'none.jsonl'))).toEqual([]);
    fs.appendFileSync(file, '{"exercise":"x","fn":"f","ms":"soon"}\n{"exercise":"x","fn"');
    expect(readCallLog(file)).toHaveLength(2);
  });
});
