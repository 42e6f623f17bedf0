import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './safeNext';

test('R-ROLE-03 after sign-in the login page follows only same-site paths', () => {
  assert.equal(safeNext('/work-orders?status=created'), '/work-orders?status=created');
  assert.equal(safeNext(null), '/');
  assert.equal(safeNext(''), '/');
  assert.equal(safeNext('https://evil.example/'), '/');
  assert.equal(safeNext('//evil.example/path'), '/');
  assert.equal(safeNext('/\\evil.example'), '/');
  assert.equal(safeNext('javascript:alert(1)'), '/');
  assert.equal(safeNext('/login?next=/x'), '/');
});
