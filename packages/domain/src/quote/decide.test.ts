import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getPolicyPreset } from '../policy';
import {
  decideQuote,
  evolveQuote,
  mayStartChargeableWork,
  QuoteErrors,
  type QuoteActor,
  type QuoteCommand,
  type QuoteEvent,
  type QuoteState,
} from './index';

const vehicle = getPolicyPreset('vehicle');
const t = (minute: number): Date => new Date(Date.UTC(2026, 10, 25, 2, minute));
const customer: QuoteActor = { userId: 'cust-1', roles: ['customer'] };
const agent: QuoteActor = { userId: 'agent-1', roles: ['agent'] };
const engineer: QuoteActor = { userId: 'eng-1', roles: ['engineer'] };
const technician: QuoteActor = { userId: 'tech-1', roles: ['technician'] };
const manager: QuoteActor = { userId: 'gm-1', roles: ['manager'] };
const supervisor: QuoteActor = { userId: 'sup-1', roles: ['supervisor'] };

const issued: QuoteState = { status: 'issued', quoteId: 'Q-1', total: 26_190, issuedAt: t(0) };

/** Runs commands from a state, applying the events of each; fails on the first refusal. */
function run(state: QuoteState, ...commands: QuoteCommand[]): { state: QuoteState; events: QuoteEvent[] } {
  const events: QuoteEvent[] = [];
  for (const command of commands) {
    const result = decideQuote(state, command, vehicle);
    assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
    events.push(...result.value);
    state = result.value.reduce(evolveQuote, state);
  }
  return { state, events };
}

