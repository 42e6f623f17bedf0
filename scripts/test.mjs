#!/usr/bin/env node
// Runs every test of the repository with node's test runner (through tsx for TypeScript).
// Unit and database tests: all `*.test.ts` files under packages/ and apps/.
// Browser tests (e2e/*.e2e.ts) run when Debian's chromium is installed; otherwise we say so plainly.
// With DATABASE_URL set, the database tests run against that PostgreSQL server instead of PGlite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const dbOnly = args.includes('--db-only');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(relative(root, p));
  }
  return out;
}

let files = [...walk(join(root, 'packages')), ...walk(join(root, 'apps'))];
if (dbOnly) files = files.filter((f) => /packages\/(db|application)\/|apps\/server\//.test(f));
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2eDir = join(root, 'e2e');
const e2e =
  existsSync(e2eDir) && !dbOnly && !only.length
    ? readdirSync(e2eDir)
        .filter((f) => f.endsWith('.e2e.ts'))
        .map((f) => join('e2e', f))
    : [];
let e2eNote = '';
if (e2e.length && existsSync(chromium)) files.push(...e2e);
else if (e2e.length)
  e2eNote = `Browser tests did NOT run: ${chromium} is not installed (apt-get install -y chromium fonts-wqy-microhei).`;

// Human-readable progress on stdout, and a TAP copy whose totals give the closing summary line.
const tapFile = join(mkdtempSync(join(tmpdir(), 'aftercare-test-')), 'results.tap');
const res = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
if (e2eNote) console.log(e2eNote);
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const total = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
const passed = total('pass');
const failed = total('fail') + total('cancelled');
console.log(`${passed} passed, ${failed} failed, ${total('skipped') + total('todo')} skipped`);
process.exit(res.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
