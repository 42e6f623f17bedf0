/**
 * A fresh, migrated database for each test file, fast:
 * - PGlite (default): migrate once into a dumped data directory cached under .test-cache/, keyed by
 *   the migrations' content; every test file loads that dump (~1 s instead of a fresh create+migrate).
 * - PostgreSQL (when DATABASE_URL is set): migrate once into a template database, then every test file
 *   gets `CREATE DATABASE … TEMPLATE …`, dropped again at close.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER, openDatabase, type DatabaseHandle } from '@aftercare/db';

const CACHE_DIR = new URL('../../../.test-cache/', import.meta.url).pathname;

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (name.endsWith('.sql') || name.endsWith('.json')) h.update(name).update(readFileSync(p));
      else if (!name.includes('.')) walk(p);
    }
  };
  walk(MIGRATIONS_FOLDER);
  return h.digest('hex').slice(0, 12);
}

async function pgliteTemplate(): Promise<Blob> {
  const file = join(CACHE_DIR, `pglite-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const handle = await openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    const dump = await handle.pglite!.dumpDataDir('gzip');
    await handle.close();
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `aftercare_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7305881)');
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`create database "${name}"`);
      const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 1 });
      try {
        await handle.migrate();
      } finally {
        await handle.close();
      }
    }
  } finally {
    await admin.query('select pg_advisory_unlock(7305881)').catch(() => undefined);
    await admin.end();
  }
  return name;
}

export interface TestDatabase extends DatabaseHandle {
  /** Which engine the suite runs on: the same tests run on both in CI. */
  engine: 'pglite' | 'postgres';
}

/** A fresh migrated database for one test file; close it in `after`. */
export async function freshDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const template = await postgresTemplate(adminUrl);
    const name = `aftercare_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database "${name}" template "${template}"`);
    } finally {
      await admin.end();
    }
    const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 5 });
    return {
      ...handle,
      engine: 'postgres',
      close: async () => {
        await handle.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists "${name}" with (force)`).finally(() => dropper.end());
      },
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
  return { ...handle, engine: 'pglite' };
}