describe('quote decisions (R-FEE-01, R-FEE-04)', () => {
  it('R-FEE-01 an engineer issues the quote; the customer accepts it in the portal with who, when and channel', () => {
    const { state, events } = run(
      { status: 'none' },
      { type: 'issue', quoteId: 'Q-1', total: 26_190, actor: engineer, at: t(0) },
      {
        type: 'accept',
        actor: customer,
        channel: 'portal',
        at: t(5),
        signature: 'data:image/png;base64,AAA',
      },
    );
    assert.deepEqual(events[1], {
      type: 'quote.accepted',
      quoteId: 'Q-1',
      total: 26_190,
      by: 'cust-1',
      at: t(5),
      channel: 'portal',
      signature: 'data:image/png;base64,AAA',
    });
    assert.equal(state.status, 'accepted');
    assert.deepEqual(mayStartChargeableWork(state, vehicle), { allowed: true, reason: 'quote_accepted' });
  });

  it('R-FEE-01 an agent records an acceptance made on the hotline', () => {
    const { state } = run(issued, { type: 'accept', actor: agent, channel: 'hotline', at: t(3) });
    assert.equal(state.status === 'accepted' && state.acceptance.channel, 'hotline');
  });

  it('R-FEE-04 a refusal stops chargeable work until the general manager approves going on', () => {
    const refused = run(issued, {
      type: 'refuse',
      actor: agent,
      channel: 'store',
      at: t(3),
      reason: ' too expensive ',
    });
    assert.deepEqual(refused.events[0], {
      type: 'quote.refused',
      quoteId: 'Q-1',
      total: 26_190,
      by: 'agent-1',
      at: t(3),
      channel: 'store',
      reason: 'too expensive',
    });
    assert.deepEqual(mayStartChargeableWork(refused.state, vehicle), {
      allowed: false,
      reason: 'quote_refused',
    });
    const approved = run(refused.state, {
      type: 'approve_going_on',
      actor: manager,
      at: t(30),
      reason: 'Key account; cost recovered under the framework contract',
    });
    assert.equal(approved.events[0]?.type, 'quote.going_on_approved');
    assert.deepEqual(mayStartChargeableWork(approved.state, vehicle), {
      allowed: true,
      reason: 'approved_after_refusal',
    });
  });

  it('R-FEE-04 a customer who changes their mind may still accept a refused quote', () => {
    const { state } = run(
      issued,
      { type: 'refuse', actor: customer, channel: 'portal', at: t(3) },
      { type: 'accept', actor: agent, channel: 'hotline', at: t(20) },
    );
    assert.equal(state.status, 'accepted');
  });

  it('R-FEE-01 a re-issued quote needs a new acceptance', () => {
    const { state } = run(
      issued,
      { type: 'accept', actor: customer, channel: 'portal', at: t(3) },
      { type: 'issue', quoteId: 'Q-2', total: 30_000, actor: engineer, at: t(40) },
    );
    assert.deepEqual(mayStartChargeableWork(state, vehicle), {
      allowed: false,
      reason: 'quote_not_accepted',
    });
  });

  const refusedState = run(issued, { type: 'refuse', actor: customer, channel: 'portal', at: t(3) }).state;
  const acceptedState = run(issued, { type: 'accept', actor: customer, channel: 'portal', at: t(3) }).state;
  const table: Array<[string, QuoteState, QuoteCommand, string, string?]> = [
    [
      'a customer deciding through another channel',
      issued,
      { type: 'accept', actor: customer, channel: 'hotline', at: t(3) },
      QuoteErrors.channelInvalid,
      'channel',
    ],
    [
      'staff recording a decision as "portal"',
      issued,
      { type: 'accept', actor: agent, channel: 'portal', at: t(3) },
      QuoteErrors.channelInvalid,
      'channel',
    ],
    [
      'a technician recording a decision',
      issued,
      { type: 'refuse', actor: technician, channel: 'hotline', at: t(3) },
      QuoteErrors.forbidden,
    ],
    [
      'a decision without a quote',
      { status: 'none' },
      { type: 'accept', actor: customer, channel: 'portal', at: t(3) },
      QuoteErrors.notAwaitingDecision,
    ],
    [
      'accepting twice',
      acceptedState,
      { type: 'accept', actor: customer, channel: 'portal', at: t(4) },
      QuoteErrors.notAwaitingDecision,
    ],
    [
      'refusing an accepted quote',
      acceptedState,
      { type: 'refuse', actor: customer, channel: 'portal', at: t(4) },
      QuoteErrors.notAwaitingDecision,
    ],
    [
      'a decision dated before the quote',
      issued,
      { type: 'accept', actor: customer, channel: 'portal', at: new Date(t(0).getTime() - 1) },
      QuoteErrors.decisionBeforeIssue,
      'at',
    ],
    [
      'a supervisor approving going on (the policy names the general manager)',
      refusedState,
      { type: 'approve_going_on', actor: supervisor, at: t(9), reason: 'x' },
      QuoteErrors.approvalForbidden,
    ],
    [
      'an approval without a reason',
      refusedState,
      { type: 'approve_going_on', actor: manager, at: t(9), reason: '  ' },
      QuoteErrors.reasonRequired,
      'reason',
    ],
    [
      'an approval of a quote that was not refused',
      issued,
      { type: 'approve_going_on', actor: manager, at: t(9), reason: 'x' },
      QuoteErrors.notRefused,
    ],
    [
      'issuing with a negative total',
      issued,
      { type: 'issue', quoteId: 'Q-3', total: -1, actor: engineer, at: t(9) },
      QuoteErrors.totalInvalid,
      'total',
    ],
    [
      'a technician issuing a quote',
      issued,
      { type: 'issue', quoteId: 'Q-3', total: 1, actor: technician, at: t(9) },
      QuoteErrors.forbidden,
    ],
  ];
  for (const [title, state, command, code, field] of table) {
    it(`R-FEE-04 refuses ${title} with ${code}`, () => {
      const result = decideQuote(state, command, vehicle);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, code);
      assert.equal(result.error.field, field);
    });
  }

  it('R-FEE-04 the approver role comes from the policy', () => {
    const lenient = { fees: { ...vehicle.fees, refusalToPayApprover: 'service_supervisor' as const } };
    const result = decideQuote(
      refusedState,
      { type: 'approve_going_on', actor: supervisor, at: t(9), reason: 'ok' },
      lenient,
    );
    assert.ok(result.ok);
  });
});

describe('no acceptance, no chargeable work (R-FEE-01)', () => {
  const table: Array<[string, QuoteState, boolean, boolean, string]> = [
    ['no quote yet', { status: 'none' }, true, false, 'quote_missing'],
    ['a quote awaiting the customer', issued, true, false, 'quote_not_accepted'],
    ['a quote with nothing to pay', { ...issued, total: 0 }, true, true, 'nothing_chargeable'],
    ['a policy that does not ask for confirmation', issued, false, true, 'confirmation_not_required'],
    [
      'a refused quote, even when confirmation is not required',
      { ...issued, status: 'refused', refusal: { by: 'c', at: t(1), channel: 'portal', reason: null } },
      false,
      false,
      'quote_refused',
    ],
  ];
  for (const [title, state, required, allowed, reason] of table) {
    it(`R-FEE-01 ${title}: ${allowed ? 'work may start' : 'no chargeable work'}`, () => {
      const policy = { fees: { ...vehicle.fees, quoteConfirmationRequired: required } };
      assert.deepEqual(mayStartChargeableWork(state, policy), { allowed, reason });
    });
  }
});
