// One child for the public and the hidden tests of an exercise: with shareChildren on, a test
// file's end keeps each loaded, idle child for the next test file of the same exercise, folder and
// limits, and nothing else is kept.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { closeAllSandboxes, exercise, shareChildren } from '../../grader/sandbox/sandbox';

const FIXTURES = path.join(__dirname, 'fixtures', 'sandbox');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annlab-sandbox-sharing-'));
fs.copyFileSync(path.join(FIXTURES, 'attacks.ts.fixture'), path.join(dir, 'attacks.ts'));
afterAll(() => {
  shareChildren(false);
  closeAllSandboxes();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = (options: { heapMb?: number } = {}) => exercise('attacks', { target: dir, timeoutMs: 1000, ...options });
/** Whether a process runs (a zombie, ended but not yet reaped by its new parent, does not). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}
const gone = async (pid: number | undefined) => {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

describe('shareChildren', () => {
  it('off (the default): each test file starts a fresh child, whose module state starts afresh', async () => {
    const a = open();
    expect(await a.call('counter')).toBe(1);
    const pid = a.pid;
    closeAllSandboxes(); // the end of a test file
    expect(await gone(pid)).toBe(true);
    const b = open();
    expect(await b.call('counter')).toBe(1);
    expect(b.pid).not.toBe(pid);
    closeAllSandboxes();
  });

  it('on: the next test file of the same exercise, folder and limits gets the loaded child, module state included', async () => {
    expect(shareChildren(true)).toBe(false);
    try {
      const a = open();
      expect(await a.call('counter')).toBe(1);
      const pid = a.pid;
      closeAllSandboxes();
      expect(alive(pid)).toBe(true);
      const b = open();
      expect(await b.call('counter')).toBe(2);
      expect(b.pid).toBe(pid);
      // other limits: not the same child
      closeAllSandboxes();
      const c = open({ heapMb: 300 });
      expect(await c.call('counter')).toBe(1);
      expect(c.pid).not.toBe(pid);
      // the kept one still serves its own key, and a time limit that stops it is no harm to the next
      closeAllSandboxes();
      const d = open();
      expect(d.pid).toBeUndefined(); // not adopted before its first call
      expect(await d.call('counter')).toBe(3);
      await expect(d.call('loopForever')).rejects.toMatchObject({ kind: 'timeout' });
      expect(await gone(pid)).toBe(true);
      closeAllSandboxes();
      const e = open();
      expect(await e.call('counter')).toBe(1);
      expect(e.pid).not.toBe(pid);
    } finally {
      closeAllSandboxes();
      shareChildren(false);
    }
  });

  it('a child stopped by a time limit or closed on purpose is not kept; turning sharing off ends the kept ones', async () => {
    shareChildren(true);
    try {
      const a = open();
      await expect(a.call('loopForever')).rejects.toMatchObject({ kind: 'timeout' });
      closeAllSandboxes(); // nothing loaded to keep
      const b = open();
      expect(await b.call('counter')).toBe(1);
      const pid = b.pid;
      b.close(); // an explicit close ends the child
      expect(await gone(pid)).toBe(true);
      const c = open();
      expect(await c.call('counter')).toBe(1);
      const kept = c.pid;
      closeAllSandboxes();
      expect(alive(kept)).toBe(true);
      shareChildren(false);
      expect(await gone(kept)).toBe(true);
    } finally {
      closeAllSandboxes();
      shareChildren(false);
    }
  });

  it('a process that ends leaves no kept child behind', async () => {
    const script = path.join(dir, 'keep-and-exit.ts');
    fs.writeFileSync(script, `
      import { closeAllSandboxes, exercise, shareChildren } from ${JSON.stringify(path.join(__dirname, '..', '..', 'grader', 'sandbox', 'sandbox'))};
      shareChildren(true);
      const m = exercise('attacks', { target: ${JSON.stringify(dir)} });
      m.call('counter').then(() => { const pid = m.pid; closeAllSandboxes(); console.log(pid); });
    `);
    const tsx = require.resolve('tsx/cli');
    // Without the Linux wrappers (their parent-death signal ends the child whatever the process
    // did): the child ends itself when its channel closes, and the process's exit kills it too.
    const env = { ...process.env, ANNLAB_SANDBOX_ISOLATION: 'none' };
    const r = require('child_process').spawnSync(process.execPath, [tsx, script], { encoding: 'utf8', timeout: 60_000, env });
    const pid = Number(r.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await gone(pid)).toBe(true);
  });
});
