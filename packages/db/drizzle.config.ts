import { defineConfig } from 'drizzle-kit';

/**
 * One schema, split by area. A new area file is added to this list when its first migration is
 * generated. Generate migrations one at a time (see docs/migrations.md):
 *   flock /tmp/aftercare-migrations.lock npm run db:generate -- --name <what>
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './packages/db/src/schema.ts',
    './packages/db/src/schema-sla.ts',
    './packages/db/src/schema-lifecycle.ts',
    './packages/db/src/schema-fieldwork.ts',
    './packages/db/src/schema-workforce.ts',
    './packages/db/src/schema-portal.ts',
  ],
  out: './packages/db/migrations',
});
