// Rewrites KNOWN_OPEN in known-open.ts from build/census-open.txt (after a census run), keeping
// the rest of the file (the huge cases' lists): node test/engine/census/write-open.js
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..', '..', '..');
const file = path.join(__dirname, 'known-open.ts');
const lines = fs.readFileSync(path.join(root, 'build', 'census-open.txt'), 'utf8').split('\n').filter(Boolean);
const keys = [...new Set(lines.map((l) => l.slice(18).split(' = ')[0]))].sort();
const body = keys.map((k) => `  ${JSON.stringify(k)},`).join('\n');
const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
const end = old.indexOf('\n];\n', old.indexOf('export const KNOWN_OPEN:'));
const rest = end >= 0 ? old.slice(end + 4) : '';
fs.writeFileSync(
  file,
  `/**\n * Slots of the census still open (entry · slot): some bad value there is not yet refused with a\n * named error. Fix one and remove it here (the census insists: a listed slot that no longer\n * breaks fails it, and so does a broken slot that is not listed). Written by write-open.js.\n */\nexport const KNOWN_OPEN: string[] = [\n${body}\n];\n${rest}`,
);
console.log(`${keys.length} open slots`);
