import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../support/jupyter';

// The GitHub Actions workflow is what proves the suite on macOS and Windows (no such machine
// here), so its shape is checked: the three systems, Node 20, `npm test` on each.
// js-yaml comes with jest (a YAML parser for the check, not a dependency of the course).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml = require('js-yaml') as { safeLoad?: (s: string) => unknown; load: (s: string) => unknown };

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  strategy?: { matrix: { os: string[] } };
  env?: Record<string, string>;
  steps: Step[];
}

const text = fs.readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'test.yml'), 'utf8');
const workflow = (yaml.safeLoad ?? yaml.load)(text) as { on: Record<string, unknown>; jobs: Record<string, Job> };

describe('.github/workflows/test.yml (the suite on Linux, macOS and Windows)', () => {
  it('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('Linux: .ci/run (npm test with CI set: nothing may skip) in Debian with Node 20', () => {
    const linux = workflow.jobs.linux;
    expect(linux['runs-on']).toBe('ubuntu-latest');
    expect(linux.container).toBe('node:20-bookworm');
    expect(linux.steps.map((s) => s.run)).toContain('.ci/run');
  });

  it('macOS and Windows: Node 20, npm ci, then npm test with CI empty so that Jupyter tests skip', () => {
    const laptops = workflow.jobs.laptops;
    expect(laptops.strategy?.matrix.os).toEqual(['macos-latest', 'windows-latest']);
    expect(laptops.env?.CI).toBe(''); // empty, not 'false': some tests read CI as a plain truthy string
    const node = laptops.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(20);
    const runs = laptops.steps.map((s) => s.run).filter(Boolean);
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm test')).toBeGreaterThan(runs.indexOf('npm ci'));
    // Checked out as committed (no CRLF on Windows), before the checkout.
    const steps = laptops.steps.map((s) => s.run ?? s.uses);
    expect(steps.indexOf('git config --global core.autocrlf false')).toBeLessThan(steps.findIndex((s) => s?.startsWith('actions/checkout@')));
  });
});
