// Walking-skeleton browser test (issue 2 §11): the real server on a fresh embedded database with the
// demo company, the built web app, and Debian's chromium driven by playwright-core. Screenshots go to
// test-results/.
//
// By default the app runs in this process on a fresh migrated database from the test kit (seconds);
// AFTERCARE_E2E_CLI=1 starts `aftercare start` as a child process instead (first start: initdb,
// migrate, seed — over a minute); AFTERCARE_E2E_BASE_URL drives an already running server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo, systemClock } from '@aftercare/application';
import { freshDatabase } from '@aftercare/test-kit';
import { buildApp } from '../apps/server/src/app';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const distDir = join(webDir, 'dist');
const shotsDir = join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The first start migrates and seeds the demo company: ~80 s on an idle 2-core machine, well over
// 120 s while `npm test` runs the database tests next to it.
const STARTUP_TIMEOUT_MS = Number(process.env.AFTERCARE_E2E_STARTUP_MS ?? 300_000);

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 812 };

interface WorkOrderPage {
  items: { number: string; status: string; createdAt: string; assignee: { id: string } | null }[];
  total: number;
}
interface Me {
  user: { id: string; displayName: string; tenant: { name: string; timeZone: string } };
}

let server: ChildProcess | undefined;
let serverLog = '';
let dataDir: string | undefined;
let baseUrl = '';
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess | undefined): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`server exited with code ${child.exitCode} before it was healthy:\n${serverLog}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `GET ${url}/health did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s:\n${serverLog}`,
  );
}

async function startServer(): Promise<string> {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AFTERCARE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, server);
  return url;
}

let inProcess: { close(): Promise<void> } | undefined;

/** The real app in this process, on a fresh database seeded with the demo company, on a free port. */
async function startInProcess(): Promise<string> {
  const db = await freshDatabase();
  await seedDemo(db.db, { preset: 'appliance', now: systemClock.now() });
  dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-'));
  const app = await buildApp({
    ctx: { db: db.db, clock: systemClock },
    databaseKind: db.engine,
    webDist: distDir,
    attachmentsDir: dataDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app did not listen on a port');
  inProcess = {
    close: async () => {
      await app.close();
      await db.close();
    },
  };
  return `http://127.0.0.1:${address.port}`;
}

async function stopServer(): Promise<void> {
  if (inProcess) {
    await inProcess.close();
    inProcess = undefined;
  }
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function newPage(viewport: { width: number; height: number }, language?: 'zh-CN' | 'en') {
  const context = await browser.newContext({ viewport, baseURL: baseUrl, locale: 'zh-CN' });
  if (language) {
    await context.addInitScript(
      `window.localStorage.setItem('aftercare.language', ${JSON.stringify(language)})`,
    );
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(shotsDir, `skeleton-${name}.png`), fullPage });
}

/** Signs in through the form and returns the first page of the list as the API sent it. */
async function signIn(page: Page, username: string): Promise<WorkOrderPage> {
  await page.goto('/work-orders');
  await page.waitForURL(/\/login\?next=/);
  await page.locator('#tenant').fill('demo');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo1234');
  const list = page.waitForResponse(
    (r) => r.url().includes('/api/v1/work-orders') && r.request().method() === 'GET',
  );
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/work-orders$/);
  const response = await list;
  assert.equal(response.status(), 200, `GET /work-orders answered ${response.status()}`);
  return (await response.json()) as WorkOrderPage;
}

