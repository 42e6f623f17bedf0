#!/usr/bin/env node
// Prints the gzipped size of the JavaScript and CSS the browser needs before the login page is
// usable: the entry chunk, everything it imports statically, and the lazy login route with its
// static imports. Reads dist/.vite/manifest.json, so run `vite build` first.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const LOGIN_ROUTE = 'src/features/auth/components/LoginPage.tsx';

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
}
visit('index.html');
if (!manifest[LOGIN_ROUTE]) throw new Error(`${LOGIN_ROUTE} is not a chunk of this build`);
visit(LOGIN_ROUTE);

let total = 0;
const rows = [...files].map((file) => {
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gz;
  return { file, gz };
});
rows.sort((a, b) => b.gz - a.gz);
for (const { file, gz } of rows) console.log(`${(gz / 1000).toFixed(1).padStart(8)} kB  ${file}`);
console.log(
  `${(total / 1000).toFixed(1).padStart(8)} kB  gzipped before the login page is usable (aim < 400 kB)`,
);
