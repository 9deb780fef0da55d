/**
 * Re-renders build/bench/results.md from results.json (after a change to the report's layout,
 * without running the benchmark again):  npx tsx bench/render.ts [build/bench]
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderReport, Report } from './report';

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'build', 'bench'));
const report = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Report;
const md = renderReport(report);
fs.writeFileSync(path.join(dir, 'results.md'), md);
process.stdout.write(md);
