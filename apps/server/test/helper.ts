import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { freshDatabase, SettableClock, type TestDatabase } from '@aftercare/test-kit';
import { buildApp } from '../src/app';

export interface TestServer {
  app: FastifyInstance;
  db: TestDatabase;
  clock: SettableClock;
  /** The temporary folder of attachment files, removed at close. */
  attachmentsDir: string;
  /** Logs in and returns the bearer token. */
  login(tenant: string, username: string, password: string): Promise<string>;
  /** Injects a request with a bearer token and a JSON body; returns status, headers and parsed body. */
  call<T = Record<string, unknown>>(
    token: string | null,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real app on a fresh migrated database, driven with inject (no port, no mocks). */
export async function startTestServer(): Promise<TestServer> {
  const db = await freshDatabase();
  const clock = new SettableClock('2026-11-23T02:00:00Z');
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'aftercare-attachments-'));
  const app = await buildApp({
    ctx: { db: db.db, clock },
    databaseKind: db.engine,
    webDist: '/nonexistent',
    attachmentsDir,
  });
  await app.ready();
  const call: TestServer['call'] = async (token, method, url, body, headers = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    const text = res.body;
    return { status: res.statusCode, headers: res.headers, body: (text ? JSON.parse(text) : null) as never };
  };
  return {
    app,
    db,
    clock,
    attachmentsDir,
    call,
    async login(tenant, username, password) {
      const res = await call<{ token: string }>(null, 'POST', '/api/v1/auth/login', {
        tenant,
        username,
        password,
      });
      if (res.status !== 200)
        throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
