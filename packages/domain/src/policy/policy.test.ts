import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  getPolicyPreset,
  parsePolicy,
  PRESET_NAMES,
  policySchema,
  type Policy,
  type SlaTarget,
} from './index';

const minutesOf = (t: SlaTarget | undefined): number | undefined =>
  t && t.basis !== 'working_days' ? t.minutes : undefined;

function parsedField(policy: unknown): string | undefined {
  const r = parsePolicy(policy);
  assert.equal(r.ok, false);
  return r.ok ? undefined : r.error.field;
}

describe('policy presets', () => {
  for (const name of PRESET_NAMES) {
    it(`${name} preset parses with the schema`, () => {
      const r = parsePolicy(getPolicyPreset(name));
      assert.equal(r.ok, true, r.ok ? '' : `${r.error.field}: ${r.error.message}`);
    });
  }

  it('getPolicyPreset returns a fresh deep copy each time', () => {
    const a = getPolicyPreset('lighting');
    a.calendars.office!.weeklyHours.mon.push({ start: '19:00', end: '20:00' });
    a.intake.safetyHazardKeywords.zh.push('测试');
    const b = getPolicyPreset('lighting');
    assert.equal(b.calendars.office!.weeklyHours.mon.length, 2);
    assert.equal(b.calendars.office!.weeklyHours.tue.length, 2);
    assert.ok(!b.intake.safetyHazardKeywords.zh.includes('测试'));
  });

  it('every preset fills every section', () => {
    const keys = Object.keys(policySchema.shape ?? {});
    for (const name of PRESET_NAMES) {
      const p = getPolicyPreset(name) as Record<string, unknown>;
      for (const k of keys) assert.ok(p[k] !== undefined, `${name}.${k}`);
    }
  });
});

