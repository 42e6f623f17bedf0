import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import {
  DomainError,
  TRANSITIONS,
  type Transition,
  type WorkOrderAction,
  type WorkOrderStatus,
} from '@aftercare/domain';
import { workshopReceipts, type Executor } from '@aftercare/db';
import type { CommandMeta } from '../context';
import { getTenant } from '../tenants/tenants';
import { storeSignature } from './attachments';
import { tenantPolicyOf } from './calendars';
import type { FileBatch } from './files';
import {
  cancelOpenFollowUps,
  createFollowUpAndSurvey,
  openComplaint,
  reworkCount,
  type ComplaintSource,
  type FieldworkOrder,
} from './records';

/** Codes of the field work; the HTTP edge maps them (…_TAKEN → 409, a named field → 400, else 422). */
export const FieldworkErrors = {
  acceptanceNotCompleted: 'ACCEPTANCE_ORDER_NOT_COMPLETED',
  acceptanceCheckFailed: 'ACCEPTANCE_CHECK_FAILED',
  receiptNumberTaken: 'WORKSHOP_RECEIPT_NUMBER_TAKEN',
  receiptMismatch: 'WORKSHOP_RECEIPT_MISMATCH',
  receiptMissing: 'WORKSHOP_RECEIPT_NOT_FOUND',
  slotInPast: 'SCHEDULE_SLOT_IN_PAST',
} as const;

export interface FieldworkMoveInput {
  action: WorkOrderAction;
  payload?: Record<string, unknown> | undefined;
  reason?: string | undefined;
  /** Where signature images are written (the server's attachment folder, one batch per command). */
  files?: FileBatch | undefined;
}

const legalFrom = (action: WorkOrderAction, status: string) =>
  TRANSITIONS[action].from.includes(status as WorkOrderStatus);

/**
 * Checks and shapes the data of a field-work move before the table decides it (called by
 * `transitionWorkOrder` in the same transaction, with the order row locked): refuses a signature on
 * an order not yet completed, stores signature images as attachments (the move records their ids),
 * checks the take-back receipt, and turns a second rejected acceptance into the complaint (R-WO-08).
 * A move that is not legal from the order's state is left to the table's coded refusal.
 */
export async function prepareFieldworkMove(
  tx: Executor,
  meta: CommandMeta,
  order: FieldworkOrder,
  input: FieldworkMoveInput,
  now: Date,
): Promise<{ action: WorkOrderAction; payload: Record<string, unknown> | undefined }> {
  const payload = input.payload ? { ...input.payload } : undefined;
  const { action } = input;
  if (action === 'accept' && order.status !== 'completed') {
    throw new DomainError(
      FieldworkErrors.acceptanceNotCompleted,
      'The customer signs the acceptance only after the work order is completed.',
      {
        details: { status: order.status },
      },
    );
  }
  if (!legalFrom(action, order.status) || !payload) return { action, payload };
  switch (action) {
    case 'schedule': {
      if (typeof payload.slotEnd === 'string' && Date.parse(payload.slotEnd) <= now.getTime()) {
        throw new DomainError(FieldworkErrors.slotInPast, 'The booked slot is over already.', {
          field: 'slotEnd',
        });
      }
      return { action, payload };
    }
    case 'depart':
      return { action, payload: { ...payload, departedAt: now.toISOString() } };
    case 'arrive':
      return { action, payload: { ...payload, arrivedAt: now.toISOString() } };
    case 'take_to_workshop': {
      const [taken] = await tx
        .select({ id: workshopReceipts.id })
        .from(workshopReceipts)
        .where(
          and(
            eq(workshopReceipts.tenantId, order.tenantId),
            eq(workshopReceipts.receiptNumber, String(payload.receiptNumber)),
          ),
        );
      if (taken)
        throw new DomainError(FieldworkErrors.receiptNumberTaken, 'This receipt number was given already.', {
          field: 'receiptNumber',
        });
      return { action, payload };
    }
    case 'return_from_workshop': {
      const receipt = await openReceipt(tx, order);
      if (!receipt)
        throw new DomainError(
          FieldworkErrors.receiptMissing,
          'The order has no take-back receipt to collect.',
          { field: 'receiptNumber' },
        );
      if (receipt.receiptNumber !== String(payload.receiptNumber).trim()) {
        throw new DomainError(
          FieldworkErrors.receiptMismatch,
          'The receipt collected is not the one given for this product.',
          {
            field: 'receiptNumber',
          },
        );
      }
      const { customerSignature, ...rest } = payload;
      const signatureId = await storeSignature(
        tx,
        meta,
        order.id,
        'return_signature',
        customerSignature,
        'customerSignature',
        input.files,
        now,
      );
      return { action, payload: { ...rest, customerSignatureId: signatureId } };
    }
    case 'complete': {
      const { technicianSignature, ...rest } = payload;
      if (technicianSignature === undefined) return { action, payload: rest };
      const signatureId = await storeSignature(
        tx,
        meta,
        order.id,
        'technician_signature',
        technicianSignature,
        'technicianSignature',
        input.files,
        now,
      );
      return { action, payload: { ...rest, technicianSignatureId: signatureId } };
    }
    case 'accept': {
      for (const field of ['functionTestOk', 'appearanceOk'] as const) {
        if (payload[field] !== true) {
          throw new DomainError(
            FieldworkErrors.acceptanceCheckFailed,
            'A failed check is not an acceptance: record the rejection instead.',
            { field },
          );
        }
      }
      const { customerSignature, ...rest } = payload;
      const signatureId = await storeSignature(
        tx,
        meta,
        order.id,
        'customer_signature',
        customerSignature,
        'customerSignature',
        input.files,
        now,
      );
      return { action, payload: { ...rest, customerSignatureId: signatureId } };
    }
    case 'reject_acceptance': {
      const policy = await tenantPolicyOf(tx, order.tenantId);
      const reworks = await reworkCount(tx, order.tenantId, order.id);
      const free = policy.workOrder.reworkFree && reworks < policy.workOrder.freeReworksBeforeComplaint;
      if (free) return { action, payload: { ...payload, freeRework: reworks + 1 } };
      return {
        action: 'escalate_to_complaint',
        payload: { ...payload, source: 'acceptance_rejected', previousReworks: reworks },
      };
    }
    default:
      return { action, payload };
  }
}

