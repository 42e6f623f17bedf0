import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPolicyPreset, type Policy } from '../policy';
import {
  findRepeat,
  responseTargetFor,
  textSimilarityBp,
  triageRequest,
  TriageErrors,
  type NewRequest,
  type PreviousRequest,
  type TriageDecision,
  type TriageInput,
} from './index';

const appliance = getPolicyPreset('appliance');
const triage = (input: Partial<TriageInput>, policy: Policy = appliance): TriageDecision => {
  const result = triageRequest({ type: 'repair', problemText: '', ...input }, policy);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
};

describe('safety hazards (R-IN-04)', () => {
  const hazards: Array<[string, string[]]> = [
    ['热水器外壳漏电，手碰到发麻', ['漏电']],
    ['插座冒烟了，还有烧焦味', ['冒烟', '烧焦']],
    ['厨房燃气灶附近有燃气味', ['燃气']],
    ['The fridge gives an ELECTRIC SHOCK when touched', ['electric shock']],
    ['there is a burning   smell from the oven', ['burning smell']],
    ['Gas-leak near the boiler', ['gas leak']],
    ['smoke and fires everywhere', ['smoke', 'fire']],
    ['ｓｍｏｋｅ from the unit (full-width letters)', ['smoke']],
  ];
  for (const [text, keywords] of hazards) {
    it(`R-IN-04 "${text}" is a safety hazard: urgent, with the stop-use advice in zh and en`, () => {
      const d = triage({ problemText: text, requestedPriority: 'low' });
      assert.equal(d.priority, 'urgent');
      assert.equal(d.safetyHazard, true);
      assert.deepEqual(d.matchedKeywords, keywords);
      assert.deepEqual(d.stopUseAdvice, appliance.intake.stopUseAdvice);
      assert.ok(d.reasons.some((r) => r.code === 'hazard_overrides_requested'));
    });
  }
  const safe = ['冰箱不制冷', 'The campfire lamp flickers', 'door hinge squeaks', '遥控器没反应'];
  for (const text of safe) {
    it(`R-IN-04 "${text}" is not a hazard`, () => {
      const d = triage({ problemText: text });
      assert.equal(d.safetyHazard, false);
      assert.equal(d.stopUseAdvice, null);
    });
  }
  it('R-IN-04 the agent’s hazard flag alone makes the request urgent', () => {
    const d = triage({
      problemText: 'customer sounds worried, wall cracked behind cabinet',
      agentHazardFlag: true,
    });
    assert.equal(d.priority, 'urgent');
    assert.deepEqual(
      d.reasons.map((r) => r.code),
      ['agent_hazard_flag'],
    );
    assert.ok(d.stopUseAdvice);
  });
  it('R-IN-04 keywords come from the tenant’s policy (vehicle: 刹车失灵)', () => {
    assert.equal(
      triage({ problemText: '高空作业平台刹车失灵' }, getPolicyPreset('vehicle')).safetyHazard,
      true,
    );
    assert.equal(
      triage({ problemText: '高空作业平台刹车失灵' }, getPolicyPreset('lighting')).safetyHazard,
      false,
    );
  });
});

describe('priority and response targets (R-IN-04, R-IN-06, R-IN-07)', () => {
  it('R-IN-04 the requested priority is kept when there is no hazard', () => {
    const d = triage({ problemText: '不制冷', requestedPriority: 'low' });
    assert.equal(d.priority, 'low');
    assert.deepEqual(d.reasons, [{ code: 'requested_priority', params: { priority: 'low' } }]);
  });
  it('R-IN-04 without a request the type decides, and the policy may change the default', () => {
    assert.equal(triage({ type: 'repair' }).priority, 'normal');
    assert.equal(triage({ type: 'maintenance' }).priority, 'low');
    assert.equal(triage({ type: 'complaint' }).priority, 'urgent');
    const policy = structuredClone(appliance) as Policy & { intake: { defaultPriorityByType?: object } };
    policy.intake.defaultPriorityByType = { maintenance: 'normal' };
    assert.equal(triage({ type: 'maintenance' }, policy).priority, 'normal');
  });
  for (const priority of ['urgent', 'normal', 'low'] as const) {
    it(`R-IN-04 a ${priority} request is answered within the policy’s ${priority} response target`, () => {
      const d = triage({ requestedPriority: priority });
      const expected = appliance.intake.responseTargets[priority];
      assert.equal(d.targets[0]?.purpose, 'response');
      assert.equal(d.targets[0]?.key, expected);
      const direct = responseTargetFor(priority, appliance);
      assert.ok(direct.ok);
      assert.deepEqual(direct.value.target, appliance.sla.targets[expected]);
    });
  }
  it('R-IN-04 the appliance preset answers urgent in 4 h (its response target, in minutes)', () => {
    const d = triage({ problemText: '漏电' });
    const t = d.targets[0]?.target;
    assert.equal(t?.basis === 'clock_minutes' ? t.minutes : null, 240);
  });
  it('R-IN-06 a consultation also starts the answer clock; a request received outside the service department the forward clock', () => {
    const d = triage({ type: 'consultation', receivedOutsideServiceDepartment: true });
    assert.deepEqual(
      d.targets.map((t) => [t.purpose, t.key]),
      [
        ['response', appliance.intake.responseTargets.normal],
        ['consultation_answer', appliance.intake.consultationAnswerTarget],
        ['forward', appliance.intake.forwardTarget],
      ],
    );
  });
  it('R-IN-07 a problem registered in a store starts the store call-back clock', () => {
    const furniture = getPolicyPreset('furniture');
    const d = triage({ channel: 'store' }, furniture);
    assert.deepEqual(d.targets.at(-1)?.key, furniture.intake.storeHandoffCallbackTarget);
    assert.equal(d.targets.at(-1)?.purpose, 'store_callback');
  });
  it('R-IN-04 an unknown type or priority is refused with a coded error', () => {
    const badType = triageRequest({ type: 'gossip' as never, problemText: '' }, appliance);
    assert.equal(
      badType.ok ? '' : `${badType.error.code} ${badType.error.field}`,
      `${TriageErrors.typeUnknown} type`,
    );
    const badPriority = triageRequest(
      { type: 'repair', problemText: '', requestedPriority: 'asap' as never },
      appliance,
    );
    assert.equal(badPriority.ok ? '' : badPriority.error.code, TriageErrors.priorityUnknown);
  });
  it('R-IN-04 a policy naming a missing SLA target is refused, not guessed', () => {
    const broken = structuredClone(appliance);
    broken.intake.responseTargets.low = 'no.such.target';
    const result = triageRequest({ type: 'repair', problemText: '', requestedPriority: 'low' }, broken);
    assert.equal(result.ok ? '' : result.error.code, TriageErrors.targetMissing);
  });
});

