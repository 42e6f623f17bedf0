/**
 * The day's roster (R-DIS-02): which technicians work on a local date and when — the weekly
 * templates of that weekday, replaced by the dated exceptions when the day has any (`off` clears
 * it) — with their approved leave; and the same as `@aftercare/dispatch` technicians.
 */
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Technician } from '@aftercare/dispatch';
import type { Actor } from '@aftercare/domain';
import { leaveRequests, shifts, technicianProfiles, users, type Executor } from '@aftercare/db';
import { requirePermission } from '../guards';
import { tenantPolicyOf } from '../fieldwork/calendars';
import { localInstant, nextDate, weekdayOf } from './local-time';
import { loadServiceCentre, type CertificateEntry, type SkillEntry } from './workforce';

export interface RosterShift {
  kind: 'regular' | 'on_call';
  start: number;
  end: number;
}
export interface RosterEntry {
  technician: Technician;
  serviceCentreId: string;
  shifts: RosterShift[];
  leave: { id: string; start: number; end: number }[];
}

/** Instants of a local "HH:MM"–"HH:MM" on a date; an end at or before the start runs past midnight. */
function shiftInstants(timeZone: string, date: string, start: string, end: string) {
  const s = localInstant(timeZone, date, start);
  const e = end <= start ? localInstant(timeZone, nextDate(date), end) : localInstant(timeZone, date, end);
  return { start: s, end: e };
}

const YEAR_MS = 366 * 86_400_000;

/**
 * The active technicians of the tenant (of one centre, or the listed ones) as dispatch sees them on
 * a local date: skills, certificates (valid through their expiry date), assessment (valid one year
 * from its date), home, area, van, that day's shifts and approved leave.
 */
export async function rosterFor(
  db: Executor,
  tenantId: string,
  timeZone: string,
  date: string,
  filter: { serviceCentreId?: string; technicianIds?: string[] } = {},
): Promise<RosterEntry[]> {
  const profiles = await db
    .select({ p: technicianProfiles, name: users.displayName })
    .from(technicianProfiles)
    .innerJoin(
      users,
      and(eq(users.tenantId, technicianProfiles.tenantId), eq(users.id, technicianProfiles.userId)),
    )
    .where(
      and(
        eq(technicianProfiles.tenantId, tenantId),
        eq(technicianProfiles.active, true),
        eq(users.active, true),
        filter.serviceCentreId ? eq(technicianProfiles.serviceCentreId, filter.serviceCentreId) : undefined,
        filter.technicianIds ? inArray(technicianProfiles.userId, filter.technicianIds) : undefined,
      ),
    );
  if (profiles.length === 0) return [];
  const ids = profiles.map((p) => p.p.userId);
  const weekday = weekdayOf(date);
  const dayStart = localInstant(timeZone, date, '00:00');
  const dayEnd = localInstant(timeZone, nextDate(date), '00:00');
  const shiftRows = await db
    .select()
    .from(shifts)
    .where(and(eq(shifts.tenantId, tenantId), inArray(shifts.technicianId, ids)));
  const leaveRows = await db
    .select()
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.tenantId, tenantId),
        inArray(leaveRequests.technicianId, ids),
        eq(leaveRequests.status, 'approved'),
        lt(leaveRequests.startsAt, new Date(dayEnd + 86_400_000)),
        gt(leaveRequests.endsAt, new Date(dayStart - 86_400_000)),
      ),
    );
  return profiles.map(({ p, name }) => {
    const mine = shiftRows.filter((s) => s.technicianId === p.userId);
    const dated = mine.filter((s) => s.date === date);
    const source = dated.length > 0 ? dated : mine.filter((s) => s.date === null && s.weekday === weekday);
    const dayShifts: RosterShift[] = source
      .filter((s) => s.kind !== 'off' && s.startTime && s.endTime)
      .map((s) => ({
        kind: s.kind as RosterShift['kind'],
        ...shiftInstants(timeZone, date, s.startTime!, s.endTime!),
      }))
      .sort((a, b) => a.start - b.start);
    const leave = leaveRows
      .filter((l) => l.technicianId === p.userId)
      .map((l) => ({ id: l.id, start: l.startsAt.getTime(), end: l.endsAt.getTime() }));
    const skills = p.skills as SkillEntry[];
    const certificates = p.certificates as CertificateEntry[];
    const assessedAt = p.assessmentDate ? localInstant(timeZone, p.assessmentDate, '00:00') : null;
    const technician: Technician = {
      id: p.userId,
      name,
      skills: skills.map((s) => ({ productLine: s.productLineId, level: s.level })),
      certificates: certificates.map((c) => ({
        code: c.code,
        productLine: c.productLineId,
        expiresAt: localInstant(timeZone, nextDate(c.expiresOn), '00:00'),
      })),
      assessment: {
        passed: p.assessmentPassed,
        validUntil:
          assessedAt === null ? (p.assessmentPassed ? Number.MAX_SAFE_INTEGER : 0) : assessedAt + YEAR_MS,
      },
      home: { lat: p.homeLatitude, lng: p.homeLongitude },
      ...(p.serviceAreaLatitude !== null && p.serviceAreaLongitude !== null && p.serviceAreaRadiusKm !== null
        ? {
            serviceArea: {
              centre: { lat: p.serviceAreaLatitude, lng: p.serviceAreaLongitude },
              radiusKm: p.serviceAreaRadiusKm,
            },
          }
        : {}),
      vanCapacity: p.vanCapacity,
      shifts: dayShifts.map((s) => ({ start: s.start, end: s.end })),
      leave: leave.map((l) => ({ start: l.start, end: l.end })),
    };
    return { technician, serviceCentreId: p.serviceCentreId, shifts: dayShifts, leave };
  });
}

/** The roster of a service centre on a date, for the board and the shift editor. */
export async function getRoster(db: Executor, actor: Actor, serviceCentreId: string, date: string) {
  requirePermission(actor, 'workforce.read');
  await loadServiceCentre(db, actor.tenantId, serviceCentreId);
  const policy = await tenantPolicyOf(db, actor.tenantId);
  const roster = await rosterFor(db, actor.tenantId, policy.timeZone, date, { serviceCentreId });
  const iso = (t: number) => new Date(t).toISOString();
  return {
    serviceCentreId,
    date,
    technicians: roster.map((r) => ({
      technicianId: r.technician.id,
      name: r.technician.name,
      shifts: r.shifts.map((s) => ({ kind: s.kind, start: iso(s.start), end: iso(s.end) })),
      leave: r.leave.map((l) => ({ id: l.id, start: iso(l.start), end: iso(l.end) })),
    })),
  };
}
