/**
 * The workforce model (R-DIS-01, R-DIS-02): service centres, technician profiles and shifts (weekly
 * templates and dated exceptions, on-call duty included). Every write is audited; every read is
 * filtered by the actor's tenant.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { DomainError, type Actor } from '@aftercare/domain';
import { serviceCentres, shifts, technicianProfiles, users, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { escapeLike } from '../customers/customers';
import { notFound } from '../errors';
import { requirePermission } from '../guards';

export const WorkforceErrors = {
  notTechnician: 'WORKFORCE_NOT_TECHNICIAN',
  profileTaken: 'WORKFORCE_PROFILE_TAKEN',
  centreInactive: 'WORKFORCE_CENTRE_INACTIVE',
} as const;

type Page = { page: number; pageSize: number };
const paged = (q: Page) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

// ---------------------------------------------------------------- service centres

export interface ServiceCentreInput {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  serviceRadiusKm: number;
}

type CentreRow = typeof serviceCentres.$inferSelect;
export function centreView(r: CentreRow) {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    latitude: r.latitude,
    longitude: r.longitude,
    serviceRadiusKm: r.serviceRadiusKm,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function createServiceCentre(
  tx: Executor,
  meta: CommandMeta,
  input: ServiceCentreInput,
  now: Date,
) {
  requirePermission(meta.actor, 'workforce.write');
  const row: CentreRow = {
    tenantId: meta.actor.tenantId,
    id: randomUUID(),
    ...input,
    active: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(serviceCentres).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'service_centre',
    entityId: row.id,
    action: 'service_centre.create',
    after: row,
  });
  return centreView(row);
}

export async function loadServiceCentre(db: Executor, tenantId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(serviceCentres)
    .where(and(eq(serviceCentres.tenantId, tenantId), eq(serviceCentres.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Service centre', 'serviceCentreId');
  return row;
}

export async function getServiceCentre(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'workforce.read');
  return centreView(await loadServiceCentre(db, actor.tenantId, id));
}

export async function updateServiceCentre(
  tx: Executor,
  meta: CommandMeta,
  id: string,
  patch: Partial<ServiceCentreInput> & { active?: boolean | undefined },
  now: Date,
) {
  requirePermission(meta.actor, 'workforce.write');
  const before = await loadServiceCentre(tx, meta.actor.tenantId, id, true);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const after = { ...before, ...changes, version: before.version + 1, updatedAt: now };
  await tx
    .update(serviceCentres)
    .set({ ...changes, version: after.version, updatedAt: now })
    .where(and(eq(serviceCentres.tenantId, meta.actor.tenantId), eq(serviceCentres.id, id)));
  await writeAudit(tx, meta, now, {
    entityType: 'service_centre',
    entityId: id,
    action: 'service_centre.update',
    before,
    after,
  });
  return centreView(after);
}

export async function listServiceCentres(
  db: Executor,
  actor: Actor,
  query: Page & { q?: string | undefined; active?: boolean | undefined },
) {
  requirePermission(actor, 'workforce.read');
  const where = and(
    eq(serviceCentres.tenantId, actor.tenantId),
    query.q ? ilike(serviceCentres.name, `%${escapeLike(query.q)}%`) : undefined,
    query.active === undefined ? undefined : eq(serviceCentres.active, query.active),
  );
  const { limit, offset } = paged(query);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select()
      .from(serviceCentres)
      .where(where)
      .orderBy(asc(serviceCentres.name), asc(serviceCentres.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(serviceCentres).where(where),
  ]);
  return { items: rows.map(centreView), total, page: query.page, pageSize: query.pageSize };
}

// ---------------------------------------------------------------- technician profiles

export interface SkillEntry {
  productLineId: string;
  level: number;
}
export interface CertificateEntry {
  code: string;
  productLineId: string;
  expiresOn: string;
}
export interface TechnicianProfileInput {
  serviceCentreId: string;
  skills: SkillEntry[];
  certificates: CertificateEntry[];
  assessment: { passed: boolean; date: string | null };
  home: { latitude: number; longitude: number };
  serviceArea: { latitude: number; longitude: number; radiusKm: number } | null;
  vanCapacity: number;
}

type ProfileRow = typeof technicianProfiles.$inferSelect;
export function profileView(r: ProfileRow, displayName: string) {
  return {
    userId: r.userId,
    displayName,
    serviceCentreId: r.serviceCentreId,
    skills: r.skills as SkillEntry[],
    certificates: r.certificates as CertificateEntry[],
    assessment: { passed: r.assessmentPassed, date: r.assessmentDate },
    home: { latitude: r.homeLatitude, longitude: r.homeLongitude },
    serviceArea:
      r.serviceAreaLatitude !== null && r.serviceAreaLongitude !== null && r.serviceAreaRadiusKm !== null
        ? {
            latitude: r.serviceAreaLatitude,
            longitude: r.serviceAreaLongitude,
            radiusKm: r.serviceAreaRadiusKm,
          }
        : null,
    vanCapacity: r.vanCapacity,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function profileColumns(input: Partial<TechnicianProfileInput>) {
  const out: Partial<ProfileRow> = {};
  if (input.serviceCentreId !== undefined) out.serviceCentreId = input.serviceCentreId;
  if (input.skills !== undefined) out.skills = input.skills;
  if (input.certificates !== undefined) out.certificates = input.certificates;
  if (input.assessment !== undefined) {
    out.assessmentPassed = input.assessment.passed;
    out.assessmentDate = input.assessment.date;
  }
  if (input.home !== undefined) {
    out.homeLatitude = input.home.latitude;
    out.homeLongitude = input.home.longitude;
  }
  if (input.serviceArea !== undefined) {
    out.serviceAreaLatitude = input.serviceArea?.latitude ?? null;
    out.serviceAreaLongitude = input.serviceArea?.longitude ?? null;
    out.serviceAreaRadiusKm = input.serviceArea?.radiusKm ?? null;
  }
  if (input.vanCapacity !== undefined) out.vanCapacity = input.vanCapacity;
  return out;
}

async function technicianUser(tx: Executor, tenantId: string, userId: string) {
  const [user] = await tx
    .select({ id: users.id, roles: users.roles, displayName: users.displayName, active: users.active })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user) throw notFound('User', 'userId');
  if (!user.roles.includes('technician'))
    throw new DomainError(
      WorkforceErrors.notTechnician,
      'Only a user with the technician role gets a profile.',
      {
        field: 'userId',
      },
    );
  return user;
}

export async function createTechnicianProfile(
  tx: Executor,
  meta: CommandMeta,
  input: TechnicianProfileInput & { userId: string },
  now: Date,
) {
  requirePermission(meta.actor, 'workforce.write');
  const tenantId = meta.actor.tenantId;
  const user = await technicianUser(tx, tenantId, input.userId);
  await loadServiceCentre(tx, tenantId, input.serviceCentreId);
  const [existing] = await tx
    .select({ userId: technicianProfiles.userId })
    .from(technicianProfiles)
    .where(and(eq(technicianProfiles.tenantId, tenantId), eq(technicianProfiles.userId, input.userId)));
  if (existing)
    throw new DomainError(WorkforceErrors.profileTaken, 'This technician has a profile already.', {
      field: 'userId',
    });
  const row = {
    ...(profileColumns(input) as Required<ReturnType<typeof profileColumns>>),
    tenantId,
    userId: input.userId,
    active: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  } as ProfileRow;
  await tx.insert(technicianProfiles).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'technician_profile',
    entityId: row.userId,
    action: 'technician_profile.create',
    after: row,
  });
  return profileView(row, user.displayName);
}

export async function updateTechnicianProfile(
  tx: Executor,
  meta: CommandMeta,
  userId: string,
  patch: Partial<TechnicianProfileInput> & { active?: boolean | undefined },
  now: Date,
) {
  requirePermission(meta.actor, 'workforce.write');
  const tenantId = meta.actor.tenantId;
  const [before] = await tx
    .select()
    .from(technicianProfiles)
    .where(and(eq(technicianProfiles.tenantId, tenantId), eq(technicianProfiles.userId, userId)))
    .for('update');
  if (!before) throw notFound('Technician profile');
  if (patch.serviceCentreId) await loadServiceCentre(tx, tenantId, patch.serviceCentreId);
  const changes = {
    ...profileColumns(patch),
    ...(patch.active === undefined ? {} : { active: patch.active }),
  };
  const after = { ...before, ...changes, version: before.version + 1, updatedAt: now };
  await tx
    .update(technicianProfiles)
    .set({ ...changes, version: after.version, updatedAt: now })
    .where(and(eq(technicianProfiles.tenantId, tenantId), eq(technicianProfiles.userId, userId)));
  await writeAudit(tx, meta, now, {
    entityType: 'technician_profile',
    entityId: userId,
    action: 'technician_profile.update',
    before,
    after,
  });
  const user = await technicianUser(tx, tenantId, userId);
  return profileView(after, user.displayName);
}

export async function getTechnicianProfile(db: Executor, actor: Actor, userId: string) {
  requirePermission(actor, 'workforce.read');
  const [row] = await db
    .select({ p: technicianProfiles, name: users.displayName })
    .from(technicianProfiles)
    .innerJoin(
      users,
      and(eq(users.tenantId, technicianProfiles.tenantId), eq(users.id, technicianProfiles.userId)),
    )
    .where(and(eq(technicianProfiles.tenantId, actor.tenantId), eq(technicianProfiles.userId, userId)));
  if (!row) throw notFound('Technician profile');
  return profileView(row.p, row.name);
}

export async function listTechnicianProfiles(
  db: Executor,
  actor: Actor,
  query: Page & {
    serviceCentreId?: string | undefined;
    productLineId?: string | undefined;
    active?: boolean | undefined;
  },
) {
  requirePermission(actor, 'workforce.read');
  const where = and(
    eq(technicianProfiles.tenantId, actor.tenantId),
    query.serviceCentreId ? eq(technicianProfiles.serviceCentreId, query.serviceCentreId) : undefined,
    query.active === undefined ? undefined : eq(technicianProfiles.active, query.active),
    query.productLineId
      ? sql`${technicianProfiles.skills} @> ${JSON.stringify([{ productLineId: query.productLineId }])}::jsonb`
      : undefined,
  );
  const { limit, offset } = paged(query);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ p: technicianProfiles, name: users.displayName })
      .from(technicianProfiles)
      .innerJoin(
        users,
        and(eq(users.tenantId, technicianProfiles.tenantId), eq(users.id, technicianProfiles.userId)),
      )
      .where(where)
      .orderBy(asc(users.displayName), asc(technicianProfiles.userId))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(technicianProfiles).where(where),
  ]);
  return {
    items: rows.map((r) => profileView(r.p, r.name)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---------------------------------------------------------------- shifts

export interface ShiftInput {
  technicianId: string;
  weekday?: number | undefined;
  date?: string | undefined;
  kind: 'regular' | 'on_call' | 'off';
  start?: string | undefined;
  end?: string | undefined;
  note?: string | undefined;
}

type ShiftRow = typeof shifts.$inferSelect;
function shiftView(r: ShiftRow, technicianName: string) {
  return {
    id: r.id,
    serviceCentreId: r.serviceCentreId,
    technicianId: r.technicianId,
    technicianName,
    weekday: r.weekday,
    date: r.date,
    kind: r.kind as ShiftInput['kind'],
    start: r.startTime,
    end: r.endTime,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

async function profileOf(tx: Executor, tenantId: string, userId: string) {
  const [row] = await tx
    .select({ p: technicianProfiles, name: users.displayName })
    .from(technicianProfiles)
    .innerJoin(
      users,
      and(eq(users.tenantId, technicianProfiles.tenantId), eq(users.id, technicianProfiles.userId)),
    )
    .where(and(eq(technicianProfiles.tenantId, tenantId), eq(technicianProfiles.userId, userId)));
  if (!row) throw notFound('Technician profile', 'technicianId');
  return row;
}

/** Adds a shift to the technician's service centre: a weekly template or a dated exception. */
export async function createShift(tx: Executor, meta: CommandMeta, input: ShiftInput, now: Date) {
  requirePermission(meta.actor, 'workforce.write');
  const tenantId = meta.actor.tenantId;
  const tech = await profileOf(tx, tenantId, input.technicianId);
  const off = input.kind === 'off';
  const row: ShiftRow = {
    tenantId,
    id: randomUUID(),
    serviceCentreId: tech.p.serviceCentreId,
    technicianId: input.technicianId,
    weekday: input.weekday ?? null,
    date: input.date ?? null,
    kind: input.kind,
    startTime: off ? null : (input.start ?? null),
    endTime: off ? null : (input.end ?? null),
    note: input.note ?? null,
    createdAt: now,
  };
  await tx.insert(shifts).values(row);
  await writeAudit(tx, meta, now, {
    entityType: 'shift',
    entityId: row.id,
    action: 'shift.create',
    after: row,
  });
  return shiftView(row, tech.name);
}

