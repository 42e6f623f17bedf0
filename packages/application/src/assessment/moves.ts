import { DomainError, type WorkOrderAction } from '@aftercare/domain';
import type { Executor } from '@aftercare/db';
import type { CommandMeta } from '../context';
import { requireChargeableWork } from '../quotes/state';
import { tenantPolicy, type WorkOrderRow } from './common';
import { prepareAssessment, type AssessmentPayload } from './warranty';

/** Moves that start chargeable work: none before the quote is accepted on a charged order (R-FEE-01). */
export const CHARGEABLE_WORK_ACTIONS: readonly WorkOrderAction[] = ['schedule', 'dispatch', 'start_repair'];
/** Moves that only the quote use case makes, because they write the quote too (R-FEE-01, R-FEE-04). */
export const QUOTE_ACTIONS: readonly WorkOrderAction[] = [
  'quote',
  'confirm_quote',
  'refuse_quote',
  'approve_after_refusal',
];

export interface LifecycleMoveInput {
  action: WorkOrderAction;
  payload?: Record<string, unknown> | undefined;
  viaQuote?: { quoteId: string } | undefined;
}

/**
 * What the service lifecycle adds to a work order move, checked before anything is written: the
 * assess move computes the warranty decision (R-WAR-01…05); chargeable work waits for the accepted
 * quote (R-FEE-01, R-FEE-04); quote moves come only from the quote use case. `afterMove` writes.
 */
export async function prepareLifecycleMove(
  tx: Executor,
  meta: CommandMeta,
  order: WorkOrderRow,
  input: LifecycleMoveInput,
  now: Date,
) {
  if (QUOTE_ACTIONS.includes(input.action) && !input.viaQuote) {
    throw new DomainError(
      'WORK_ORDER_MOVE_NEEDS_QUOTE',
      `The ${input.action} move is made through the quote endpoints.`,
      {
        details: { action: input.action },
      },
    );
  }
  if (CHARGEABLE_WORK_ACTIONS.includes(input.action)) {
    const { policy } = await tenantPolicy(tx, order.tenantId);
    await requireChargeableWork(tx, order.tenantId, order.id, policy, input.action);
  }
  const assessment =
    input.action === 'assess'
      ? await prepareAssessment(tx, meta, order, (input.payload ?? {}) as AssessmentPayload, now)
      : null;
  return {
    async afterMove(): Promise<void> {
      if (assessment) await assessment.record();
    },
  };
}
