import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankTechnicians, type RankContext } from './rank';
import { at, near, POLICY, SATURDAY, technician, visit, WEDNESDAY } from './test-builders';
import type { RejectionCode, Technician, Visit } from './types';

const ctx: RankContext = { day: WEDNESDAY, policy: POLICY };

function codesFor(v: Visit, t: Technician, context: RankContext = ctx): RejectionCode[] {
  const r = rankTechnicians(v, v.window, [t], context);
  return r.rejected.flatMap((x) => x.rejections.map((y) => y.code));
}

describe('rankTechnicians hard filters', () => {
  it('R-DIS-01 a technician with an expired certificate is never proposed', () => {
    const expired = technician({
      certificates: [{ code: 'APP-1', productLine: 'appliance', expiresAt: at(WEDNESDAY, -1) }],
    });
    const r = rankTechnicians(visit(), visit().window, [expired], ctx);
    assert.equal(r.proposals.length, 0);
    assert.deepEqual(codesFor(visit(), expired), ['CERTIFICATE_EXPIRED']);
  });

  it('R-DIS-01 a certificate expiring before the slot does not count', () => {
    const t = technician({
      certificates: [{ code: 'A', productLine: 'appliance', expiresAt: at(WEDNESDAY, 12) }],
    });
    assert.deepEqual(codesFor(visit(), t), ['CERTIFICATE_EXPIRED']);
  });

  it('R-DIS-01 a technician without the skill or the level is not proposed', () => {
    assert.ok(codesFor(visit({ productLine: 'ceramics' }), technician()).includes('SKILL_MISSING'));
    assert.deepEqual(codesFor(visit({ minSkillLevel: 5 }), technician()), ['SKILL_LEVEL_LOW']);
  });

  it('R-DIS-01 a technician who has not passed the annual assessment is not proposed', () => {
    const t = technician({ assessment: { passed: false, validUntil: at(WEDNESDAY, 1000) } });
    assert.deepEqual(codesFor(visit(), t), ['ASSESSMENT_NOT_PASSED']);
  });

  it('R-DIS-01 a visit outside the service area is refused', () => {
    const t = technician({ serviceArea: { centre: near(0, 0), radiusKm: 3 } });
    assert.deepEqual(codesFor(visit(), t), ['OUTSIDE_SERVICE_AREA']);
  });

  it('R-DIS-02 a technician on leave is never assigned', () => {
    const t = technician({ leave: [{ start: at(WEDNESDAY, 13), end: at(WEDNESDAY, 18) }] });
    assert.deepEqual(codesFor(visit(), t), ['ON_LEAVE']);
  });

  it('R-DIS-02 a technician off shift is never assigned', () => {
    const t = technician({ shifts: [{ start: at(WEDNESDAY, 6), end: at(WEDNESDAY, 14) }] });
    assert.deepEqual(codesFor(visit(), t), ['OFF_SHIFT']);
  });

  it('R-DIS-02 a shift ending before the service would end does not cover the slot', () => {
    const v = visit({ window: { start: at(WEDNESDAY, 14), end: at(WEDNESDAY, 14.5) }, serviceMinutes: 90 });
    const t = technician({ shifts: [{ start: at(WEDNESDAY, 8), end: at(WEDNESDAY, 15.25) }] });
    assert.deepEqual(codesFor(v, t), ['OFF_SHIFT']);
  });

  it('R-DIS-03 a technician whose slot is taken by other jobs is not proposed', () => {
    const busy = [
      {
        technicianId: 'T1',
        visitId: 'X',
        location: near(5, 0),
        start: at(WEDNESDAY, 13.5),
        end: at(WEDNESDAY, 17),
      },
    ];
    assert.deepEqual(codesFor(visit(), technician(), { ...ctx, assignments: busy }), ['SLOT_TAKEN']);
  });

  it('R-WO-04 furniture is not served on a Saturday under the furniture weekday rule', () => {
    const v = visit({ productLine: 'furniture' }, SATURDAY);
    const r = rankTechnicians(v, v.window, [technician({}, SATURDAY)], { day: SATURDAY, policy: POLICY });
    assert.equal(r.proposals.length, 0);
    assert.deepEqual(
      r.rejected[0]!.rejections.map((x) => x.code),
      ['WEEKDAY_NOT_ALLOWED'],
    );
  });

  it('R-WO-04 a supervisor override allows the Saturday furniture visit and the result says so', () => {
    const v = visit({ productLine: 'furniture' }, SATURDAY);
    const override = {
      code: 'WEEKDAY_NOT_ALLOWED' as const,
      reason: 'customer moving house on Monday',
      by: 'sup-1',
    };
    const r = rankTechnicians(v, v.window, [technician({}, SATURDAY)], {
      day: SATURDAY,
      policy: POLICY,
      overrides: [override],
    });
    assert.equal(r.proposals.length, 1);
    assert.deepEqual(r.proposals[0]!.overridden, [override]);
  });

  it("R-WO-04 a lunch-time visit that cannot avoid the customer's meal hours is refused", () => {
    const v = visit({
      window: { start: at(WEDNESDAY, 12), end: at(WEDNESDAY, 13) },
      avoid: [{ start: at(WEDNESDAY, 11.5), end: at(WEDNESDAY, 14) }],
    });
    assert.deepEqual(codesFor(v, technician()), ['CUSTOMER_REST_TIME']);
  });

  it("R-WO-04 a visit is moved within its slot to after the customer's rest", () => {
    const v = visit({
      window: { start: at(WEDNESDAY, 12), end: at(WEDNESDAY, 14) },
      avoid: [{ start: at(WEDNESDAY, 12), end: at(WEDNESDAY, 13) }],
    });
    const r = rankTechnicians(v, v.window, [technician()], ctx);
    assert.equal(r.proposals[0]!.facts.startAt, at(WEDNESDAY, 13));
  });
});

