import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, PERMISSIONS, can, scopeFor, type Action } from './permissions';
import { ROLES, STAFF_ROLES, type Role } from './roles';

// The expected matrix, written out independently of the table: each role → the actions it may take.
const EXPECTED: Record<Role, readonly Action[]> = {
  admin: [
    'customer.read',
    'customer.write',
    'customer.reveal_pii',
    'catalog.read',
    'catalog.write',
    'unit.read',
    'unit.write',
    'request.create',
    'request.read',
    'request.review',
    'work_order.read',
    'audit.read',
    'policy.read',
    'policy.write',
    'user.read',
    'user.write',
    'attachment.read',
    'workforce.read',
    'workforce.write',
  ],
  agent: [
    'customer.read',
    'customer.write',
    'customer.reveal_pii',
    'catalog.read',
    'unit.read',
    'unit.write',
    'request.create',
    'request.read',
    'request.review',
    'request.answer',
    'work_order.read',
    'work_order.quote',
    'work_order.record_quote_decision',
    'work_order.schedule',
    'work_order.record_acceptance',
    'work_order.rework',
    'work_order.follow_up',
    'work_order.cancel',
    'audit.read',
    'policy.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
    'request.contact',
    'sla.pause',
    'workforce.read',
    'dispatch.plan',
  ],
  engineer: [
    'customer.read',
    'customer.reveal_pii',
    'catalog.read',
    'unit.read',
    'request.read',
    'request.review',
    'request.answer',
    'work_order.read',
    'work_order.assess',
    'work_order.quote',
    'work_order.start_repair',
    'work_order.take_to_workshop',
    'work_order.complete',
    'work_order.declare_not_repairable',
    'work_order.record_acceptance',
    'audit.read',
    'policy.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
    'request.contact',
    'sla.pause',
    'workforce.read',
    'leave.request',
  ],
  technician: [
    'customer.read',
    'customer.reveal_pii',
    'catalog.read',
    'unit.read',
    'request.read',
    'work_order.read',
    'work_order.travel',
    'work_order.start_repair',
    'work_order.take_to_workshop',
    'work_order.complete',
    'work_order.record_acceptance',
    'policy.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
    'request.contact',
    'workforce.read',
    'leave.request',
  ],
  qc: [
    'customer.read',
    'catalog.read',
    'unit.read',
    'request.read',
    'work_order.read',
    'work_order.rework',
    'work_order.follow_up',
    'audit.read',
    'policy.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
  ],
  warehouse: [
    'customer.read',
    'catalog.read',
    'unit.read',
    'request.read',
    'work_order.read',
    'policy.read',
    'attachment.read',
  ],
  logistics: [
    'customer.read',
    'customer.reveal_pii',
    'catalog.read',
    'unit.read',
    'request.read',
    'work_order.read',
    'policy.read',
    'attachment.read',
  ],
  finance: [
    'customer.read',
    'catalog.read',
    'unit.read',
    'request.read',
    'work_order.read',
    'audit.read',
    'policy.read',
    'attachment.read',
  ],
  supervisor: [
    'customer.read',
    'customer.write',
    'customer.reveal_pii',
    'catalog.read',
    'catalog.write',
    'unit.read',
    'unit.write',
    'request.create',
    'request.read',
    'request.review',
    'request.answer',
    'work_order.read',
    'work_order.assess',
    'work_order.quote',
    'work_order.record_quote_decision',
    'work_order.override_warranty',
    'work_order.schedule',
    'work_order.dispatch',
    'work_order.travel',
    'work_order.start_repair',
    'work_order.take_to_workshop',
    'work_order.complete',
    'work_order.declare_not_repairable',
    'work_order.record_acceptance',
    'work_order.rework',
    'work_order.follow_up',
    'work_order.close',
    'work_order.cancel',
    'audit.read',
    'policy.read',
    'user.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
    'request.contact',
    'sla.pause',
    'workforce.read',
    'workforce.write',
    'leave.request',
    'leave.approve',
    'dispatch.plan',
    'dispatch.assign',
    'dispatch.override',
  ],
  manager: [
    'customer.read',
    'customer.write',
    'customer.reveal_pii',
    'catalog.read',
    'catalog.write',
    'unit.read',
    'unit.write',
    'request.create',
    'request.read',
    'request.review',
    'request.answer',
    'work_order.read',
    'work_order.approve_exception',
    'work_order.approve_competitor_service',
    'work_order.close',
    'work_order.cancel',
    'audit.read',
    'policy.read',
    'policy.write',
    'user.read',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
    'request.contact',
    'sla.pause',
    'workforce.read',
    'workforce.write',
    'leave.request',
    'leave.approve',
    'dispatch.plan',
  ],
  guide: [
    'customer.read',
    'customer.write',
    'catalog.read',
    'unit.read',
    'unit.write',
    'request.create',
    'request.read',
    'work_order.read',
    'policy.read',
    'attachment.read',
    'attachment.write',
    'request.contact',
  ],
  customer: [
    'catalog.read',
    'unit.read',
    'request.create',
    'request.read',
    'work_order.read',
    'work_order.record_quote_decision',
    'work_order.record_acceptance',
    'work_order.escalate',
    'attachment.read',
    'attachment.write',
  ],
};

describe('R-ROLE-01 R-ROLE-03 permission matrix (role × action)', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[role].includes(action);
      it(`R-ROLE-03 ${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        assert.equal(can([role], action), expected);
      });
    }
  }

  it('R-ROLE-03 the table lists only known roles', () => {
    for (const roles of Object.values(PERMISSIONS))
      for (const r of roles) assert.ok((ROLES as readonly string[]).includes(r));
  });

  it('R-ROLE-01 a person holding several roles has the union of their rights', () => {
    assert.equal(can(['technician'], 'work_order.close'), false);
    assert.equal(can(['technician', 'supervisor'], 'work_order.close'), true);
  });

  it('R-ROLE-01 every staff role of the spec exists', () => {
    assert.deepEqual([...STAFF_ROLES].sort(), [
      'admin',
      'agent',
      'engineer',
      'finance',
      'guide',
      'logistics',
      'manager',
      'qc',
      'supervisor',
      'technician',
      'warehouse',
    ]);
  });
});

describe('R-ROLE-03 read scope by ownership', () => {
  it('R-ROLE-03 a technician sees only orders assigned to them', () => {
    assert.deepEqual(scopeFor({ userId: 'u1', tenantId: 't', roles: ['technician'] }), {
      kind: 'assigned',
      userId: 'u1',
    });
  });
  it('R-ROLE-03 a customer sees only their own', () => {
    assert.deepEqual(scopeFor({ userId: 'u2', tenantId: 't', roles: ['customer'], customerId: 'c9' }), {
      kind: 'own',
      customerId: 'c9',
    });
  });
  it('R-ROLE-03 an office role sees the whole tenant', () => {
    assert.deepEqual(scopeFor({ userId: 'u3', tenantId: 't', roles: ['technician', 'agent'] }), {
      kind: 'tenant',
    });
  });
  it('R-ROLE-03 a customer account without a customer record sees nothing of others', () => {
    const scope = scopeFor({ userId: 'u4', tenantId: 't', roles: ['customer'] });
    assert.equal(scope.kind, 'own');
  });
});
