import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import {
  DomainError,
  decideWarranty,
  localDate,
  overrideWarranty,
  type Actor,
  type Approver,
  type CauseClass,
  type OverriddenWarrantyDecision,
  type Policy,
  type ProductCategory,
  type ReplacedPart,
  type RequestType,
  type WarrantyCoverage,
  type WarrantyDecision,
  type Payer,
} from '@aftercare/domain';
import {
  productLines,
  productModels,
  units,
  warrantyDecisions,
  workOrderTransitions,
  workOrders,
  type Executor,
} from '@aftercare/db';
import { enqueueEvent, toJson, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { requirePermission } from '../guards';
import { getTenant } from '../tenants/tenants';
import { findOrderInScope, tenantPolicy, unwrapApi, type WorkOrderRow } from './common';

export type WarrantyDecisionRow = typeof warrantyDecisions.$inferSelect;
export type WarrantyKind = 'computed' | 'override' | 'competitor_approval';

/** The assess move's data the warranty decision reads (R-WAR-01…05). */
export interface AssessmentPayload {
  causeClass?: CauseClass;
  failedPartId?: string;
  replacedParts?: { partId: string; installedAt: string; warrantyMonths?: number }[];
  purchaseDate?: string;
  proofOfPurchase?: string;
}

/** What a decision was computed from, stored with it so that it can be recomputed (R-WAR-05 approval). */
export interface WarrantyInputs {
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  proofOfPurchaseNumber: string | null;
  /** Where the purchase date came from: the unit record or the proof the engineer saw. */
  purchaseDateSource: 'unit' | 'assessment' | 'none';
  warrantyMonths: number | null;
  warrantyMonthsSource: 'model' | 'product_line' | 'policy';
  productLine: string | null;
  cause: CauseClass;
  failedPartId: string | null;
  /**
   * R-WAR-04: earlier replacements on the unit: from the repair records of its completed orders
   * (`partsReplaced` of the `complete` move, the part number or else the name as the part id, the
   * completion date as installation date) and any the engineer entered at assessment.
   */
  replacedParts: ReplacedPart[];
  replacedPartsSources: { repairRecords: number; assessment: number };
  productCategory: ProductCategory;
  requestedService: RequestType;
  assessedAt: string;
}

/** The facts of the order's unit: purchase, proof, catalogue months and category (R-WAR-02, R-WAR-05). */
async function unitFacts(tx: Executor, tenantId: string, unitId: string | null) {
  if (!unitId) return null;
  const [row] = await tx
    .select({
      purchaseDate: units.purchaseDate,
      proofOfPurchase: units.proofOfPurchase,
      modelMonths: productModels.warrantyMonths,
      lineMonths: productLines.warrantyMonths,
      lineCode: productLines.code,
      category: productLines.category,
    })
    .from(units)
    .innerJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .innerJoin(
      productLines,
      and(
        eq(productLines.tenantId, productModels.tenantId),
        eq(productLines.id, productModels.productLineId),
      ),
    )
    .where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
  return row ?? null;
}

/**
 * R-WAR-04: the parts this company replaced on the unit, read from the repair records of the unit's
 * other work orders (the `complete` move records `partsReplaced`, R-WO-07).
 */
async function partsReplacedOnUnit(
  tx: Executor,
  order: WorkOrderRow,
  timeZone: string,
): Promise<ReplacedPart[]> {
  if (!order.unitId) return [];
  const completions = await tx
    .select({ at: workOrderTransitions.at, payload: workOrderTransitions.payload })
    .from(workOrderTransitions)
    .innerJoin(
      workOrders,
      and(
        eq(workOrders.tenantId, workOrderTransitions.tenantId),
        eq(workOrders.id, workOrderTransitions.workOrderId),
      ),
    )
    .where(
      and(
        eq(workOrderTransitions.tenantId, order.tenantId),
        eq(workOrders.unitId, order.unitId),
        ne(workOrders.id, order.id),
        eq(workOrderTransitions.action, 'complete'),
      ),
    )
    .orderBy(asc(workOrderTransitions.at));
  const parts: ReplacedPart[] = [];
  for (const c of completions) {
    const list = (c.payload as { partsReplaced?: unknown } | null)?.partsReplaced;
    if (!Array.isArray(list)) continue;
    for (const p of list as { name?: unknown; partNumber?: unknown }[]) {
      const id =
        typeof p.partNumber === 'string' && p.partNumber.trim()
          ? p.partNumber.trim()
          : typeof p.name === 'string'
            ? p.name.trim()
            : '';
      if (id) parts.push({ partId: id, installedAt: localDate(c.at, timeZone) });
    }
  }
  return parts;
}

/** Gathers the warranty inputs of an order from its unit, the catalogue and the assessment data. */
export async function warrantyInputsFor(
  tx: Executor,
  order: WorkOrderRow,
  payload: AssessmentPayload,
  now: Date,
): Promise<WarrantyInputs> {
  const unit = await unitFacts(tx, order.tenantId, order.unitId);
  const proofNumber = payload.proofOfPurchase?.trim() || unit?.proofOfPurchase?.trim() || null;
  const purchaseDate = payload.purchaseDate ?? unit?.purchaseDate ?? null;
  const months = unit?.modelMonths ?? unit?.lineMonths ?? null;
  const { timeZone } = await getTenant(tx, order.tenantId);
  const recorded = await partsReplacedOnUnit(tx, order, timeZone);
  const entered: ReplacedPart[] = (payload.replacedParts ?? []).map((p) => ({
    partId: p.partId.trim(),
    installedAt: p.installedAt,
    ...(p.warrantyMonths === undefined ? {} : { warrantyMonths: p.warrantyMonths }),
  }));
  return {
    purchaseDate,
    proofOfPurchase: proofNumber !== null,
    proofOfPurchaseNumber: proofNumber,
    purchaseDateSource: payload.purchaseDate ? 'assessment' : purchaseDate ? 'unit' : 'none',
    warrantyMonths: months,
    warrantyMonthsSource:
      unit?.modelMonths != null ? 'model' : unit?.lineMonths != null ? 'product_line' : 'policy',
    productLine: unit?.lineCode.toLowerCase() ?? null,
    cause: payload.causeClass ?? 'unknown',
    failedPartId: payload.failedPartId?.trim() || null,
    replacedParts: [...recorded, ...entered],
    replacedPartsSources: { repairRecords: recorded.length, assessment: entered.length },
    productCategory: (unit?.category ?? 'own') as ProductCategory,
    requestedService: order.type as RequestType,
    assessedAt: now.toISOString(),
  };
}

/** decideWarranty on stored inputs; refusals name the API field (`purchaseDate`, `replacedParts.0.installedAt`). */
export function computeWarranty(
  inputs: WarrantyInputs,
  policy: Policy,
  approval: Approver | null = null,
): WarrantyDecision {
  const result = decideWarranty(
    {
      purchaseDate: inputs.purchaseDate,
      proofOfPurchase: inputs.proofOfPurchase,
      warrantyMonths: inputs.warrantyMonths,
      productLine: inputs.productLine,
      cause: inputs.cause,
      replacedParts: inputs.replacedParts,
      failedPartId: inputs.failedPartId,
      productCategory: inputs.productCategory,
      requestedService: inputs.requestedService,
      competitorApproval: approval,
      assessedAt: new Date(inputs.assessedAt),
    },
    policy,
  );
  if (!result.ok) {
    // The engineer's entries follow the recorded ones: name the field by its place in the request body.
    const m = /^replacedParts\[(\d+)\](.*)$/.exec(result.error.field ?? '');
    const offset = inputs.replacedPartsSources.repairRecords;
    if (m && Number(m[1]) >= offset) {
      throw new DomainError(result.error.code, result.error.message, {
        field: `replacedParts.${Number(m[1]) - offset}${m[2]}`,
      });
    }
  }
  return unwrapApi(result);
}

/** Writes the next version of the order's warranty decision. */
export async function recordWarrantyDecision(
  tx: Executor,
  tenantId: string,
  workOrderId: string,
  entry: {
    kind: WarrantyKind;
    decision: WarrantyDecision | OverriddenWarrantyDecision;
    inputs: WarrantyInputs;
    reason: string | null;
    by: string;
    at: Date;
  },
): Promise<WarrantyDecisionRow> {
  const [last] = await tx
    .select({ version: warrantyDecisions.version })
    .from(warrantyDecisions)
    .where(and(eq(warrantyDecisions.tenantId, tenantId), eq(warrantyDecisions.workOrderId, workOrderId)))
    .orderBy(desc(warrantyDecisions.version))
    .limit(1);
  const row: WarrantyDecisionRow = {
    tenantId,
    id: randomUUID(),
    workOrderId,
    version: (last?.version ?? 0) + 1,
    kind: entry.kind,
    inWarranty: entry.decision.inWarranty,
    coverage: entry.decision.coverage,
    payer: entry.decision.payer,
    decision: toJson(entry.decision),
    inputs: toJson(entry.inputs),
    reason: entry.reason,
    decidedBy: entry.by,
    decidedAt: entry.at,
  };
  await tx.insert(warrantyDecisions).values(row);
  return row;
}

/**
 * The assess move (R-WAR-01): computes the warranty decision before anything is written (a purchase
 * date in the future is refused here) and returns the writer the move calls once the order moved.
 */
export async function prepareAssessment(
  tx: Executor,
  meta: CommandMeta,
  order: WorkOrderRow,
  payload: AssessmentPayload,
  now: Date,
) {
  const { policy } = await tenantPolicy(tx, order.tenantId);
  const inputs = await warrantyInputsFor(tx, order, payload, now);
  const decision = computeWarranty(inputs, policy);
  return {
    decision,
    async record() {
      const row = await recordWarrantyDecision(tx, order.tenantId, order.id, {
        kind: 'computed',
        decision,
        inputs,
        reason: null,
        by: meta.actor.userId,
        at: now,
      });
      await writeAudit(tx, meta, now, {
        entityType: 'work_order',
        entityId: order.id,
        action: 'warranty.decide',
        after: row,
      });
      await enqueueEvent(tx, order.tenantId, now, {
        type: 'WarrantyDecided',
        aggregateType: 'work_order',
        aggregateId: order.id,
        payload: {
          number: order.number,
          version: row.version,
          coverage: row.coverage,
          payer: row.payer,
          inWarranty: row.inWarranty,
        },
      });
      return row;
    },
  };
}

export async function currentWarrantyRow(
  db: Executor,
  tenantId: string,
  workOrderId: string,
): Promise<WarrantyDecisionRow | null> {
  const [row] = await db
    .select()
    .from(warrantyDecisions)
    .where(and(eq(warrantyDecisions.tenantId, tenantId), eq(warrantyDecisions.workOrderId, workOrderId)))
    .orderBy(desc(warrantyDecisions.version))
    .limit(1);
  return row ?? null;
}

type StoredDecision = WarrantyDecision & {
  override?: { by: string; at: string; reason: string; original: WarrantyDecision };
};

/** The API view of a stored decision: reasons as machine codes, the computed original kept after an override. */
export function warrantyView(row: WarrantyDecisionRow) {
  const d = row.decision as StoredDecision;
  return {
    id: row.id,
    version: row.version,
    kind: row.kind as WarrantyKind,
    inWarranty: d.inWarranty,
    coverage: d.coverage,
    payer: d.payer,
    reasons: d.reasons,
    warrantyEndsOn: d.warrantyEndsOn,
    warrantyMonths: d.warrantyMonths,
    partWarranty: d.partWarranty ?? null,
    discountBp: d.discountBp,
    servicePriority: d.servicePriority,
    cause: d.cause,
    productCategory: d.productCategory,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt.toISOString(),
    reason: row.reason,
    override: d.override
      ? {
          by: d.override.by,
          at: String(d.override.at),
          reason: d.override.reason,
          original: {
            inWarranty: d.override.original.inWarranty,
            coverage: d.override.original.coverage,
            payer: d.override.original.payer,
            reasons: d.override.original.reasons,
          },
        }
      : null,
  };
}

export async function currentWarrantyView(db: Executor, tenantId: string, workOrderId: string) {
  const row = await currentWarrantyRow(db, tenantId, workOrderId);
  return row ? warrantyView(row) : null;
}

/** The decision in force and every earlier version (R-WAR-01, audit of overrides). */
export async function getWarrantyHistory(db: Executor, actor: Actor, workOrderId: string) {
  requirePermission(actor, 'work_order.read');
  await findOrderInScope(db, actor, workOrderId);
  const rows = await db
    .select()
    .from(warrantyDecisions)
    .where(
      and(eq(warrantyDecisions.tenantId, actor.tenantId), eq(warrantyDecisions.workOrderId, workOrderId)),
    )
    .orderBy(asc(warrantyDecisions.version));
  const history = rows.map(warrantyView);
  return { current: history.at(-1) ?? null, history };
}

export const AssessmentErrors = {
  notAssessed: 'WARRANTY_DECISION_MISSING',
  tooLate: 'WARRANTY_DECISION_LOCKED',
  approvalNotNeeded: 'WARRANTY_APPROVAL_NOT_NEEDED',
} as const;

/** Overrides and approvals change the decision only before a quote is issued (order `assessed`). */
async function lockedDecision(tx: Executor, actor: Actor, workOrderId: string) {
  const order = await findOrderInScope(tx, actor, workOrderId, true);
  const current = await currentWarrantyRow(tx, actor.tenantId, workOrderId);
  if (!current) throw new DomainError(AssessmentErrors.notAssessed, 'The work order has no assessment yet.');
  if (order.status !== 'assessed') {
    throw new DomainError(
      AssessmentErrors.tooLate,
      `The warranty decision of an order in status "${order.status}" can no longer change.`,
      {
        details: { status: order.status },
      },
    );
  }
  return { order, current };
}

/**
 * R-WAR-01/03: a supervisor overrides the computed decision with a reason; the computed decision is
 * kept in the new version (`override.original`) and every version stays in the history.
 */
export async function overrideWarrantyDecision(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  input: {
    coverage: WarrantyCoverage;
    payer: Payer;
    inWarranty?: boolean | undefined;
    discountBp?: number | undefined;
    reason: string;
  },
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.override_warranty');
  const { order, current } = await lockedDecision(tx, actor, workOrderId);
  const decided = unwrapApi(
    overrideWarranty(
      current.decision as WarrantyDecision,
      {
        coverage: input.coverage,
        payer: input.payer,
        ...(input.inWarranty === undefined ? {} : { inWarranty: input.inWarranty }),
        ...(input.discountBp === undefined ? {} : { discountBp: input.discountBp }),
      },
      { by: { userId: actor.userId, roles: actor.roles }, at: now, reason: input.reason },
    ),
  );
  const row = await recordWarrantyDecision(tx, actor.tenantId, workOrderId, {
    kind: 'override',
    decision: decided,
    inputs: current.inputs as WarrantyInputs,
    reason: decided.override.reason,
    by: actor.userId,
    at: now,
  });
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: 'warranty.override',
    before: current,
    after: row,
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'WarrantyOverridden',
    aggregateType: 'work_order',
    aggregateId: workOrderId,
    payload: {
      number: order.number,
      version: row.version,
      coverage: row.coverage,
      payer: row.payer,
      reason: row.reason,
    },
  });
  return warrantyView(row);
}

