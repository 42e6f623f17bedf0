#!/usr/bin/env node
// `npm start`: builds the web UI once if it is missing, then runs `aftercare start`
// (migrate, seed the demo company when the database is empty, serve API + web on PORT, default 3000).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}apps/web/dist/index.html`)) {
  console.log('Building the web UI (first start only)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@aftercare/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(
  process.execPath,
  ['--import', 'tsx', `${root}apps/server/src/cli.ts`, 'start', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(server.status ?? 0);
