/**
 * The display module is pinned to tslab 1.0.22's internals: these tests fail when tslab
 * changes how it sends display_data / update_display_data.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TSLAB_VERSION } from '../../../src/io/display';

const root = path.resolve(__dirname, '../../..');

describe('the tslab binding', () => {
  it('is pinned to the installed tslab version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/tslab/package.json'), 'utf8'));
    expect(pkg.version).toBe(TSLAB_VERSION);
    expect(TSLAB_VERSION).toBe('1.0.22');
  });

  it('relies on what tslab/dist/jupyter.js does: a settable lastWriteDisplayData that sends display_data or update_display_data', () => {
    const src = fs.readFileSync(path.join(root, 'node_modules/tslab/dist/jupyter.js'), 'utf8');
    expect(src).toContain('exports.lastWriteDisplayData = writeDisplayData;');
    expect(src).toContain('reply.header.msg_type = update ? "update_display_data" : "display_data";');
    expect(src).toContain('reply.content = data;');
  });

  it('in a real Node process: importing the library loads no vega, and show sends one bundle through tslab’s writer', () => {
    // tsx's own script through Node: node_modules/.bin/tsx is a .cmd file on Windows.
    const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'fixtures/tslab-child.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30000,
    });
    const r = JSON.parse(out);
    expect(r.loadedByImport).toEqual([]);
    expect(r.writerBefore).toBeNull(); // no kernel: nothing was sent, the bundle was returned
    expect(r.outsideKernelReturnedBundle).toBe(true);
    expect(r.insideKernelReturned).toBe('undefined');
    const [plot, ...progress] = r.sent;
    expect(plot).toMatchObject({ update: false, types: ['application/vnd.vegalite.v5+json', 'image/png', 'text/plain'] });
    expect(plot.metadata['image/png'].width).toBeGreaterThan(100);
    // progress: first display_data, then updates of the same display id
    expect(progress.map((m: any) => m.update)).toEqual([false, true, true]);
    expect(new Set(progress.map((m: any) => m.id)).size).toBe(1);
    expect(progress[0].types).toEqual(['text/plain']);
  });
});
