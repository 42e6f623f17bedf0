import { can, type Role } from '../access';
import type { Policy } from '../policy';
import type { Channel } from '../service-request';
import { DomainError, assertNever, type Result } from '../shared/errors';
import type { Fen } from '../shared/money';
import { holdsApproverRole } from '../warranty';
import { QuoteErrors } from './errors';

/** Who acted, with the roles they held: a portal customer or a staff member recording it. */
export interface QuoteActor {
  userId: string;
  roles: readonly Role[];
}

/** Who decided, when and through which channel (R-FEE-01, R-NF-02). */
export interface QuoteDecisionRecord {
  by: string;
  at: Date;
  channel: Channel;
}

export type QuoteState =
  | { status: 'none' }
  | { status: 'issued'; quoteId: string; total: Fen; issuedAt: Date }
  | { status: 'accepted'; quoteId: string; total: Fen; issuedAt: Date; acceptance: QuoteDecisionRecord }
  | {
      status: 'refused';
      quoteId: string;
      total: Fen;
      issuedAt: Date;
      refusal: QuoteDecisionRecord & { reason: string | null };
    }
  | {
      status: 'going_on_after_refusal';
      quoteId: string;
      total: Fen;
      issuedAt: Date;
      refusal: QuoteDecisionRecord & { reason: string | null };
      approval: { by: string; at: Date; reason: string };
    };
export type QuoteStatus = QuoteState['status'];

export type QuoteCommand =
  | { type: 'issue'; quoteId: string; total: Fen; actor: QuoteActor; at: Date }
  | { type: 'accept'; actor: QuoteActor; channel: Channel; at: Date; signature?: string | null }
  | { type: 'refuse'; actor: QuoteActor; channel: Channel; at: Date; reason?: string | null }
  | { type: 'approve_going_on'; actor: QuoteActor; at: Date; reason: string };

export type QuoteEvent =
  | { type: 'quote.issued'; quoteId: string; total: Fen; by: string; at: Date }
  | {
      type: 'quote.accepted';
      quoteId: string;
      total: Fen;
      by: string;
      at: Date;
      channel: Channel;
      signature: string | null;
    }
  | {
      type: 'quote.refused';
      quoteId: string;
      total: Fen;
      by: string;
      at: Date;
      channel: Channel;
      reason: string | null;
    }
  | { type: 'quote.going_on_approved'; quoteId: string; by: string; at: Date; reason: string };

/** The policy sections quote decisions read. A full `Policy` fits. */
export interface QuoteDecisionPolicy {
  fees: Pick<Policy['fees'], 'refusalToPayApprover' | 'quoteConfirmationRequired'>;
}

const refuse = (code: string, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new DomainError(code, message, field === undefined ? {} : { field }),
});

/**
 * A customer decides in the portal; staff record a decision made by phone, in the store, by letter…
 * and then name that channel, never `portal`.
 */
function checkDecider(actor: QuoteActor, channel: Channel): Result<true> {
  const customer = actor.roles.includes('customer');
  if (!customer && !can(actor.roles, 'work_order.record_quote_decision')) {
    return refuse(QuoteErrors.forbidden, 'Your roles may not record a quote decision.');
  }
  if (customer && channel !== 'portal') {
    return refuse(QuoteErrors.channelInvalid, 'A customer decides in the portal.', 'channel');
  }
  if (!customer && channel === 'portal') {
    return refuse(
      QuoteErrors.channelInvalid,
      'Say how the customer told you (hotline, store, …).',
      'channel',
    );
  }
  return { ok: true, value: true };
}

const trimmed = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/**
 * Decides a command on a quote (R-FEE-01, R-FEE-04): issue or re-issue, the customer's acceptance or
 * refusal with who, when and channel, and the approver's go-ahead after a refusal. Returns the events.
 */
