import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIntakeDates, decideReview } from './decide';
import { formatDocumentNumber, localDate } from './numbering';
import type { RequestType } from './service-request';

const now = new Date('2026-11-23T02:00:00Z');
const agent = { userId: 'a', tenantId: 't', roles: ['agent' as const] };

describe('R-IN-05 initial review', () => {
  const cases: [RequestType, boolean, string, boolean][] = [
    ['repair', true, 'converted', true],
    ['installation', true, 'converted', true],
    ['maintenance', true, 'converted', true],
    ['return', true, 'accepted', false],
    ['consultation', true, 'accepted', false],
  ];
  for (const [type, eligible, status, wo] of cases) {
    it(`R-IN-05 an eligible ${type} request → ${status}${wo ? ' with a work order' : ''}`, () => {
      const r = decideReview({ id: 'r', status: 'new', type }, { actor: agent, now, eligible });
      assert.ok(r.ok);
      assert.equal(r.value.status, status);
      assert.equal(r.value.createsWorkOrder, wo);
    });
  }
  it('R-IN-05 an ineligible request needs a reason and is rejected', () => {
    const noReason = decideReview(
      { id: 'r', status: 'new', type: 'repair' },
      { actor: agent, now, eligible: false },
    );
    assert.ok(!noReason.ok);
    assert.equal(noReason.error.field, 'reason');
    const r = decideReview(
      { id: 'r', status: 'new', type: 'repair' },
      { actor: agent, now, eligible: false, reason: 'not our product' },
    );
    assert.ok(r.ok);
    assert.equal(r.value.status, 'rejected');
  });
  it('R-IN-05 a request is reviewed once', () => {
    const r = decideReview(
      { id: 'r', status: 'converted', type: 'repair' },
      { actor: agent, now, eligible: true },
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'REQUEST_ALREADY_REVIEWED');
  });
  it('R-ROLE-03 a technician may not review', () => {
    const r = decideReview(
      { id: 'r', status: 'new', type: 'repair' },
      { actor: { ...agent, roles: ['technician'] }, now, eligible: true },
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'REQUEST_FORBIDDEN');
  });
});

describe('R-IN-03 intake dates', () => {
  it('R-IN-03 a purchase date in the future is refused naming the field', () => {
    const r = checkIntakeDates({ purchaseDate: '2026-11-24' }, now, '2026-11-23', 'unit.');
    assert.ok(!r.ok);
    assert.equal(r.error.field, 'unit.purchaseDate');
  });
  it('R-IN-03 a problem beginning in the future is refused', () => {
    const r = checkIntakeDates({ problemStartedAt: new Date('2026-11-23T03:00:00Z') }, now, '2026-11-23');
    assert.ok(!r.ok);
    assert.equal(r.error.field, 'problemStartedAt');
  });
  it('R-IN-03 a problem before the purchase is refused', () => {
    const r = checkIntakeDates(
      { purchaseDate: '2026-06-01', problemStartedAt: new Date('2026-01-01T00:00:00Z') },
      now,
      '2026-11-23',
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'REQUEST_DATE_ORDER');
  });
  it('R-IN-03 consistent dates pass', () => {
    assert.ok(
      checkIntakeDates(
        { purchaseDate: '2026-06-01', problemStartedAt: new Date('2026-11-20T00:00:00Z') },
        now,
        '2026-11-23',
      ).ok,
    );
  });
});

describe('human-readable numbers', () => {
  it('R-IN-01 numbers carry the tenant-local day and a 4-digit sequence', () => {
    assert.equal(formatDocumentNumber('SR', '2026-11-23', 42), 'SR-20261123-0042');
    assert.equal(formatDocumentNumber('WO', '2026-11-23', 12345), 'WO-20261123-12345');
  });
  it('R-NF-01 the day is the local day of the tenant zone', () => {
    // 2026-11-23 17:00 UTC is already Nov 24 in Shanghai.
    assert.equal(localDate(new Date('2026-11-23T17:00:00Z'), 'Asia/Shanghai'), '2026-11-24');
    assert.equal(localDate(new Date('2026-11-23T17:00:00Z'), 'Europe/Berlin'), '2026-11-23');
  });
});