async function openReceipt(tx: Executor, order: FieldworkOrder) {
  const [receipt] = await tx
    .select()
    .from(workshopReceipts)
    .where(
      and(
        eq(workshopReceipts.tenantId, order.tenantId),
        eq(workshopReceipts.workOrderId, order.id),
        isNull(workshopReceipts.returnedAt),
      ),
    )
    .for('update');
  return receipt;
}

/**
 * What a field-work move leaves behind, after the move is written: the receipt (R-WO-06), the
 * follow-up task and survey at completion (R-FUP-01/02), the complaint of an escalation (R-WO-08).
 */
export async function afterFieldworkMove(
  tx: Executor,
  meta: CommandMeta,
  order: FieldworkOrder,
  move: Pick<Transition, 'action' | 'reason'>,
  payload: Record<string, unknown> | null,
  now: Date,
): Promise<void> {
  const data = payload ?? {};
  switch (move.action) {
    case 'take_to_workshop':
      await tx.insert(workshopReceipts).values({
        tenantId: order.tenantId,
        id: randomUUID(),
        workOrderId: order.id,
        receiptNumber: String(data.receiptNumber),
        items: String(data.items ?? ''),
        takenAt: now,
        takenBy: meta.actor.userId,
      });
      return;
    case 'return_from_workshop': {
      const receipt = await openReceipt(tx, order);
      if (!receipt) return;
      await tx
        .update(workshopReceipts)
        .set({
          returnedAt: now,
          returnedBy: meta.actor.userId,
          returnSignatureId: String(data.customerSignatureId),
          returnNote: typeof data.note === 'string' ? data.note : null,
        })
        .where(and(eq(workshopReceipts.tenantId, order.tenantId), eq(workshopReceipts.id, receipt.id)));
      return;
    }
    case 'complete':
      await createFollowUpAndSurvey(tx, meta, order, await tenantPolicyOf(tx, order.tenantId), now);
      return;
    case 'reject_acceptance':
    case 'request_rework':
      await cancelOpenFollowUps(tx, order.tenantId, order.id);
      return;
    case 'escalate_to_complaint': {
      await cancelOpenFollowUps(tx, order.tenantId, order.id);
      const tenant = await getTenant(tx, order.tenantId);
      const source = (typeof data.source === 'string' ? data.source : 'manual') as ComplaintSource;
      await openComplaint(tx, meta, order, { source, description: move.reason ?? '' }, tenant.timeZone, now);
      return;
    }
    default:
      return;
  }
}
