/**
 * The `aftercare` command:
 *   aftercare start                       migrate, seed demo data if the database is empty, serve API + web
 *   aftercare migrate                     apply pending migrations
 *   aftercare seed [--preset appliance] [--tenant demo] [--name …]   create a demo company with demo data
 *   aftercare user add --tenant demo --username u --password p --roles agent,qc [--name 名字]
 */
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '@aftercare/db';
import { addUser, findTenantByCode, isDatabaseEmpty, seedDemo, systemClock } from '@aftercare/application';
import { PRESET_NAMES, isPresetName, isRole } from '@aftercare/domain';
import { randomUUID } from 'node:crypto';
import { buildApp } from './app';
import { readConfig } from './config';
import { startJobs } from './jobs/jobs';

async function open(): Promise<DatabaseHandle> {
  const config = readConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await handle.migrate();
  return handle;
}

async function start(): Promise<void> {
  const config = readConfig();
  const handle = await open();
  const ctx = { db: handle.db, clock: systemClock };
  if (await isDatabaseEmpty(handle.db)) {
    process.stdout.write('Empty database: seeding the demo company "demo" (appliance preset)…\n');
    await seedDemo(handle.db, { preset: 'appliance', now: systemClock.now() });
  }
  const app = await buildApp({ ctx, logger: { level: config.logLevel }, databaseKind: handle.kind });
  const jobs = await startJobs({ handle, databaseUrl: config.databaseUrl, clock: systemClock, log: app.log });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await app.close();
      await jobs.stop();
      await handle.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  app.log.info(
    `Aftercare is running on http://localhost:${config.port} (${where}); API reference at /api/docs`,
  );
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string', default: 'appliance' },
      tenant: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!isPresetName(values.preset)) throw new Error(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
  const handle = await open();
  try {
    const code = values.tenant ?? (values.preset === 'appliance' ? 'demo' : `demo-${values.preset}`);
    const tenant = await seedDemo(handle.db, {
      preset: values.preset,
      tenantCode: code,
      ...(values.name ? { tenantName: values.name } : {}),
      now: systemClock.now(),
    });
    process.stdout.write(
      `Seeded demo company "${tenant.code}" on the ${values.preset} preset. Log in with agent / demo1234.\n`,
    );
  } finally {
    await handle.close();
  }
}

async function userAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      roles: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.tenant || !values.username || !values.password || !values.roles) {
    throw new Error(
      'usage: aftercare user add --tenant <code> --username <name> --password <pw> --roles <role,role> [--name <display name>]',
    );
  }
  const roles = values.roles.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}`);
  const handle = await open();
  try {
    const tenant = await findTenantByCode(handle.db, values.tenant);
    if (!tenant) throw new Error(`no company with code "${values.tenant}"`);
    const now = systemClock.now();
    const user = await handle.db.transaction((tx) =>
      addUser(
        tx,
        {
          actor: { userId: randomUUID(), tenantId: tenant.tenantId, roles: ['admin'], displayName: 'cli' },
          requestId: 'cli',
          channel: 'system',
        },
        tenant,
        {
          username: values.username!,
          password: values.password!,
          roles,
          displayName: values.name ?? values.username!,
        },
        now,
      ),
    );
    process.stdout.write(`Added user ${user.username} (${user.roles.join(', ')}) to ${tenant.code}.\n`);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start();
    case 'migrate': {
      const handle = await open();
      await handle.close();
      process.stdout.write('Migrations applied.\n');
      return;
    }
    case 'seed':
      return seed(rest);
    case 'user':
      if (rest[0] === 'add') return userAdd(rest.slice(1));
      break;
    default:
      break;
  }
  process.stderr.write('usage: aftercare start | migrate | seed [--preset <name>] | user add …\n');
  process.exit(2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`aftercare: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