export function decideQuote(
  state: QuoteState,
  command: QuoteCommand,
  policy: QuoteDecisionPolicy,
): Result<QuoteEvent[]> {
  switch (command.type) {
    case 'issue': {
      if (!Number.isSafeInteger(command.total) || command.total < 0) {
        return refuse(
          QuoteErrors.totalInvalid,
          'A quote total is a whole, non-negative number of fen.',
          'total',
        );
      }
      if (!can(command.actor.roles, 'work_order.quote')) {
        return refuse(QuoteErrors.forbidden, 'Your roles may not issue a quote.');
      }
      // A re-issued quote (more work found, a new price) replaces the old one and needs a new decision.
      const { quoteId, total, at } = command;
      return { ok: true, value: [{ type: 'quote.issued', quoteId, total, by: command.actor.userId, at }] };
    }
    case 'accept':
    case 'refuse': {
      if (state.status !== 'issued' && !(command.type === 'accept' && state.status === 'refused')) {
        return refuse(
          QuoteErrors.notAwaitingDecision,
          `A quote in status "${state.status}" cannot be ${command.type === 'accept' ? 'accepted' : 'refused'}.`,
        );
      }
      const decider = checkDecider(command.actor, command.channel);
      if (!decider.ok) return decider;
      if (command.at.getTime() < state.issuedAt.getTime()) {
        return refuse(QuoteErrors.decisionBeforeIssue, 'A decision cannot precede the quote.', 'at');
      }
      const common = {
        quoteId: state.quoteId,
        total: state.total,
        by: command.actor.userId,
        at: command.at,
        channel: command.channel,
      };
      if (command.type === 'accept') {
        return {
          ok: true,
          value: [{ type: 'quote.accepted', ...common, signature: trimmed(command.signature) }],
        };
      }
      return { ok: true, value: [{ type: 'quote.refused', ...common, reason: trimmed(command.reason) }] };
    }
    case 'approve_going_on': {
      if (state.status !== 'refused') {
        return refuse(QuoteErrors.notRefused, 'Only a refused quote can go on with an approval.');
      }
      const approver = policy.fees.refusalToPayApprover;
      if (!holdsApproverRole(command.actor, approver)) {
        return refuse(QuoteErrors.approvalForbidden, `Only the ${approver} may let refused work go on.`);
      }
      const reason = trimmed(command.reason);
      if (reason === null) return refuse(QuoteErrors.reasonRequired, 'Say why the work goes on.', 'reason');
      if (command.at.getTime() < state.refusal.at.getTime()) {
        return refuse(QuoteErrors.decisionBeforeIssue, 'The approval cannot precede the refusal.', 'at');
      }
      return {
        ok: true,
        value: [
          {
            type: 'quote.going_on_approved',
            quoteId: state.quoteId,
            by: command.actor.userId,
            at: command.at,
            reason,
          },
        ],
      };
    }
    default:
      return assertNever(command);
  }
}

/** Applies one event to the quote state (the decider's evolve). */
export function evolveQuote(state: QuoteState, event: QuoteEvent): QuoteState {
  switch (event.type) {
    case 'quote.issued':
      return { status: 'issued', quoteId: event.quoteId, total: event.total, issuedAt: event.at };
    case 'quote.accepted':
      if (state.status === 'none') return state;
      return {
        status: 'accepted',
        quoteId: state.quoteId,
        total: state.total,
        issuedAt: state.issuedAt,
        acceptance: { by: event.by, at: event.at, channel: event.channel },
      };
    case 'quote.refused':
      if (state.status === 'none') return state;
      return {
        status: 'refused',
        quoteId: state.quoteId,
        total: state.total,
        issuedAt: state.issuedAt,
        refusal: { by: event.by, at: event.at, channel: event.channel, reason: event.reason },
      };
    case 'quote.going_on_approved':
      if (state.status !== 'refused') return state;
      return {
        ...state,
        status: 'going_on_after_refusal',
        approval: { by: event.by, at: event.at, reason: event.reason },
      };
    default:
      return assertNever(event);
  }
}

export type ChargeableWorkReason =
  | 'quote_accepted'
  | 'approved_after_refusal'
  | 'nothing_chargeable'
  | 'confirmation_not_required'
  | 'quote_missing'
  | 'quote_not_accepted'
  | 'quote_refused';

/**
 * R-FEE-01: no chargeable work before the customer accepts the itemised quote; R-FEE-04: after a
 * refusal only with the approver's go-ahead. A quote with nothing to pay needs no acceptance.
 */
export function mayStartChargeableWork(
  state: QuoteState,
  policy: QuoteDecisionPolicy,
): { allowed: boolean; reason: ChargeableWorkReason } {
  switch (state.status) {
    case 'accepted':
      return { allowed: true, reason: 'quote_accepted' };
    case 'going_on_after_refusal':
      return { allowed: true, reason: 'approved_after_refusal' };
    case 'refused':
      return { allowed: false, reason: 'quote_refused' };
    case 'issued':
      if (state.total === 0) return { allowed: true, reason: 'nothing_chargeable' };
      if (!policy.fees.quoteConfirmationRequired)
        return { allowed: true, reason: 'confirmation_not_required' };
      return { allowed: false, reason: 'quote_not_accepted' };
    case 'none':
      if (!policy.fees.quoteConfirmationRequired)
        return { allowed: true, reason: 'confirmation_not_required' };
      return { allowed: false, reason: 'quote_missing' };
    default:
      return assertNever(state);
  }
}
