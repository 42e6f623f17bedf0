import { and, eq, gte, or } from 'drizzle-orm';
import {
  DomainError,
  findRepeat,
  triageRequest,
  type Actor,
  type Channel,
  type Policy,
  type Priority,
  type RepeatMatch,
  type RequestStatus,
  type RequestType,
  type TriageDecision,
} from '@aftercare/domain';
import { productModels, requestIntake, serviceRequests, units, type Executor } from '@aftercare/db';
import { enqueueEvent, toJson, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';
import { signalRequest } from '../sla/hooks';

const DAY_MS = 86_400_000;

export type RequestIntakeRow = typeof requestIntake.$inferSelect;

/** What triage at intake needs to know of the new request. */
export interface IntakeFacts {
  type: RequestType;
  problem: string;
  channel: Channel;
  requestedPriority: Priority | null;
  agentHazardFlag: boolean;
  customerId: string;
  unitId: string | null;
  storeName?: string | null | undefined;
}

export interface IntakeTriage {
  decision: TriageDecision;
  repeat: RepeatMatch | null;
  /** Writes the triage row of the request once the request row exists. */
  record(requestId: string): Promise<RequestIntakeRow>;
}

/**
 * The channel a request is recorded under: a portal customer files through the portal; a sales guide
 * who holds no office role files the store's after-sales registration form (R-IN-07).
 */
export function intakeChannel(actor: Actor, requested: Channel): Channel {
  if (actor.roles.includes('customer') && actor.roles.length === 1) return 'portal';
  const office = actor.roles.some((r) => r !== 'guide' && r !== 'customer');
  if (actor.roles.includes('guide') && !office) return 'store';
  return requested;
}

/**
 * Triage of a new request (R-IN-04, R-IN-07, R-IN-08): priority, safety hazard and stop-use advice
 * from the tenant policy, and the earlier request for the same unit and symptom within the policy's
 * window (the customer's and the unit's earlier requests are the candidates).
 */
export async function triageIntake(
  tx: Executor,
  tenantId: string,
  policy: Policy,
  facts: IntakeFacts,
  now: Date,
): Promise<IntakeTriage> {
  const decision = unwrap(
    triageRequest(
      {
        type: facts.type,
        problemText: facts.problem,
        agentHazardFlag: facts.agentHazardFlag,
        requestedPriority: facts.requestedPriority,
        channel: facts.channel,
      },
      policy,
    ),
  );

  let repeat: RepeatMatch | null = null;
  if (facts.type !== 'consultation') {
    const since = new Date(now.getTime() - policy.intake.duplicateWindowDays * DAY_MS);
    const [unit] = facts.unitId
      ? await tx
          .select({ serialNumber: units.serialNumber, model: productModels.code })
          .from(units)
          .innerJoin(
            productModels,
            and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
          )
          .where(and(eq(units.tenantId, tenantId), eq(units.id, facts.unitId)))
      : [];
    const earlier = await tx
      .select({
        id: serviceRequests.id,
        type: serviceRequests.type,
        status: serviceRequests.status,
        createdAt: serviceRequests.createdAt,
        unitId: serviceRequests.unitId,
        problem: serviceRequests.problem,
        serialNumber: units.serialNumber,
        model: productModels.code,
      })
      .from(serviceRequests)
      .leftJoin(
        units,
        and(eq(units.tenantId, serviceRequests.tenantId), eq(units.id, serviceRequests.unitId)),
      )
      .leftJoin(
        productModels,
        and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
      )
      .where(
        and(
          eq(serviceRequests.tenantId, tenantId),
          gte(serviceRequests.createdAt, since),
          or(
            eq(serviceRequests.customerId, facts.customerId),
            facts.unitId ? eq(serviceRequests.unitId, facts.unitId) : undefined,
          ),
        ),
      );
    repeat = unwrap(
      findRepeat(
        {
          type: facts.type,
          unitId: facts.unitId,
          serialNumber: unit?.serialNumber ?? null,
          productModel: unit?.model ?? null,
          problemText: facts.problem,
        },
        earlier.map((e) => ({
          id: e.id,
          type: e.type as RequestType,
          status: e.status,
          receivedAt: e.createdAt,
          unitId: e.unitId,
          serialNumber: e.serialNumber,
          productModel: e.model,
          problemText: e.problem,
        })),
        now,
        policy,
      ),
    );
  }

  return {
    decision,
    repeat,
    async record(requestId) {
      const row: RequestIntakeRow = {
        tenantId,
        requestId,
        triageReasons: toJson(decision.reasons),
        matchedKeywords: decision.matchedKeywords,
        stopUseAdvice: decision.stopUseAdvice,
        repeatOfId: repeat?.requestId ?? null,
        repeatMatch: repeat
          ? {
              basis: repeat.basis,
              similarityBp: repeat.similarityBp,
              daysSince: repeat.daysSince,
              isRepeatRepair: repeat.isRepeatRepair,
            }
          : null,
        isRepeat: repeat !== null,
        storeName: facts.storeName?.trim() || null,
        answer: null,
        answeredAt: null,
        answeredBy: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(requestIntake).values(row);
      return row;
    },
  };
}

type Reason = { code: string; params: Record<string, string | number | boolean | null> };

/** The intake part of a request's view; nulls for a request recorded before triage existed. */
export function intakeView(row: RequestIntakeRow | null) {
  return {
    stopUseAdvice: (row?.stopUseAdvice as { zh: string; en: string } | null | undefined) ?? null,
    triage: row
      ? { reasons: row.triageReasons as Reason[], matchedKeywords: row.matchedKeywords as string[] }
      : null,
    repeatOfId: row?.repeatOfId ?? null,
    isRepeat: row?.isRepeat ?? false,
    repeat:
      (row?.repeatMatch as
        | { basis: 'symptom_code' | 'text'; similarityBp: number; daysSince: number; isRepeatRepair: boolean }
        | null
        | undefined) ?? null,
    storeName: row?.storeName ?? null,
    answer: row?.answer ?? null,
    answeredAt: row?.answeredAt?.toISOString() ?? null,
  };
}

export const IntakeErrors = {
  notConsultation: 'REQUEST_NOT_CONSULTATION',
  cannotAnswer: 'REQUEST_ILLEGAL_TRANSITION',
} as const;

const ANSWERABLE: readonly RequestStatus[] = ['new', 'accepted'];

/**
 * R-IN-06: answers a consultation and closes it (status `answered`) without a work order. Only a
 * consultation that is new or accepted on review can be answered, once.
 */
export async function answerConsultation(
  tx: Executor,
  meta: CommandMeta,
  id: string,
  input: { answer: string },
  now: Date,
) {
  requirePermission(meta.actor, 'request.answer');
  const tenantId = meta.actor.tenantId;
  const [before] = await tx
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, id)))
    .for('update');
  if (!before) throw notFound('Service request');
  if (before.type !== 'consultation') {
    throw new DomainError(
      IntakeErrors.notConsultation,
      'Only a consultation is answered and closed this way.',
      {
        details: { type: before.type },
      },
    );
  }
  if (!ANSWERABLE.includes(before.status as RequestStatus)) {
    throw new DomainError(
      IntakeErrors.cannotAnswer,
      `A consultation in status "${before.status}" cannot be answered.`,
      {
        details: { status: before.status },
      },
    );
  }
  const answer = input.answer.trim();
  await tx
    .update(serviceRequests)
    .set({ status: 'answered', updatedAt: now })
    .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, id)));
  const [intake] = await tx
    .select()
    .from(requestIntake)
    .where(and(eq(requestIntake.tenantId, tenantId), eq(requestIntake.requestId, id)));
  if (intake) {
    await tx
      .update(requestIntake)
      .set({ answer, answeredAt: now, answeredBy: meta.actor.userId, updatedAt: now })
      .where(and(eq(requestIntake.tenantId, tenantId), eq(requestIntake.requestId, id)));
  } else {
    await tx.insert(requestIntake).values({
      tenantId,
      requestId: id,
      triageReasons: [],
      matchedKeywords: [],
      stopUseAdvice: null,
      repeatOfId: null,
      repeatMatch: null,
      isRepeat: false,
      storeName: null,
      answer,
      answeredAt: now,
      answeredBy: meta.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
  }
  const after = { ...before, status: 'answered', updatedAt: now, answer };
  await writeAudit(tx, meta, now, {
    entityType: 'service_request',
    entityId: id,
    action: 'service_request.answer',
    before,
    after,
  });
  // R-IN-06: the answer stops the consultation-answer clock.
  await signalRequest(tx, meta, id, { kind: 'event', event: 'consultation.answered' }, now);
  await enqueueEvent(tx, tenantId, now, {
    type: 'ConsultationAnswered',
    aggregateType: 'service_request',
    aggregateId: id,
    payload: { number: before.number, answeredBy: meta.actor.userId },
  });
}