/**
 * R-WAR-05: a competitor's product gets only the services the policy lists; the manager (the
 * policy's approver) may approve another one. The decision is recomputed with the approval.
 */
export async function approveCompetitorService(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  input: { reason: string },
  now: Date,
) {
  const { actor } = meta;
  requirePermission(actor, 'work_order.approve_competitor_service');
  const { order, current } = await lockedDecision(tx, actor, workOrderId);
  const decision = current.decision as WarrantyDecision;
  if (decision.productCategory !== 'competitor' || decision.coverage !== 'refused') {
    throw new DomainError(
      AssessmentErrors.approvalNotNeeded,
      'Only a refused service on a competitor product needs this approval.',
      {
        details: { coverage: decision.coverage, productCategory: decision.productCategory },
      },
    );
  }
  const { policy } = await tenantPolicy(tx, actor.tenantId);
  const inputs = current.inputs as WarrantyInputs;
  const decided = computeWarranty(inputs, policy, { userId: actor.userId, roles: actor.roles });
  const row = await recordWarrantyDecision(tx, actor.tenantId, workOrderId, {
    kind: 'competitor_approval',
    decision: decided,
    inputs,
    reason: input.reason.trim(),
    by: actor.userId,
    at: now,
  });
  await writeAudit(tx, meta, now, {
    entityType: 'work_order',
    entityId: workOrderId,
    action: 'warranty.approve_competitor_service',
    before: current,
    after: row,
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'CompetitorServiceApproved',
    aggregateType: 'work_order',
    aggregateId: workOrderId,
    payload: { number: order.number, version: row.version, service: order.type, reason: row.reason },
  });
  return warrantyView(row);
}
