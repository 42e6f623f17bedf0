import { and, asc, desc, eq } from 'drizzle-orm';
import { localDate, type Actor } from '@aftercare/domain';
import {
  attachments,
  complaints,
  customerAddresses,
  followUpTasks,
  productModels,
  serviceRequests,
  surveys,
  tenants,
  units,
  workOrderTransitions,
  workshopReceipts,
  type Executor,
} from '@aftercare/db';
import { requirePermission } from '../guards';
import { getWorkOrder } from '../work-orders/work-orders';
import { attachmentView } from './attachments';
import type { AttachmentFiles } from './files';

type Payload = Record<string, unknown>;

async function latestPayload(db: Executor, tenantId: string, workOrderId: string, action: string) {
  const [row] = await db
    .select({
      payload: workOrderTransitions.payload,
      at: workOrderTransitions.at,
      actorId: workOrderTransitions.actorId,
    })
    .from(workOrderTransitions)
    .where(
      and(
        eq(workOrderTransitions.tenantId, tenantId),
        eq(workOrderTransitions.workOrderId, workOrderId),
        eq(workOrderTransitions.action, action),
      ),
    )
    .orderBy(desc(workOrderTransitions.at), desc(workOrderTransitions.id))
    .limit(1);
  return row ? { payload: (row.payload as Payload | null) ?? {}, at: row.at } : null;
}

async function signatureDataUrl(
  db: Executor,
  files: AttachmentFiles,
  tenantId: string,
  id: unknown,
): Promise<string | null> {
  if (typeof id !== 'string') return null;
  const [row] = await db
    .select({ id: attachments.id, contentType: attachments.contentType })
    .from(attachments)
    .where(and(eq(attachments.tenantId, tenantId), eq(attachments.id, id)));
  if (!row || row.contentType !== 'image/png') return null;
  const bytes = await files.read(tenantId, row.id);
  return `data:image/png;base64,${bytes.toString('base64')}`;
}

/**
 * What the printable service report (维修单, R-WO-07) shows: customer, product, symptom, cause, plan,
 * parts, test result, both signatures (inlined as data URLs so the page prints on its own), order
 * number and date. Read with the same access check as the order itself.
 */
export async function getServiceReportData(db: Executor, actor: Actor, id: string, files: AttachmentFiles) {
  const order = await getWorkOrder(db, actor, id);
  const tenantId = actor.tenantId;
  const [tenant] = await db
    .select({ name: tenants.name, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.tenantId, tenantId));
  const [request] = await db
    .select({ addressId: serviceRequests.addressId, unitId: serviceRequests.unitId })
    .from(serviceRequests)
    .where(and(eq(serviceRequests.tenantId, tenantId), eq(serviceRequests.id, order.requestId)));
  // The visit address booked with the schedule, else the request's, else the customer's default.
  const booked = await latestPayload(db, tenantId, id, 'schedule');
  const [address] = await db
    .select()
    .from(customerAddresses)
    .where(
      and(
        eq(customerAddresses.tenantId, tenantId),
        request?.addressId
          ? eq(customerAddresses.id, request.addressId)
          : eq(customerAddresses.customerId, order.customer.id),
      ),
    )
    .orderBy(desc(customerAddresses.isDefault), asc(customerAddresses.createdAt))
    .limit(1);
  const addressText =
    str(booked?.payload.address) ??
    (address
      ? [address.province, address.city, address.district, address.line].filter(Boolean).join(' ')
      : null);
  const [product] = request?.unitId
    ? await db
        .select({
          serialNumber: units.serialNumber,
          modelCode: productModels.code,
          modelName: productModels.name,
        })
        .from(units)
        .innerJoin(
          productModels,
          and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
        )
        .where(and(eq(units.tenantId, tenantId), eq(units.id, request.unitId)))
    : [];
  const completion = await latestPayload(db, tenantId, id, 'complete');
  const acceptance = await latestPayload(db, tenantId, id, 'accept');
  const timeZone = tenant?.timeZone ?? 'Asia/Shanghai';
  const repair = completion?.payload ?? {};
  return {
    company: tenant?.name ?? '',
    number: order.number,
    status: order.status,
    date: localDate(completion?.at ?? new Date(order.createdAt), timeZone),
    completedAt: completion?.at.toISOString() ?? null,
    acceptedAt: acceptance?.at.toISOString() ?? null,
    customer: {
      name: order.customer.name,
      phone: order.customer.phoneMasked,
      address: addressText,
    },
    product: product
      ? { model: `${product.modelName} ${product.modelCode}`, serialNumber: product.serialNumber }
      : null,
    problem: order.problem,
    technician: order.assignee?.displayName ?? null,
    repair: {
      symptom: str(repair.symptom) ?? order.problem,
      appearanceCheck: str(repair.appearanceCheck),
      powerOnTest: str(repair.powerOnTest),
      instrumentTest: str(repair.instrumentTest),
      cause: str(repair.cause),
      plan: str(repair.plan),
      workDone: str(repair.workDone),
      partsReplaced: Array.isArray(repair.partsReplaced)
        ? (repair.partsReplaced as { name: string; partNumber?: string; quantity: number }[]).map((p) => ({
            name: String(p.name),
            partNumber: p.partNumber ? String(p.partNumber) : null,
            quantity: Number(p.quantity),
          }))
        : [],
      testResult: str(repair.testResult),
      wholeProductCheck: str(repair.wholeProductCheck),
      otherFaultsAsked: repair.otherFaultsAsked === true,
      otherFaults: str(repair.otherFaults),
    },
    acceptance: acceptance
      ? {
          functionTestOk: acceptance.payload.functionTestOk === true,
          appearanceOk: acceptance.payload.appearanceOk === true,
          comment: str(acceptance.payload.comment),
        }
      : null,
    signatures: {
      technician: await signatureDataUrl(db, files, tenantId, repair.technicianSignatureId),
      customer: acceptance
        ? await signatureDataUrl(db, files, tenantId, acceptance.payload.customerSignatureId)
        : null,
    },
  };
}
export type ServiceReportData = Awaited<ReturnType<typeof getServiceReportData>>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The field work of one order at a glance: take-back receipts, follow-up tasks, the survey link,
 * complaints and attachments (each visible as the order is).
 */
