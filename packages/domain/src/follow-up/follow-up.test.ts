import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays, compilePolicyCalendars } from '../calendar';
import { getPolicyPreset, type Policy } from '../policy';
import {
  followUpTaskFor,
  FollowUpErrors,
  recordFollowUpCall,
  scoreSurvey,
  stepsToScore,
  type FollowUpCalendar,
  type FollowUpCallInput,
  type SurveyAnswers,
} from './index';

const appliance = getPolicyPreset('appliance');
const compiled = compilePolicyCalendars(appliance, { fromYear: 2025, toYear: 2027 });
const calendar: FollowUpCalendar = {
  addWorkingDays: (t, d, name) => {
    const cal = compiled[name];
    assert.ok(cal, `no calendar ${name}`);
    return addWorkingDays(cal, t, d);
  },
};
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

describe('follow-up call task (R-FUP-01)', () => {
  const table: Array<[string, string, string]> = [
    ['a Wednesday completion is due the next Monday', '2026-11-25T10:00:00', '2026-11-30T10:00:00'],
    [
      'National Day and its make-up Saturday count as the calendar says',
      '2026-09-30T10:00:00',
      '2026-10-10T10:00:00',
    ],
  ];
  for (const [title, completed, due] of table) {
    it(`R-FUP-01 the follow-up call is due 3 working days after completion: ${title}`, () => {
      const task = followUpTaskFor('WO-1', shanghai(completed), appliance, calendar);
      assert.ok(task.ok, task.ok ? '' : task.error.message);
      assert.equal(task.value.dueAt.toISOString(), shanghai(due).toISOString());
      assert.equal(task.value.targetKey, appliance.followUp.callTarget);
      assert.equal(task.value.kind, 'follow_up_call');
    });
  }
  it('R-FUP-01 the number of days and the calendar come from the policy target', () => {
    const calls: Array<[number, string]> = [];
    const spy: FollowUpCalendar = {
      addWorkingDays: (t, d, name) => {
        calls.push([d, name]);
        return t + d;
      },
    };
    const target = appliance.sla.targets[appliance.followUp.callTarget];
    assert.ok(target && target.basis === 'working_days');
    followUpTaskFor('WO-1', 1000, appliance, spy);
    assert.deepEqual(calls, [[target.days, target.calendar]]);
  });
  it('R-FUP-01 a clock-minute target needs no calendar; a working-minute target needs addWorkingMinutes', () => {
    const policy: Policy = structuredClone(appliance);
    const label = { zh: '回访', en: 'Follow-up' };
    const common = {
      label,
      ruleIds: ['R-FUP-01'],
      start: 'work_order.completed' as const,
      stop: ['follow_up.recorded' as const],
      pauseOn: [],
      warningShareBp: 7500,
    };
    policy.sla.targets['follow_up.call'] = { basis: 'clock_minutes', minutes: 60, ...common };
    const clock = followUpTaskFor('WO-1', 0, policy, calendar);
    assert.equal(clock.ok && clock.value.dueAt.getTime(), 3_600_000);
    policy.sla.targets['follow_up.call'] = {
      basis: 'working_minutes',
      calendar: 'office',
      minutes: 60,
      ...common,
    };
    const missing = followUpTaskFor('WO-1', 0, policy, calendar);
    assert.equal(missing.ok ? '' : missing.error.code, FollowUpErrors.calendarMissing);
  });
  it('R-FUP-01 a bad completion time is refused', () => {
    const result = followUpTaskFor('WO-1', Number.NaN, appliance, calendar);
    assert.equal(
      result.ok ? '' : `${result.error.code} ${result.error.field}`,
      `${FollowUpErrors.instantInvalid} completedAt`,
    );
  });
});