describe('walking skeleton in the browser', { timeout: 900_000 }, () => {
  before(async () => {
    assert.ok(
      existsSync(chromiumPath),
      `${chromiumPath} is missing: apt-get install -y chromium fonts-wqy-microhei`,
    );
    if (!existsSync(join(distDir, 'index.html'))) {
      execFileSync('npx', ['vite', 'build'], { cwd: webDir, stdio: 'inherit' });
    }
    mkdirSync(shotsDir, { recursive: true });
    baseUrl =
      process.env.AFTERCARE_E2E_BASE_URL ??
      (process.env.AFTERCARE_E2E_CLI === '1' ? await startServer() : await startInProcess());
    if (process.env.AFTERCARE_E2E_BASE_URL) await waitForHealth(baseUrl, undefined);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await stopServer();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('desktop, 1440 × 900', () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let firstPage: WorkOrderPage;

    before(async () => {
      ({ context, page, errors } = await newPage(DESKTOP));
    });
    after(async () => {
      await context?.close();
    });

    test('R-ROLE-03 agent signs in on tenant demo and sees the work orders of their own company', async () => {
      await page.goto('/login');
      await page.getByTestId('demo-logins').waitFor();
      assert.match(
        await page.getByTestId('demo-logins').innerText(),
        /agent[\s\S]*demo1234|demo1234[\s\S]*agent/,
      );
      await shot(page, 'desktop-zh-CN-login');

      firstPage = await signIn(page, 'agent');
      assert.ok(firstPage.total > 0 && firstPage.items.length > 0, 'the demo tenant has work orders');
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), firstPage.items.length);
      const first = firstPage.items[0]!;
      assert.equal(
        (await rows.first().innerText()).includes(first.number),
        true,
        'first row shows its number',
      );

      const me = (await (await page.request.get('/api/v1/auth/me')).json()) as Me;
      assert.equal(await page.getByTestId('company-name').innerText(), me.user.tenant.name);
      assert.match(await page.getByTestId('current-user').innerText(), /客服/);
      assert.equal(await page.getByRole('heading', { name: '工单' }).count(), 1);
      assert.deepEqual(errors, []);
      await shot(page, 'desktop-zh-CN-list', true);
    });

    test('R-NF-01 created times are shown in the company time zone, formatted for the language', async () => {
      const me = (await (await page.request.get('/api/v1/auth/me')).json()) as Me;
      const first = firstPage.items[0]!;
      const expected = new Intl.DateTimeFormat('zh-CN', {
        timeZone: me.user.tenant.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(first.createdAt));
      const cell = page.locator('.ant-table-tbody tr.ant-table-row').first().locator('time');
      assert.equal(await cell.innerText(), expected);
      assert.equal(await cell.getAttribute('datetime'), first.createdAt);
    });

    test('R-WO-01 filtering by a status asks the server and shows only orders in that status', async () => {
      const status = firstPage.items[0]!.status;
      const label = await page
        .locator('.ant-table-tbody tr.ant-table-row')
        .first()
        .locator('[data-status]')
        .innerText();
      const filtered = page.waitForResponse(
        (r) => r.url().includes('/api/v1/work-orders') && r.url().includes(`status=${status}`),
      );
      await page.getByTestId('status-filter').click();
      await page.keyboard.type(label);
      await page.keyboard.press('Enter');
      const body = (await (await filtered).json()) as WorkOrderPage;
      assert.ok(body.items.length > 0);
      assert.ok(body.items.every((item) => item.status === status));
      await page.waitForURL(new RegExp(`status=${status}`));
      const tags = page.locator('.ant-table-tbody tr.ant-table-row [data-status]');
      await tags.first().waitFor();
      assert.equal(await tags.count(), body.items.length);
      for (let i = 0; i < body.items.length; i += 1) {
        assert.equal(await tags.nth(i).getAttribute('data-status'), status);
      }
    });

    test('R-WO-01 the search box finds an order by its number, together with the status filter', async () => {
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      const number = (await rows.first().locator('td').first().innerText()).trim();
      const searched = page.waitForResponse(
        (r) => r.url().includes('/api/v1/work-orders') && r.url().includes(`q=${encodeURIComponent(number)}`),
      );
      await page.getByTestId('search-box').locator('input').fill(number);
      await page.keyboard.press('Enter');
      const body = (await (await searched).json()) as WorkOrderPage;
      assert.deepEqual(
        body.items.map((item) => item.number),
        [number],
      );
      await page.waitForURL(/q=/);
      await page.waitForFunction(
        `document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1`,
      );
      assert.match(await rows.first().innerText(), new RegExp(number));
    });

    test('R-NF-04 switching to English shows English labels and is remembered after a reload', async () => {
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Work orders' }).waitFor();
      assert.ok(await page.getByRole('columnheader', { name: 'Status' }).isVisible());
      assert.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible());
      assert.match(await page.getByTestId('current-user').innerText(), /Customer service agent/);
      const tag = page.locator('.ant-table-tbody tr.ant-table-row [data-status]').first();
      assert.match(await tag.innerText(), /^[A-Za-z ]+$/, 'status tags are in English');
      await page.reload();
      await page.getByRole('heading', { name: 'Work orders' }).waitFor();
      assert.equal(
        await page.evaluate<string | null>('window.localStorage.getItem("aftercare.language")'),
        'en',
      );
      assert.equal(await page.evaluate<string>('document.documentElement.lang'), 'en');
      await shot(page, 'desktop-en-list', true);
    });

    test('R-ROLE-03 signing out ends the session: the list is no longer reachable', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByTestId('demo-logins').waitFor();
      assert.equal(await page.locator('.ant-layout-sider').count(), 0, 'the shell is gone');
      await shot(page, 'desktop-en-login');
      const api = await page.request.get('/api/v1/work-orders');
      assert.equal(api.status(), 401);
      await page.goto('/work-orders');
      await page.waitForURL(/\/login\?next=/);
      assert.deepEqual(errors, []);
    });
  });

  describe('phone, 375 × 812', () => {
    test('R-ROLE-03 R-NF-04 agent uses the list as cards and the menu drawer on a phone, in both languages', async () => {
      for (const language of ['zh-CN', 'en'] as const) {
        const { context, page, errors } = await newPage(PHONE, language);
        try {
          await page.goto('/login');
          await page.getByTestId('demo-logins').waitFor();
          await shot(page, `phone-${language}-login`, true);
          const body = await signIn(page, 'agent');
          const cards = page.getByTestId('work-order-card');
          await cards.first().waitFor();
          assert.equal(await cards.count(), body.items.length);
          assert.equal(await page.locator('.ant-table').count(), 0, 'no table on a phone');
          const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
          assert.ok(scrollWidth <= PHONE.width, `page is ${scrollWidth} px wide at ${PHONE.width} px`);
          await shot(page, `phone-${language}-list`);

          const openMenu = language === 'en' ? 'Open menu' : '打开菜单';
          await page.getByRole('button', { name: openMenu }).click();
          const drawer = page.getByRole('dialog');
          await drawer.waitFor();
          await page.waitForTimeout(400); // let the slide-in finish for the screenshot
          await shot(page, `phone-${language}-drawer`);
          await drawer.getByRole('button', { name: language === 'en' ? 'Sign out' : '退出登录' }).click();
          await page.waitForURL(/\/login$/);
          await page.locator('#tenant').waitFor();
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      }
    });
  });

  test('R-ROLE-03 a technician on a phone sees only the work orders assigned to them', async () => {
    const { context, page, errors } = await newPage(PHONE);
    try {
      const body = await signIn(page, 'tech1');
      const me = (await (await page.request.get('/api/v1/auth/me')).json()) as Me;
      assert.ok(body.items.length > 0, 'the demo gives tech1 some work orders');
      for (const item of body.items)
        assert.equal(item.assignee?.id, me.user.id, `${item.number} is not tech1's`);
      const cards = page.getByTestId('work-order-card');
      await cards.first().waitFor();
      assert.equal(await cards.count(), body.items.length);
      for (let i = 0; i < body.items.length; i += 1) {
        assert.match(await cards.nth(i).innerText(), new RegExp(me.user.displayName));
      }
      await shot(page, 'phone-zh-CN-technician-list');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('issue 5 §4: the login page is usable after less than 400 kB of gzipped JavaScript and CSS', async () => {
    const { context, page } = await newPage(DESKTOP);
    try {
      const assets = new Set<string>();
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (/\.(js|css)$/.test(path)) assets.add(path);
      });
      await page.goto('/login');
      await page.locator('button[type=submit]').waitFor();
      let total = 0;
      for (const path of assets) total += gzipSync(readFileSync(join(distDir, path)), { level: 9 }).length;
      const kB = total / 1000;
      console.log(`first load: ${assets.size} files, ${kB.toFixed(1)} kB gzipped`);
      assert.ok(kB < 400, `first load is ${kB.toFixed(1)} kB gzipped`);
    } finally {
      await context.close();
    }
  });
});
