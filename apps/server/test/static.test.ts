import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, SettableClock, type TestDatabase } from '@aftercare/test-kit';
import { buildApp } from '../src/app';

// The web UI is served by the same server (issue 2 §11): a built folder with index.html and assets.
let app: FastifyInstance;
let db: TestDatabase;

before(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'aftercare-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aftercare</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  db = await freshDatabase();
  app = await buildApp({
    ctx: { db: db.db, clock: new SettableClock() },
    webDist: dist,
    attachmentsDir: dist,
  });
  await app.ready();
});
after(async () => {
  await app?.close();
  await db?.close();
});

describe('the web UI is served at /', () => {
  it('R-NF-05 / and client-side routes answer the app, never cached', async () => {
    for (const url of ['/', '/work-orders', '/work-orders/123?status=closed']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<title>Aftercare<\/title>/);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
    }
  });
  it('R-NF-05 hashed assets are cached for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });
  it('R-NF-05 a missing asset is a 404, not the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-old999.js' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  });
  it('R-NF-06 an unknown API path is a 404 problem, not the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    assert.equal(res.statusCode, 404);
  });
});