export async function deleteShift(tx: Executor, meta: CommandMeta, id: string, now: Date) {
  requirePermission(meta.actor, 'workforce.write');
  const where = and(eq(shifts.tenantId, meta.actor.tenantId), eq(shifts.id, id));
  const [before] = await tx.select().from(shifts).where(where).for('update');
  if (!before) throw notFound('Shift');
  await tx.delete(shifts).where(where);
  await writeAudit(tx, meta, now, { entityType: 'shift', entityId: id, action: 'shift.delete', before });
}

export async function listShifts(
  db: Executor,
  actor: Actor,
  query: Page & {
    technicianId?: string | undefined;
    serviceCentreId?: string | undefined;
    kind?: string | undefined;
    type?: 'weekly' | 'dated' | undefined;
  },
) {
  requirePermission(actor, 'workforce.read');
  const conditions: (SQL | undefined)[] = [
    eq(shifts.tenantId, actor.tenantId),
    query.technicianId ? eq(shifts.technicianId, query.technicianId) : undefined,
    query.serviceCentreId ? eq(shifts.serviceCentreId, query.serviceCentreId) : undefined,
    query.kind ? eq(shifts.kind, query.kind) : undefined,
    query.type === 'weekly'
      ? isNull(shifts.date)
      : query.type === 'dated'
        ? isNotNull(shifts.date)
        : undefined,
  ];
  const where = and(...conditions);
  const { limit, offset } = paged(query);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ s: shifts, name: users.displayName })
      .from(shifts)
      .innerJoin(users, and(eq(users.tenantId, shifts.tenantId), eq(users.id, shifts.technicianId)))
      .where(where)
      .orderBy(
        asc(users.displayName),
        asc(shifts.date),
        asc(shifts.weekday),
        asc(shifts.startTime),
        asc(shifts.id),
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(shifts).where(where),
  ]);
  return {
    items: rows.map((r) => shiftView(r.s, r.name)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