export async function getFieldwork(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'work_order.read');
  await getWorkOrder(db, actor, id);
  const tenantId = actor.tenantId;
  const [receipts, tasks, surveyRows, complaintRows, files] = await Promise.all([
    db
      .select()
      .from(workshopReceipts)
      .where(and(eq(workshopReceipts.tenantId, tenantId), eq(workshopReceipts.workOrderId, id)))
      .orderBy(asc(workshopReceipts.takenAt)),
    db
      .select()
      .from(followUpTasks)
      .where(and(eq(followUpTasks.tenantId, tenantId), eq(followUpTasks.workOrderId, id)))
      .orderBy(asc(followUpTasks.createdAt)),
    db
      .select()
      .from(surveys)
      .where(and(eq(surveys.tenantId, tenantId), eq(surveys.workOrderId, id)))
      .orderBy(asc(surveys.createdAt)),
    db
      .select()
      .from(complaints)
      .where(and(eq(complaints.tenantId, tenantId), eq(complaints.workOrderId, id)))
      .orderBy(asc(complaints.createdAt)),
    db
      .select()
      .from(attachments)
      .where(and(eq(attachments.tenantId, tenantId), eq(attachments.workOrderId, id)))
      .orderBy(asc(attachments.createdAt)),
  ]);
  return {
    receipts: receipts.map((r) => ({
      receiptNumber: r.receiptNumber,
      items: r.items,
      takenAt: r.takenAt.toISOString(),
      returnedAt: r.returnedAt?.toISOString() ?? null,
      returnSignatureId: r.returnSignatureId,
    })),
    followUps: tasks.map((t) => ({
      id: t.id,
      status: t.status,
      dueAt: t.dueAt.toISOString(),
      targetKey: t.targetKey,
      result: t.result ?? null,
    })),
    surveys: surveyRows.map((s) => ({
      id: s.id,
      // The link sent to the customer (SMS / e-mail); anyone who may read the order may resend it.
      path: `/survey/${s.token}`,
      token: s.token,
      answeredAt: s.answeredAt?.toISOString() ?? null,
      overall: s.overall,
      meetsTarget: s.meetsTarget,
      outcome: s.outcome,
    })),
    complaints: complaintRows.map((c) => ({
      id: c.id,
      number: c.number,
      source: c.source,
      status: c.status,
      description: c.description,
      createdAt: c.createdAt.toISOString(),
    })),
    attachments: files.map(attachmentView),
  };
}
