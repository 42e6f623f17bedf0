import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  DomainError,
  SNIFF_BYTES,
  validateAttachment,
  type Actor,
  type AttachmentLimits,
} from '@aftercare/domain';
import { attachments, type Executor } from '@aftercare/db';
import { enqueueEvent, writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission, unwrap } from '../guards';
import { getServiceRequest } from '../requests/requests';
import { getWorkOrder } from '../work-orders/work-orders';
import type { FileBatch } from './files';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentOwner = { kind: 'work_order'; id: string } | { kind: 'service_request'; id: string };
export type AttachmentPurpose = 'photo' | 'technician_signature' | 'customer_signature' | 'return_signature';

/** Upload limits until the policy carries its own (docs/lifecycle-rules.md, attachments). */
export const ATTACHMENT_LIMITS: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS;

/** A signature is a PNG of at most 384 KiB. */
const SIGNATURE_LIMITS: AttachmentLimits = {
  allowedTypes: ['image/png'],
  maxBytes: { image: 384 * 1024, video: 0, document: 0 },
};

export function attachmentView(row: AttachmentRow) {
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    requestId: row.requestId,
    purpose: row.purpose,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    url: `/api/v1/attachments/${row.id}`,
  };
}

/** Throws NOT_FOUND unless the actor may see the owner (R-ROLE-03: the same check as reading it). */
async function checkOwnerVisible(db: Executor, actor: Actor, owner: AttachmentOwner): Promise<void> {
  if (owner.kind === 'work_order') await getWorkOrder(db, actor, owner.id);
  else await getServiceRequest(db, actor, owner.id);
}

/** The file name as sent: percent-decoded (HTTP headers carry no raw CJK), without surrounding spaces. */
export function decodeFileName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: keep as sent
  }
  return name.trim();
}

async function insertAttachment(
  tx: Executor,
  meta: CommandMeta,
  owner: AttachmentOwner,
  file: { purpose: AttachmentPurpose; fileName: string; contentType: string; bytes: Uint8Array },
  batch: FileBatch,
  now: Date,
): Promise<AttachmentRow> {
  const { actor } = meta;
  const row: AttachmentRow = {
    tenantId: actor.tenantId,
    id: randomUUID(),
    workOrderId: owner.kind === 'work_order' ? owner.id : null,
    requestId: owner.kind === 'service_request' ? owner.id : null,
    purpose: file.purpose,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploadedBy: actor.userId,
    createdAt: now,
  };
  await tx.insert(attachments).values(row);
  await batch.put(actor.tenantId, row.id, file.bytes);
  await writeAudit(tx, meta, now, {
    entityType: 'attachment',
    entityId: row.id,
    action: 'attachment.upload',
    after: row,
  });
  await enqueueEvent(tx, actor.tenantId, now, {
    type: 'AttachmentUploaded',
    aggregateType: owner.kind,
    aggregateId: owner.id,
    payload: {
      attachmentId: row.id,
      purpose: row.purpose,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
    },
  });
  return row;
}

/**
 * Stores a photo, video or PDF of a work order or request (issue 4 item 6): the content decides the
 * type (an .exe renamed .jpg is refused), the size is checked against the limits, the bytes go to
 * disk and the metadata to `attachments`, with the audit entry.
 */
export async function uploadAttachment(
  tx: Executor,
  meta: CommandMeta,
  owner: AttachmentOwner,
  input: { fileName: string; declaredMime: string; bytes: Uint8Array },
  batch: FileBatch,
  now: Date,
) {
  requirePermission(meta.actor, 'attachment.write');
  await checkOwnerVisible(tx, meta.actor, owner);
  const declaredName = decodeFileName(input.fileName);
  const valid = unwrap(
    validateAttachment(
      {
        declaredName,
        declaredMime: input.declaredMime,
        size: input.bytes.byteLength,
        head: input.bytes.subarray(0, SNIFF_BYTES),
      },
      ATTACHMENT_LIMITS,
    ),
  );
  const row = await insertAttachment(
    tx,
    meta,
    owner,
    { purpose: 'photo', fileName: declaredName, contentType: valid.type, bytes: input.bytes },
    batch,
    now,
  );
  return attachmentView(row);
}

/**
 * Stores a signature drawn on screen (a PNG data URL) as an attachment of the order; `field` names
 * the body field in the error when the image is not a PNG or too large.
 */
export async function storeSignature(
  tx: Executor,
  meta: CommandMeta,
  workOrderId: string,
  purpose: Exclude<AttachmentPurpose, 'photo'>,
  dataUrl: unknown,
  field: string,
  batch: FileBatch | undefined,
  now: Date,
): Promise<string> {
  if (!batch) throw new Error('storeSignature needs the attachment files of the server');
  const match =
    typeof dataUrl === 'string' ? /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl) : null;
  if (!match) throw new DomainError('SIGNATURE_INVALID', 'A signature is a PNG data URL.', { field });
  const bytes = Buffer.from(match[1]!, 'base64');
  const checked = validateAttachment(
    {
      declaredName: `${purpose}.png`,
      declaredMime: 'image/png',
      size: bytes.byteLength,
      head: bytes.subarray(0, SNIFF_BYTES),
    },
    SIGNATURE_LIMITS,
  );
  if (!checked.ok) {
    throw new DomainError(
      checked.error.code === 'ATTACHMENT_TOO_LARGE' ? 'SIGNATURE_TOO_LARGE' : 'SIGNATURE_INVALID',
      checked.error.message,
      { field },
    );
  }
  const row = await insertAttachment(
    tx,
    meta,
    { kind: 'work_order', id: workOrderId },
    { purpose, fileName: `${purpose}.png`, contentType: 'image/png', bytes },
    batch,
    now,
  );
  return row.id;
}

/** The attachments of a work order or request the actor may see. */
export async function listAttachments(db: Executor, actor: Actor, owner: AttachmentOwner) {
  requirePermission(actor, 'attachment.read');
  await checkOwnerVisible(db, actor, owner);
  const rows = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.tenantId, actor.tenantId),
        owner.kind === 'work_order'
          ? eq(attachments.workOrderId, owner.id)
          : eq(attachments.requestId, owner.id),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { items: rows.map(attachmentView) };
}

/**
 * One attachment's metadata for download, checked like its order or request: a technician only for
 * assigned orders, a customer only their own, never another company's (all answer NOT_FOUND).
 */
export async function getAttachment(db: Executor, actor: Actor, id: string): Promise<AttachmentRow> {
  requirePermission(actor, 'attachment.read');
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.tenantId, actor.tenantId), eq(attachments.id, id)));
  if (!row) throw notFound('Attachment');
  try {
    if (row.workOrderId) await checkOwnerVisible(db, actor, { kind: 'work_order', id: row.workOrderId });
    else if (row.requestId)
      await checkOwnerVisible(db, actor, { kind: 'service_request', id: row.requestId });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound('Attachment');
    throw error;
  }
  return row;
}