describe('repeat repairs (R-IN-08)', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 - extraMs);
  const fresh: NewRequest = { type: 'repair', unitId: 'unit-7', problemText: '冰箱又不制冷了' };
  const earlier = (over: Partial<PreviousRequest>): PreviousRequest => ({
    id: 'SR-1',
    type: 'repair',
    receivedAt: daysAgo(10),
    unitId: 'unit-7',
    problemText: '冰箱不制冷',
    ...over,
  });
  const window = appliance.intake.duplicateWindowDays;

  const table: Array<[string, NewRequest, PreviousRequest[], string | null]> = [
    ['the same unit and symptom 10 days ago is a repeat', fresh, [earlier({})], 'SR-1'],
    [
      `exactly ${window} days ago is still inside the window`,
      fresh,
      [earlier({ receivedAt: daysAgo(window) })],
      'SR-1',
    ],
    [
      `${window} days and a minute ago is outside`,
      fresh,
      [earlier({ receivedAt: daysAgo(window, 60_000) })],
      null,
    ],
    ['another unit is not a repeat', fresh, [earlier({ unitId: 'unit-8' })], null],
    ['another symptom is not a repeat', fresh, [earlier({ problemText: '冰箱门关不上' })], null],
    ['a cancelled request is not repeated', fresh, [earlier({ status: 'cancelled' })], null],
    ['an earlier consultation is not a repair to repeat', fresh, [earlier({ type: 'consultation' })], null],
    ['a request received after now is ignored', fresh, [earlier({ receivedAt: daysAgo(-1) })], null],
    [
      'the most recent of several matches is linked',
      fresh,
      [
        earlier({ id: 'SR-old', receivedAt: daysAgo(20) }),
        earlier({ id: 'SR-new', receivedAt: daysAgo(3) }),
        earlier({ id: 'SR-mid', receivedAt: daysAgo(8) }),
      ],
      'SR-new',
    ],
    [
      'equal symptom codes match even in different words',
      { ...fresh, symptomCode: 'E4', problemText: 'display shows E4' },
      [earlier({ symptomCode: 'e4', problemText: '显示故障代码' })],
      'SR-1',
    ],
    [
      'different symptom codes do not match even in the same words',
      { ...fresh, symptomCode: 'E4' },
      [earlier({ symptomCode: 'E5', problemText: fresh.problemText })],
      null,
    ],
    [
      'without unit ids the model and serial number identify the unit',
      { type: 'repair', productModel: 'BCD-450', serialNumber: 'sn 0012 34', problemText: 'not cooling' },
      [
        earlier({
          unitId: null,
          productModel: 'bcd-450',
          serialNumber: 'SN001234',
          problemText: 'Fridge is not cooling at all',
        }),
      ],
      'SR-1',
    ],
  ];
  for (const [title, request, previous, linked] of table) {
    it(`R-IN-08 ${title}`, () => {
      const result = findRepeat(request, previous, now, appliance);
      assert.ok(result.ok);
      assert.equal(result.value?.requestId ?? null, linked);
      if (linked !== null) assert.equal(result.value?.isRepeatRepair, request.type === 'repair');
    });
  }
  it('R-IN-08 the match says how it was found (3 of 4 character pairs shared) and how long ago', () => {
    const result = findRepeat(fresh, [earlier({})], now, appliance);
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      requestId: 'SR-1',
      basis: 'text',
      similarityBp: 7500,
      daysSince: 10,
      isRepeatRepair: true,
    });
  });
  it('R-IN-08 a complaint about the same symptom is linked but is not itself a repeat repair', () => {
    const result = findRepeat({ ...fresh, type: 'complaint' }, [earlier({})], now, appliance);
    assert.ok(result.ok);
    assert.equal(result.value?.requestId, 'SR-1');
    assert.equal(result.value?.isRepeatRepair, false);
  });
  it('R-IN-08 the window comes from the policy', () => {
    const short = structuredClone(appliance);
    short.intake.duplicateWindowDays = 7;
    const result = findRepeat(fresh, [earlier({})], now, short);
    assert.ok(result.ok);
    assert.equal(result.value, null);
  });

  const similarity: Array<[string, string, boolean]> = [
    ['不制冷', '冰箱不制冷了', true],
    ['冰箱不制冷', '冰箱门关不上', false],
    ['漏水', '洗衣机底部漏水', true],
    ['Not cooling', 'the fridge is not cooling', true],
    ['light flickers', 'lamp does not switch on', false],
    ['', '不制冷', false],
  ];
  for (const [a, b, similar] of similarity) {
    it(`R-IN-08 "${a}" and "${b}" are ${similar ? '' : 'not '}the same symptom`, () => {
      assert.equal(textSimilarityBp(a, b) >= 5000, similar);
    });
  }
});
