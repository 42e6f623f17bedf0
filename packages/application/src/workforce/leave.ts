/**
 * Leave requests (R-DIS-02): asked at least the policy's notice (`policy.hr.leaveNoticeMinutes`,
 * 36 h in every preset) before the leave starts, unless a supervisor lets it through with a reason;
 * approved or rejected by a supervisor. Approved leave keeps the technician out of assignment and
 * day plans.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import { DomainError, can, type Actor } from '@aftercare/domain';
import { leaveRequests, technicianProfiles, users, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { notFound } from '../errors';
import { requirePermission } from '../guards';
import { tenantPolicyOf } from '../fieldwork/calendars';

export const LeaveErrors = {
  noticeTooShort: 'LEAVE_NOTICE_TOO_SHORT',
  forbidden: 'LEAVE_FORBIDDEN',
  alreadyDecided: 'LEAVE_ILLEGAL_TRANSITION',
} as const;

export interface LeaveInput {
  technicianId?: string | undefined;
  startsAt: string;
  endsAt: string;
  kind: 'annual' | 'sick' | 'personal' | 'other';
  reason: string;
  shortNoticeReason?: string | undefined;
}

type LeaveRow = typeof leaveRequests.$inferSelect;
function leaveView(r: LeaveRow, technicianName: string) {
  return {
    id: r.id,
    technicianId: r.technicianId,
    technicianName,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    kind: r.kind as LeaveInput['kind'],
    reason: r.reason,
    status: r.status as 'requested' | 'approved' | 'rejected' | 'cancelled',
    shortNoticeReason: r.shortNoticeReason,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

async function technicianName(db: Executor, tenantId: string, userId: string) {
  const [row] = await db
    .select({ name: users.displayName })
    .from(technicianProfiles)
    .innerJoin(
      users,
      and(eq(users.tenantId, technicianProfiles.tenantId), eq(users.id, technicianProfiles.userId)),
    )
    .where(and(eq(technicianProfiles.tenantId, tenantId), eq(technicianProfiles.userId, userId)));
  if (!row) throw notFound('Technician profile', 'technicianId');
  return row.name;
}

/**
 * Files a leave request. A technician asks for themself; a supervisor may file for anyone and, with
 * `shortNoticeReason`, let a request with less than the policy's notice through — such a request is
 * approved at once (the supervisor is the approver), e.g. sick leave on the day.
 */
export async function requestLeave(tx: Executor, meta: CommandMeta, input: LeaveInput, now: Date) {
  const { actor } = meta;
  requirePermission(actor, 'leave.request');
  const supervisor = can(actor.roles, 'leave.approve');
  const technicianId = input.technicianId ?? actor.userId;
  if (technicianId !== actor.userId && !supervisor)
    throw new DomainError(LeaveErrors.forbidden, 'Only a supervisor files leave for someone else.', {
      field: 'technicianId',
    });
  const name = await technicianName(tx, actor.tenantId, technicianId);
  const startsAt = new Date(input.startsAt);
  const policy = await tenantPolicyOf(tx, actor.tenantId);
  const noticeMinutes = policy.hr.leaveNoticeMinutes;
  const shortNotice = startsAt.getTime() - now.getTime() < noticeMinutes * 60_000;
  if (input.shortNoticeReason !== undefined && !supervisor)
    throw new DomainError(LeaveErrors.forbidden, 'Only a supervisor lets a short-notice leave through.', {
      field: 'shortNoticeReason',
    });
  if (shortNotice && input.shortNoticeReason === undefined)
    throw new DomainError(
      LeaveErrors.noticeTooShort,
      `Leave is asked at least ${noticeMinutes / 60} h before it starts (R-DIS-02); a supervisor may let it through with a reason.`,
      { field: 'startsAt', details: { noticeMinutes } },
    );
  const approvedNow = shortNotice && supervisor;
  const row: LeaveRow = {
    tenantId: actor.tenantId,
    id: randomUUID(),
    technicianId,
    startsAt,
    endsAt: new Date(input.endsAt),
    kind: input.kind,
    reason: input.reason,
    status: approvedNow ? 'approved' : 'requested',
    shortNoticeReason: shortNotice ? (input.shortNoticeReason ?? null) : null,
    requestedBy: actor.userId,
    requestedAt: now,
    decidedBy: approvedNow ? actor.userId : null,
    decidedAt: approvedNow ? now : null,
    decisionNote: approvedNow ? (input.shortNoticeReason ?? null) : null,
  };
  await tx.insert(leaveRequests).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'leave_request',
    entityId: row.id,
    action: approvedNow ? 'leave_request.create_short_notice_approved' : 'leave_request.create',
    after: row,
  });
  return leaveView(row, name);
}

/** A supervisor approves or rejects a requested leave. */
export async function decideLeave(
  tx: Executor,
  meta: CommandMeta,
  id: string,
  decision: { decision: 'approve' | 'reject'; note?: string | undefined },
  now: Date,
) {
  requirePermission(meta.actor, 'leave.approve');
  const where = and(eq(leaveRequests.tenantId, meta.actor.tenantId), eq(leaveRequests.id, id));
  const [before] = await tx.select().from(leaveRequests).where(where).for('update');
  if (!before) throw notFound('Leave request');
  if (before.status !== 'requested')
    throw new DomainError(LeaveErrors.alreadyDecided, `This leave request is ${before.status} already.`);
  const after: LeaveRow = {
    ...before,
    status: decision.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: meta.actor.userId,
    decidedAt: now,
    decisionNote: decision.note ?? null,
  };
  await tx
    .update(leaveRequests)
    .set({
      status: after.status,
      decidedBy: after.decidedBy,
      decidedAt: now,
      decisionNote: after.decisionNote,
    })
    .where(where);
  await writeAudit(tx, meta, now, {
    entityType: 'leave_request',
    entityId: id,
    action: `leave_request.${decision.decision}`,
    before,
    after,
  });
  return leaveView(after, await technicianName(tx, meta.actor.tenantId, before.technicianId));
}

export async function listLeave(
  db: Executor,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    technicianId?: string | undefined;
    status?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
) {
  requirePermission(actor, 'workforce.read');
  // A technician without office roles sees only their own leave.
  const own = !can(actor.roles, 'workforce.write') && !can(actor.roles, 'leave.approve');
  const where = and(
    eq(leaveRequests.tenantId, actor.tenantId),
    own ? eq(leaveRequests.technicianId, actor.userId) : undefined,
    query.technicianId ? eq(leaveRequests.technicianId, query.technicianId) : undefined,
    query.status ? eq(leaveRequests.status, query.status) : undefined,
    query.to ? lt(leaveRequests.startsAt, new Date(query.to)) : undefined,
    query.from ? gt(leaveRequests.endsAt, new Date(query.from)) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ l: leaveRequests, name: users.displayName })
      .from(leaveRequests)
      .innerJoin(
        users,
        and(eq(users.tenantId, leaveRequests.tenantId), eq(users.id, leaveRequests.technicianId)),
      )
      .where(where)
      .orderBy(desc(leaveRequests.startsAt), desc(leaveRequests.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(leaveRequests).where(where),
  ]);
  return {
    items: rows.map((r) => leaveView(r.l, r.name)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