describe('follow-up call record (R-FUP-01, R-WO-08)', () => {
  const completedAt = shanghai('2026-11-25T10:00:00');
  const now = shanghai('2026-11-27T15:00:00');
  const calledAt = shanghai('2026-11-27T14:00:00');
  const record = (input: Partial<FollowUpCallInput> & { reached?: boolean }, previousReworks = 0) =>
    recordFollowUpCall(
      { reached: true, calledAt, satisfaction: 5, productRunningOk: true, ...input } as FollowUpCallInput,
      { completedAt, previousReworks },
      now,
      appliance,
    );

  it('R-FUP-01 a reached customer’s satisfaction, running state and suggestions are kept, trimmed', () => {
    const result = record({ satisfaction: 4, suggestions: '  上门前请再打个电话  ', otherFaults: '' });
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      reached: true,
      calledAt,
      satisfaction: 4,
      satisfactionScore: 75,
      productRunningOk: true,
      otherFaults: null,
      suggestions: '上门前请再打个电话',
      outcome: 'none',
    });
  });
  it('R-FUP-01 a customer not reached is recorded as an attempt', () => {
    const result = recordFollowUpCall(
      { reached: false, calledAt, note: 'no answer' },
      { completedAt, previousReworks: 0 },
      now,
      appliance,
    );
    assert.deepEqual(result.ok && result.value, { reached: false, calledAt, note: 'no answer' });
  });
  const outcomes: Array<[string, Partial<FollowUpCallInput>, number, string]> = [
    ['a dissatisfied customer gets a free second service', { satisfaction: 2 }, 0, 'open_rework'],
    [
      'a product that does not run gets a free second service',
      { satisfaction: 5, productRunningOk: false },
      0,
      'open_rework',
    ],
    ['dissatisfied again after a rework opens a complaint', { satisfaction: 1 }, 1, 'open_complaint'],
    [
      'a neutral answer (3 → 50, below the preset threshold of 60) opens a rework',
      { satisfaction: 3 },
      0,
      'open_rework',
    ],
    ['a satisfied answer (4 → 75) opens nothing', { satisfaction: 4 }, 0, 'none'],
  ];
  for (const [title, input, reworks, outcome] of outcomes) {
    it(`R-WO-08 ${title}`, () => {
      const result = record(input, reworks);
      assert.ok(result.ok);
      assert.equal(result.value.reached && result.value.outcome, outcome);
    });
  }
  const refused: Array<[string, Partial<FollowUpCallInput>, string, string]> = [
    ['satisfaction 0', { satisfaction: 0 }, FollowUpErrors.satisfactionInvalid, 'satisfaction'],
    ['satisfaction 6', { satisfaction: 6 }, FollowUpErrors.satisfactionInvalid, 'satisfaction'],
    ['satisfaction 4.5', { satisfaction: 4.5 }, FollowUpErrors.satisfactionInvalid, 'satisfaction'],
    [
      'no running state',
      { productRunningOk: undefined as unknown as boolean },
      FollowUpErrors.runningStateRequired,
      'productRunningOk',
    ],
    ['suggestions too long', { suggestions: 'x'.repeat(2001) }, FollowUpErrors.textTooLong, 'suggestions'],
    [
      'a call before completion',
      { calledAt: shanghai('2026-11-25T09:59:00') },
      FollowUpErrors.callBeforeCompletion,
      'calledAt',
    ],
    [
      'a call in the future',
      { calledAt: shanghai('2026-11-27T15:01:00') },
      FollowUpErrors.callInFuture,
      'calledAt',
    ],
  ];
  for (const [title, input, code, field] of refused) {
    it(`R-FUP-01 refuses ${title} with ${code}`, () => {
      const result = record(input);
      assert.equal(result.ok ? 'ok' : `${result.error.code} ${result.error.field}`, `${code} ${field}`);
    });
  }
  it('R-FUP-01 a negative rework count is refused', () => {
    const result = record({}, -1);
    assert.equal(result.ok ? 'ok' : result.error.code, FollowUpErrors.reworkCountInvalid);
  });
});

describe('satisfaction survey (R-FUP-02)', () => {
  const answers = (a: number, b: number, c: number, d: number): SurveyAnswers => ({
    responseTime: a,
    onSiteTime: b,
    repairResult: c,
    attitude: d,
  });
  const threshold = appliance.followUp.lowScoreThreshold;
  const target = appliance.followUp.surveyTarget;
  const table: Array<[string, SurveyAnswers, number, number, boolean, string]> = [
    ['all top marks', answers(100, 100, 100, 100), 0, 100, true, 'none'],
    ['the mean rounds half up (90.5 → 91)', answers(90, 91, 90, 91), 0, 91, true, 'none'],
    ['the mean rounds down below half (89.25 → 89)', answers(89, 89, 89, 90), 0, 89, false, 'none'],
    [
      'exactly on the low-score threshold opens nothing',
      answers(threshold, threshold, threshold, threshold),
      0,
      threshold,
      false,
      'none',
    ],
    [
      'just below the threshold opens a rework',
      answers(threshold - 1, threshold, threshold, threshold - 2),
      0,
      threshold - 1,
      false,
      'open_rework',
    ],
    ['low again after a rework opens a complaint', answers(10, 20, 0, 30), 1, 15, false, 'open_complaint'],
  ];
  for (const [title, items, reworks, overall, meets, outcome] of table) {
    it(`R-FUP-02 ${title}: overall ${overall}, ${outcome}`, () => {
      const result = scoreSurvey(items, { previousReworks: reworks }, appliance);
      assert.ok(result.ok);
      assert.equal(result.value.overall, overall);
      assert.equal(result.value.meetsTarget, meets);
      assert.equal(result.value.meetsTarget, overall >= target);
      assert.equal(result.value.outcome, outcome);
    });
  }
  it('R-FUP-02 a policy whose low-score action is a complaint opens a complaint at once', () => {
    const policy: Policy = structuredClone(appliance);
    policy.followUp.lowScoreAction = 'complaint';
    const result = scoreSurvey(answers(0, 0, 0, 0), { previousReworks: 0 }, policy);
    assert.equal(result.ok && result.value.outcome, 'open_complaint');
  });
  it('R-FUP-02 a policy without free rework opens a complaint', () => {
    const policy: Policy = structuredClone(appliance);
    policy.workOrder.reworkFree = false;
    const result = scoreSurvey(answers(0, 0, 0, 0), { previousReworks: 0 }, policy);
    assert.equal(result.ok && result.value.outcome, 'open_complaint');
  });
  const bad: Array<[SurveyAnswers, string]> = [
    [answers(101, 90, 90, 90), 'answers.responseTime'],
    [answers(90, -1, 90, 90), 'answers.onSiteTime'],
    [answers(90, 90, 90.5, 90), 'answers.repairResult'],
    [answers(90, 90, 90, Number.NaN), 'answers.attitude'],
  ];
  for (const [items, field] of bad) {
    it(`R-FUP-02 refuses a score outside 0–100 or not whole on ${field}`, () => {
      const result = scoreSurvey(items, { previousReworks: 0 }, appliance);
      assert.equal(
        result.ok ? 'ok' : `${result.error.code} ${result.error.field}`,
        `${FollowUpErrors.scoreInvalid} ${field}`,
      );
    });
  }
  it('R-FUP-02 five-step answers map onto 0–100', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map(stepsToScore), [0, 25, 50, 75, 100]);
  });
});