describe('rankTechnicians scoring and explanation', () => {
  const near1 = technician({ id: 'A', name: '张师傅', home: near(4, 0) });
  const far1 = technician({ id: 'B', name: '李师傅', home: near(-15, 0) });

  it('R-DIS-03 the nearer technician ranks first, all else equal', () => {
    const r = rankTechnicians(visit(), visit().window, [far1, near1], ctx);
    assert.deepEqual(
      r.proposals.map((p) => p.technicianId),
      ['A', 'B'],
    );
  });

  it('R-DIS-03 every proposal explains itself in Chinese and English with its facts', () => {
    const r = rankTechnicians(visit(), visit().window, [far1], ctx);
    const p = r.proposals[0]!;
    assert.match(
      p.explanation.en,
      /^李师傅: \d+ km, \d+ min, on shift until 18:00, 0 jobs today, SLA slack 4 h$/,
    );
    assert.match(
      p.explanation.zh,
      /^李师傅：\d+ 公里，\d+ 分钟，值班至 18:00，今日已有 0 单，时效余量 4 小时$/,
    );
    assert.equal(p.facts.slaSlackMinutes, 240);
    assert.ok(p.facts.distanceKm > 20 && p.facts.distanceKm < 30);
  });

  it('R-DIS-03 workload counts the jobs of the day and lowers the score', () => {
    const jobs = [
      {
        technicianId: 'A',
        visitId: 'X',
        location: near(4, 0),
        start: at(WEDNESDAY, 9),
        end: at(WEDNESDAY, 10),
      },
      {
        technicianId: 'A',
        visitId: 'Y',
        location: near(4, 0),
        start: at(WEDNESDAY, 10.5),
        end: at(WEDNESDAY, 11),
      },
    ];
    const twin = technician({ id: 'C', name: '王师傅', home: near(4, 0) });
    const r = rankTechnicians(visit(), visit().window, [near1, twin], { ...ctx, assignments: jobs });
    assert.equal(r.proposals[0]!.technicianId, 'C');
    assert.equal(r.proposals[1]!.facts.jobsToday, 2);
  });
});
