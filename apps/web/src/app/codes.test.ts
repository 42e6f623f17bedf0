// The web keeps its own copies of the API's code lists (importing @aftercare/domain into the bundle
// would pull in the calendar data). This test keeps the copies equal to the domain's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from './session/roles';
import { PRIORITIES, REQUEST_TYPES, WORK_ORDER_STATUSES } from '../features/work-orders/api/codes';

interface DomainCodes {
  WORK_ORDER_STATUSES: readonly string[];
  REQUEST_TYPES: readonly string[];
  PRIORITIES: readonly string[];
  ROLES: readonly string[];
}
// Loaded through a variable specifier so that the web type-check (tsc -p apps/web) does not
// type-check the whole domain package; the root type-check covers it.
const domainPackage = '@aftercare/domain';
const domain = (await import(domainPackage)) as DomainCodes;

test('R-WO-01 the web knows every work-order status of the domain, in the same order', () => {
  assert.deepEqual([...WORK_ORDER_STATUSES], [...domain.WORK_ORDER_STATUSES]);
});

test('R-IN-02 R-IN-04 request types and priorities match the domain', () => {
  assert.deepEqual([...REQUEST_TYPES], [...domain.REQUEST_TYPES]);
  assert.deepEqual([...PRIORITIES], [...domain.PRIORITIES]);
});

test('R-ROLE-01 role codes match the domain', () => {
  assert.deepEqual([...ROLES], [...domain.ROLES]);
});
