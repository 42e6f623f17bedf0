import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../access/permissions';
import type { Role } from '../access/roles';
import { decideTransition, permittedActions } from './decide';
import { TRANSITIONS, WORK_ORDER_ACTIONS, actionsFrom } from './transitions';
import { WORK_ORDER_STATUSES, type WorkOrderAction, type WorkOrderStatus } from './work-order';

const now = new Date('2026-11-23T02:00:00Z');
const actor = (roles: Role[], userId = 'u1'): Actor => ({ userId, tenantId: 't1', roles });
const order = (status: WorkOrderStatus, assigneeId: string | null = null) => ({
  id: 'wo1',
  status,
  assigneeId,
});

describe('R-WO-01 the work order life is one table', () => {
  const happy: [WorkOrderAction, WorkOrderStatus, WorkOrderStatus][] = [
    ['assess', 'created', 'assessed'],
    ['quote', 'assessed', 'quoted'],
    ['confirm_quote', 'quoted', 'confirmed'],
    ['schedule', 'confirmed', 'scheduled'],
    ['dispatch', 'scheduled', 'dispatched'],
    ['depart', 'dispatched', 'en_route'],
    ['arrive', 'en_route', 'on_site'],
    ['start_repair', 'on_site', 'in_repair'],
    ['complete', 'in_repair', 'completed'],
    ['accept', 'completed', 'accepted'],
    ['follow_up', 'accepted', 'followed_up'],
    ['close', 'followed_up', 'closed'],
  ];
  for (const [action, from, to] of happy) {
    it(`R-WO-01 ${action}: ${from} → ${to}`, () => {
      const r = decideTransition(order(from), {
        action,
        actor: actor(['supervisor', 'manager', 'agent']),
        now,
      });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.value.to, to);
      assert.equal(r.value.from, from);
      assert.equal(r.value.at, now);
      assert.equal(r.value.actorId, 'u1');
    });
  }

  it('R-WO-01 every illegal move is refused with WORK_ORDER_ILLEGAL_TRANSITION', () => {
    const all: Role[] = ['admin', 'agent', 'engineer', 'technician', 'qc', 'supervisor', 'manager'];
    let refused = 0;
    for (const status of WORK_ORDER_STATUSES) {
      for (const action of WORK_ORDER_ACTIONS) {
        const legal = TRANSITIONS[action].from.includes(status);
        const r = decideTransition(order(status, 'u1'), {
          action,
          actor: actor(all),
          now,
          reason: 'because',
        });
        assert.equal(r.ok, legal, `${action} from ${status}`);
        if (!r.ok) {
          assert.equal(r.error.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
          refused++;
        }
      }
    }
    assert.ok(refused > 200);
  });

  it('R-WO-01 closed and cancelled are terminal', () => {
    assert.deepEqual(actionsFrom('closed'), []);
    assert.deepEqual(actionsFrom('cancelled'), []);
  });

  it('R-WO-01 side branches: cancel, not repairable, quote refused, workshop, rework', () => {
    assert.equal(TRANSITIONS.cancel.to, 'cancelled');
    assert.equal(TRANSITIONS.declare_not_repairable.to, 'not_repairable');
    assert.equal(TRANSITIONS.refuse_quote.to, 'quote_refused');
    assert.equal(TRANSITIONS.take_to_workshop.to, 'in_workshop');
    assert.equal(TRANSITIONS.reject_acceptance.to, 'rework');
  });

  it('R-WO-01 a cancel without a reason is refused naming the field', () => {
    const r = decideTransition(order('created'), {
      action: 'cancel',
      actor: actor(['agent']),
      now,
      reason: '  ',
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'WORK_ORDER_REASON_REQUIRED');
    assert.equal(r.error.field, 'reason');
  });

  it('R-ROLE-03 a technician cannot close a work order', () => {
    const r = decideTransition(order('completed', 'u1'), {
      action: 'close',
      actor: actor(['technician']),
      now,
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'WORK_ORDER_FORBIDDEN');
  });

  it('R-ROLE-03 a technician may only complete orders assigned to them', () => {
    const mine = decideTransition(order('in_repair', 'u1'), {
      action: 'complete',
      actor: actor(['technician']),
      now,
    });
    assert.ok(mine.ok);
    const other = decideTransition(order('in_repair', 'u2'), {
      action: 'complete',
      actor: actor(['technician']),
      now,
    });
    assert.ok(!other.ok);
    assert.equal(other.error.code, 'WORK_ORDER_NOT_ASSIGNEE');
  });

  it('R-FEE-04 only the general manager approves going on after a refused quote', () => {
    const sup = decideTransition(order('quote_refused'), {
      action: 'approve_after_refusal',
      actor: actor(['supervisor']),
      now,
      reason: 'x',
    });
    assert.ok(!sup.ok);
    const gm = decideTransition(order('quote_refused'), {
      action: 'approve_after_refusal',
      actor: actor(['manager']),
      now,
      reason: 'key account',
    });
    assert.ok(gm.ok);
    assert.equal(gm.value.to, 'confirmed');
    assert.equal(gm.value.reason, 'key account');
  });
});

describe('R-WO-01 permitted actions', () => {
  it('R-WO-01 an engineer on a created order may assess; a customer may do nothing', () => {
    assert.deepEqual(permittedActions(order('created'), actor(['engineer'])), ['assess']);
    assert.deepEqual(permittedActions(order('created'), actor(['customer'])), []);
  });
  it('R-ROLE-03 a supervisor on a completed order may close among others; a technician may not', () => {
    assert.ok(permittedActions(order('completed'), actor(['supervisor'])).includes('close'));
    assert.ok(!permittedActions(order('completed', 'u1'), actor(['technician'])).includes('close'));
  });
});

describe('R-WO-06 R-WO-08 workshop, rework and complaint branches', () => {
  it("R-WO-06 taken back to the workshop, the product returns to repair at the customer's; no repair starts in the workshop state", () => {
    const tech = actor(['technician']);
    const taken = decideTransition(order('on_site', 'u1'), { action: 'take_to_workshop', actor: tech, now });
    assert.ok(taken.ok);
    assert.equal(taken.value.to, 'in_workshop');
    const back = decideTransition(order('in_workshop', 'u1'), {
      action: 'return_from_workshop',
      actor: tech,
      now,
    });
    assert.ok(back.ok);
    assert.equal(back.value.to, 'in_repair');
    const start = decideTransition(order('in_workshop', 'u1'), { action: 'start_repair', actor: tech, now });
    assert.ok(!start.ok);
    assert.equal(start.error.code, 'WORK_ORDER_ILLEGAL_TRANSITION');
  });

  it('R-WO-06 only the assigned technician brings the product back', () => {
    const r = decideTransition(order('in_workshop', 'u2'), {
      action: 'return_from_workshop',
      actor: actor(['technician']),
      now,
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'WORK_ORDER_NOT_ASSIGNEE');
  });

  it('R-WO-08 rework goes back to the schedule or straight to repair', () => {
    for (const action of ['schedule', 'start_repair'] as const)
      assert.ok(TRANSITIONS[action].from.includes('rework'));
    const r = decideTransition(order('completed'), {
      action: 'request_rework',
      actor: actor(['qc']),
      now,
      reason: '回访不满意',
    });
    assert.ok(r.ok);
    assert.equal(r.value.to, 'rework');
  });

  it('R-WO-08 an escalation to a complaint needs a reason and ends in "escalated", which only closes', () => {
    const none = decideTransition(order('rework'), {
      action: 'escalate_to_complaint',
      actor: actor(['agent']),
      now,
    });
    assert.ok(!none.ok);
    assert.equal(none.error.code, 'WORK_ORDER_REASON_REQUIRED');
    const r = decideTransition(order('completed'), {
      action: 'escalate_to_complaint',
      actor: actor(['customer']),
      now,
      reason: '二次维修仍不满意',
    });
    assert.ok(r.ok);
    assert.equal(r.value.to, 'escalated');
    assert.deepEqual(actionsFrom('escalated'), ['close']);
  });

  it('R-WO-08 a warehouse keeper cannot escalate', () => {
    const r = decideTransition(order('completed'), {
      action: 'escalate_to_complaint',
      actor: actor(['warehouse']),
      now,
      reason: 'x',
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'WORK_ORDER_FORBIDDEN');
  });
});
