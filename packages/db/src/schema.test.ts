import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { freshDatabase, type TestDatabase } from '@aftercare/test-kit';
import { auditEntries, tenants } from './schema';

let h: TestDatabase;
before(async () => {
  h = await freshDatabase();
});
after(async () => h?.close());

type Row = Record<string, unknown>;

/** The database's refusal, looked for through the driver's wrapping errors. */
function appendOnly(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (/append-only/.test(e.message)) return true;
  return false;
}
const rows = async (query: ReturnType<typeof sql>) => {
  const res = (await h.db.execute(query)) as unknown as { rows: Row[] };
  return res.rows;
};

describe('the schema is ready to shard by tenant', () => {
  it('R-NF-05 every table has a non-null tenant_id', async () => {
    const tables = await rows(sql`
      select t.table_name, c.is_nullable
      from information_schema.tables t
      left join information_schema.columns c
        on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id'
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`);
    assert.ok(tables.length >= 15, `found ${tables.length} tables`);
    for (const t of tables)
      assert.equal(t.is_nullable, 'NO', `${String(t.table_name)} has tenant_id not null`);
  });

  // `tenants` itself is the reference table (replicated to every node, keyed by tenant_id); its
  // unique company code is the one unique index that need not include tenant_id.
  it('R-NF-05 every primary key, unique constraint and unique index includes tenant_id', async () => {
    const indexes = await rows(sql`
      select c.relname as table_name, i.relname as index_name,
             array(select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = any(x.indkey)) as cols
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and x.indisunique`);
    assert.ok(indexes.length >= 15);
    for (const ix of indexes) {
      if (ix.index_name === 'tenants_code_uq') continue;
      const cols = ix.cols as string[] | string;
      const list = Array.isArray(cols) ? cols : String(cols).replace(/[{}]/g, '').split(',');
      assert.ok(
        list.includes('tenant_id'),
        `${String(ix.index_name)} on ${String(ix.table_name)} includes tenant_id (${list})`,
      );
    }
  });

  it('R-NF-05 every foreign key includes tenant_id on both sides', async () => {
    const fks = await rows(sql`
      select con.conname,
             array(select a.attname from pg_attribute a where a.attrelid = con.conrelid and a.attnum = any(con.conkey)) as cols,
             array(select a.attname from pg_attribute a where a.attrelid = con.confrelid and a.attnum = any(con.confkey)) as ref_cols
      from pg_constraint con join pg_namespace n on n.oid = con.connamespace
      where n.nspname = 'public' and con.contype = 'f'`);
    assert.ok(fks.length >= 15);
    for (const fk of fks) {
      const norm = (v: unknown) =>
        Array.isArray(v) ? (v as string[]) : String(v).replace(/[{}]/g, '').split(',');
      assert.ok(norm(fk.cols).includes('tenant_id'), `${String(fk.conname)} includes tenant_id`);
      assert.ok(norm(fk.ref_cols).includes('tenant_id'), `${String(fk.conname)} references tenant_id`);
    }
  });
});

describe('the audit trail is append-only', () => {
  it('R-NF-02 an audit entry can be written but never updated or deleted', async () => {
    const tenantId = randomUUID();
    await h.db.insert(tenants).values({
      tenantId,
      code: 'audit-test',
      name: 'A',
      preset: 'appliance',
      policy: {},
      createdAt: new Date(),
    });
    const id = randomUUID();
    await h.db
      .insert(auditEntries)
      .values({ tenantId, id, at: new Date(), entityType: 'x', entityId: randomUUID(), action: 'x.create' });
    await assert.rejects(
      h.db.execute(sql`update audit_entries set action = 'tampered' where id = ${id}`),
      appendOnly,
    );
    await assert.rejects(h.db.execute(sql`delete from audit_entries where id = ${id}`), appendOnly);
    await assert.rejects(h.db.execute(sql`truncate audit_entries cascade`), appendOnly);
    const [row] = await rows(sql`select action from audit_entries where id = ${id}`);
    assert.equal(row?.action, 'x.create');
  });
});