describe('rule numbers in the presets', () => {
  const all = PRESET_NAMES.map((n) => [n, getPolicyPreset(n)] as const);
  const target = (p: Policy, key: string) => p.sla.targets[key];

  it('R-IN-04 response targets are 4 h urgent and 24 h normal; low 72 h (48 h for appliance)', () => {
    for (const [name, p] of all) {
      assert.equal(minutesOf(target(p, p.intake.responseTargets.urgent)), 240, name);
      assert.equal(minutesOf(target(p, p.intake.responseTargets.normal)), 1440, name);
      assert.equal(
        minutesOf(target(p, p.intake.responseTargets.low)),
        name === 'appliance' ? 2880 : 4320,
        name,
      );
    }
  });

  it('R-IN-04 safety hazard keywords include 漏电, 燃气 and "fire", with stop-use advice in zh and en', () => {
    for (const [, p] of all) {
      for (const w of ['漏电', '触电', '冒烟', '烧焦', '起火', '燃气', '煤气', '坍塌', '断裂']) {
        assert.ok(p.intake.safetyHazardKeywords.zh.includes(w), w);
      }
      for (const w of ['electric leakage', 'burning smell', 'fire', 'structural collapse']) {
        assert.ok(p.intake.safetyHazardKeywords.en.includes(w), w);
      }
      assert.match(p.intake.stopUseAdvice.zh, /停止使用/);
      assert.match(p.intake.stopUseAdvice.en, /stop using/);
    }
  });

  it('R-IN-05 initial review within 24 h; R-WAR-01 assessment within 48 h', () => {
    for (const [, p] of all) {
      assert.equal(minutesOf(target(p, p.intake.reviewTarget)), 1440);
      assert.equal(minutesOf(target(p, p.workOrder.assessmentTarget)), 2880);
    }
  });

  it('R-IN-06 consultation answered in 24 h (lighting) or 8 working hours (vehicle); forwarded in 4 working hours', () => {
    const l = getPolicyPreset('lighting');
    const v = getPolicyPreset('vehicle');
    const lt = target(l, l.intake.consultationAnswerTarget);
    const vt = target(v, v.intake.consultationAnswerTarget);
    assert.deepEqual([lt?.basis, minutesOf(lt)], ['clock_minutes', 1440]);
    assert.deepEqual([vt?.basis, minutesOf(vt)], ['working_minutes', 480]);
    for (const [, p] of all) {
      const f = target(p, p.intake.forwardTarget);
      assert.deepEqual([f?.basis, minutesOf(f)], ['working_minutes', 240]);
    }
  });

  it('R-IN-07 furniture store hand-off is called back within 30 working minutes', () => {
    const p = getPolicyPreset('furniture');
    assert.equal(minutesOf(target(p, p.intake.storeHandoffCallbackTarget)), 30);
  });

  it('R-IN-08 duplicate window is 30 days', () => {
    for (const [, p] of all) assert.equal(p.intake.duplicateWindowDays, 30);
  });

  it('R-WAR-02 lighting preset warranty is 12 months; ceramics lines span 3–24; appliance parts 36', () => {
    assert.equal(getPolicyPreset('lighting').warranty.monthsByProductLine.default, 12);
    const c = Object.values(getPolicyPreset('ceramics').warranty.monthsByProductLine.lines);
    assert.equal(Math.min(...c), 3);
    assert.equal(Math.max(...c), 24);
    assert.equal(getPolicyPreset('appliance').warranty.partsMonths, 36);
  });

  it('R-WAR-03 defects are free in warranty, misuse charged or refused, force majeure not covered', () => {
    for (const [name, p] of all) {
      const cov = p.warranty.coverage;
      assert.equal(cov.material_defect.inWarranty, 'free');
      assert.equal(cov.process_defect.inWarranty, 'free');
      assert.ok(['charged', 'refused'].includes(cov.misuse.inWarranty), name);
      assert.equal(cov.force_majeure.inWarranty, 'not_covered');
      assert.equal(cov.material_defect.outOfWarranty, 'charged');
    }
    assert.equal(getPolicyPreset('ceramics').warranty.coverage.misuse.inWarranty, 'refused');
    assert.ok(getPolicyPreset('vehicle').warranty.outOfWarrantyDiscountBp > 0);
  });

  it('R-WAR-04 an appliance replaced part carries 36 months', () => {
    assert.equal(getPolicyPreset('appliance').warranty.replacedPartMonths, 36);
  });

  it('R-WAR-05 service priority is own, partner, partner-sold, competitor', () => {
    assert.deepEqual(getPolicyPreset('vehicle').warranty.categoryPriority, [
      'own',
      'partner',
      'partner_sold',
      'competitor',
    ]);
    assert.equal(getPolicyPreset('vehicle').warranty.competitorOtherServicesApprover, 'general_manager');
  });

  it('R-FEE-02 trip tariff is 200 / 100 / 300 yuan per day', () => {
    const t = getPolicyPreset('vehicle').fees.tripTariffs.find((x) => x.year === 2026);
    assert.deepEqual(
      [t?.accommodationFenPerDay, t?.mealsFenPerDay, t?.allowanceFenPerDay],
      [20_000, 10_000, 30_000],
    );
  });

  it('R-FEE-03 partner mark-up ≥ 10 %, handling fee 10 %, competitor margin ≥ 20 %', () => {
    const f = getPolicyPreset('vehicle').fees;
    assert.deepEqual(
      [f.partnerPartMarkupMinBp, f.partnerSuppliedHandlingFeeBp, f.competitorMinMarginBp],
      [1000, 1000, 2000],
    );
  });

  it('R-FEE-04 refusal to pay needs the general manager; R-FEE-05 shipping paid by company in warranty', () => {
    const f = getPolicyPreset('lighting').fees;
    assert.equal(f.refusalToPayApprover, 'general_manager');
    assert.deepEqual(f.shipping.inWarrantyRepair, { toService: 'company', backToCustomer: 'company' });
    assert.deepEqual(f.shipping.nonQualityReturn, { toService: 'customer', backToCustomer: 'customer' });
  });

  it('R-WO-02 confirmation call 30 minutes before arrival', () => {
    for (const [, p] of all) assert.equal(p.workOrder.confirmationCallMinutesBeforeArrival, 30);
  });

  it('R-WO-03 on-site 4 h town / 6 h suburbs, 24/48/72 h by distance, departure 24 h', () => {
    for (const [, p] of all) {
      assert.equal(minutesOf(target(p, p.workOrder.onSiteTargets.urban)), 240);
      assert.equal(minutesOf(target(p, p.workOrder.onSiteTargets.suburban)), 360);
      assert.deepEqual(
        p.workOrder.distanceTiers.map((t) => [t.upToKm, minutesOf(target(p, t.target))]),
        [
          [300, 1440],
          [1000, 2880],
          [null, 4320],
        ],
      );
      assert.equal(minutesOf(target(p, p.workOrder.outOfWarrantyDepartureTarget)), 1440);
    }
  });

  it('R-WO-04 furniture visits Monday to Friday, avoiding lunch and late evening', () => {
    const w = getPolicyPreset('furniture').workOrder;
    assert.deepEqual(w.allowedVisitWeekdays, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.ok(w.visitAvoidWindows.some((x) => x.start === '12:00' && x.end === '13:30'));
    assert.ok(w.visitAvoidWindows.some((x) => x.start === '21:00'));
  });

  it('R-WO-10 complex fault 3 working days; R-FUP-01 follow-up 3 working days; R-WO-11 trip report 3; R-HR-05 audit 5', () => {
    for (const [, p] of all) {
      const days = (k: string) => {
        const t = target(p, k);
        return t?.basis === 'working_days' ? t.days : undefined;
      };
      assert.equal(days(p.workOrder.complexFaultSolutionTarget), 3);
      assert.equal(days(p.followUp.callTarget), 3);
      assert.equal(days(p.workOrder.tripReportTarget), 3);
      assert.equal(days(p.hr.expenseAuditTarget), 5);
    }
  });

  it('R-RMA-01 returns 15 days for quality, 7 for not fitting; R-RMA-02 furniture prefers exchange', () => {
    for (const [name, p] of all) {
      assert.equal(p.returns.qualityDays, 15);
      assert.equal(p.returns.notFittingDays, 7);
      assert.equal(p.returns.exchangePreferred, name === 'furniture');
    }
  });

  it('R-PRT-02 stock sufficiency 90 %, common models 100; R-PRT-04 borrow return 3 days', () => {
    const p = getPolicyPreset('appliance');
    assert.equal(p.parts.stockSufficiencyTargetBp, 9000);
    assert.equal(p.parts.commonModelMinStock, 100);
    assert.equal(minutesOf(target(p, p.parts.borrowReturnTarget)), 3 * 24 * 60);
  });

  it('R-FUP-02 survey target 90; R-FUP-04 card within 1 month; R-FUP-05 quarterly tracking, yearly visit', () => {
    const f = getPolicyPreset('vehicle').followUp;
    assert.deepEqual(
      [f.surveyTarget, f.registrationCardMonths, f.trackingIntervalMonths, f.visitsPerYear],
      [90, 1, 3, 1],
    );
  });

  it('R-QC-01 monthly sample 10 %; R-HR-01 training 20 h; R-DIS-02 leave 36 h ahead', () => {
    const p = getPolicyPreset('appliance');
    assert.equal(p.qc.monthlySampleBp, 1000);
    assert.equal(p.hr.trainingMinutesPerYear, 1200);
    assert.equal(p.hr.leaveNoticeMinutes, 2160);
  });

  it('R-HR-04 penalties: 50 yuan per late information, 50–500 yuan return without approval, 10 yuan per day late audit', () => {
    const pen = Object.fromEntries(getPolicyPreset('vehicle').hr.penalties.map((x) => [x.code, x]));
    assert.deepEqual(
      [pen.info_late_or_incomplete?.minFen, pen.info_late_or_incomplete?.per],
      [5000, 'occurrence'],
    );
    assert.deepEqual(
      [pen.trip_return_without_approval?.minFen, pen.trip_return_without_approval?.maxFen],
      [5000, 50000],
    );
    assert.deepEqual([pen.audit_late?.minFen, pen.audit_late?.per], [1000, 'day']);
  });

  it('R-KPI-01 first-time fix target 85 %, CSAT 90', () => {
    const k = getPolicyPreset('appliance').kpi;
    assert.deepEqual([k.firstTimeFixTargetBp, k.csatTarget], [8500, 90]);
  });

  it('R-NF-01 default zone is Asia/Shanghai and office hours are 08:30–12:00, 13:30–18:00 Mon–Fri', () => {
    const p = getPolicyPreset('appliance');
    assert.equal(p.timeZone, 'Asia/Shanghai');
    assert.deepEqual(p.calendars.office?.weeklyHours.mon, [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]);
    assert.deepEqual(p.calendars.office?.weeklyHours.sat, []);
    assert.deepEqual(p.calendars.hotline?.weeklyHours.sun, [{ start: '00:00', end: '24:00' }]);
  });
});

describe('parsePolicy refuses bad values naming the field', () => {
  it('a negative trip tariff', () => {
    const p = getPolicyPreset('vehicle');
    p.fees.tripTariffs[0]!.mealsFenPerDay = -1;
    assert.equal(parsedField(p), 'fees.tripTariffs.0.mealsFenPerDay');
  });

  it('a fractional fen amount (R-FEE-06)', () => {
    const p = getPolicyPreset('vehicle');
    p.hr.penalties[0]!.minFen = 10.5;
    assert.equal(parsedField(p), 'hr.penalties.0.minFen');
  });

  it('an unknown time zone', () => {
    const p = getPolicyPreset('lighting');
    p.timeZone = 'Mars/Olympus';
    assert.equal(parsedField(p), 'timeZone');
  });

  it('overlapping working hours', () => {
    const p = getPolicyPreset('lighting');
    p.calendars.office!.weeklyHours.tue = [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '18:00' },
    ];
    assert.equal(parsedField(p), 'calendars.office.weeklyHours.tue.1.start');
  });

  it('an SLA target on a calendar that does not exist', () => {
    const p = getPolicyPreset('appliance');
    const t = p.sla.targets['request.forward'];
    if (t && t.basis === 'working_minutes') t.calendar = 'nowhere';
    assert.equal(parsedField(p), 'sla.targets.request.forward.calendar');
  });

  it('a reference to a missing SLA target', () => {
    const p = getPolicyPreset('appliance');
    p.followUp.callTarget = 'no.such.target';
    assert.equal(parsedField(p), 'followUp.callTarget');
  });

  it('a warning share above 100 %', () => {
    const p = getPolicyPreset('appliance');
    p.sla.targets.assessment!.warningShareBp = 12_000;
    assert.equal(parsedField(p), 'sla.targets.assessment.warningShareBp');
  });

  it('a partner mark-up below 10 % (R-FEE-03)', () => {
    const p = getPolicyPreset('vehicle');
    p.fees.partnerPartMarkupMinBp = 500;
    const r = parsePolicy(p);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.code, 'POLICY_INVALID');
      assert.equal(r.error.field, 'fees.partnerPartMarkupMinBp');
    }
  });

  it('a missing section', () => {
    const p = getPolicyPreset('ceramics') as Partial<Policy>;
    delete p.returns;
    assert.equal(parsedField(p), 'returns');
  });

  it('an impossible date in a tenant closure', () => {
    const p = getPolicyPreset('ceramics');
    p.calendars.office!.closures.push({ from: '2026-02-30', to: '2026-03-01', reason: 'x' });
    assert.equal(parsedField(p), 'calendars.office.closures.0.from');
  });
});
