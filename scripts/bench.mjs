#!/usr/bin/env node
// `npm run bench -- <name> [options]` runs bench/<name>.ts; each figure is printed as `BENCH <name> <value>`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const dir = new URL('../bench/', import.meta.url).pathname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
if (!name || !existsSync(`${dir}${name}.ts`)) {
  console.error(`usage: npm run bench -- <name> [options]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`, ...rest], {
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
