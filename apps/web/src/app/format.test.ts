import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFormatters } from './format';
import { buildUrl } from './api/client';

const utc = '2026-11-25T16:05:00.000Z'; // 00:05 on 26 November in Shanghai

test('R-NF-01 times stored in UTC are shown in the company time zone, per language', () => {
  const zh = makeFormatters('zh-CN', 'Asia/Shanghai');
  assert.equal(zh.dateTime(utc), '2026/11/26 00:05');
  assert.equal(zh.zoneLabel, 'GMT+8');
  const en = makeFormatters('en', 'Asia/Shanghai');
  assert.equal(en.dateTime(utc), '11/26/2026, 00:05');
  assert.equal(makeFormatters('en', 'Europe/Berlin').dateTime(utc), '11/25/2026, 17:05');
});

test('R-NF-04 numbers are grouped per language', () => {
  assert.equal(makeFormatters('zh-CN', 'Asia/Shanghai').number(12345), '12,345');
  assert.equal(makeFormatters('en', 'Asia/Shanghai').number(1234567), '1,234,567');
});

test('an unknown zone name from the server does not break the page, and a bad timestamp is shown as sent', () => {
  const format = makeFormatters('zh-CN', 'Mars/Olympus_Mons');
  assert.match(format.dateTime(utc), /^2026\/11\/2[56] \d\d:05$/);
  assert.equal(format.dateTime('not a date'), 'not a date');
});

test('list queries leave out empty filters', () => {
  assert.equal(
    buildUrl('/work-orders', { status: 'created', q: '', priority: undefined, page: 1, pageSize: 20 }),
    '/api/v1/work-orders?status=created&page=1&pageSize=20',
  );
  assert.equal(
    buildUrl('/work-orders', { q: '张三 SN/1' }),
    '/api/v1/work-orders?q=%E5%BC%A0%E4%B8%89+SN%2F1',
  );
});
