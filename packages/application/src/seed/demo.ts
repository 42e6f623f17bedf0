import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { intlOffsetMs, localDate, type Channel, type PresetName } from '@aftercare/domain';
import { tenants, type Database } from '@aftercare/db';
import { DEMO_PASSWORD } from '../auth/login';
import type { CommandMeta } from '../context';
import { createCustomer } from '../customers/customers';
import { createProductLine, createProductModel } from '../catalog/catalog';
import { createServiceRequest, reviewServiceRequest } from '../requests/requests';
import { transitionWorkOrder } from '../work-orders/work-orders';
import { decideOnQuote, issueQuote } from '../quotes/quotes';
import { chargeableWorkOf } from '../quotes/state';
import { parseTenantPolicy } from '../sla/calendars';
import { recordRequestStep } from '../sla/commands';
import { addUser, createTenant, type TenantRow } from '../tenants/tenants';
import { createServiceCentre, createShift, createTechnicianProfile } from '../workforce/workforce';
import { DEMO_CUSTOMERS, DEMO_LINES, DEMO_MODELS, DEMO_ORG, DEMO_PROBLEMS, DEMO_USERS } from './demo-data';

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return (row?.n ?? 0) === 0;
}

const DAY = 86_400_000;
const CHANNELS: Channel[] = ['hotline', 'hotline', 'hotline', 'web', 'wechat', 'store', 'portal'];

/** What each demo request goes through after it is filed, cycling to cover every first-slice state. */
const STORIES = [
  [],
  ['review'],
  ['review', 'assess'],
  ['review', 'assess', 'start_repair'],
  ['review', 'assess', 'start_repair', 'complete'],
  ['review', 'assess', 'start_repair', 'complete', 'close'],
  ['review', 'assess', 'start_repair', 'complete', 'close'],
  ['review', 'cancel'],
  ['reject'],
  ['review', 'assess', 'schedule', 'dispatch'],
  ['review', 'assess', 'schedule'],
] as const;

/**
 * Creates a demo company on a preset with one user per role (password demo1234), a portal customer,
 * realistic customers, models, units and a few dozen requests in different states. Every record goes
 * through the same use cases as real traffic, so the audit trail is complete. `now` anchors the dates.
 */
export async function seedDemo(
  db: Database,
  options: { preset: PresetName; tenantCode?: string; tenantName?: string; now: Date; requests?: number },
): Promise<TenantRow> {
  const { now } = options;
  const start = new Date(now.getTime() - 30 * DAY);
  return db.transaction(async (tx) => {
    const tenant = await createTenant(
      tx,
      {
        code: options.tenantCode ?? 'demo',
        name: options.tenantName ?? '演示家电售后服务有限公司',
        preset: options.preset,
        isDemo: true,
      },
      start,
    );
    const system: CommandMeta = {
      actor: {
        userId: randomUUID(),
        tenantId: tenant.tenantId,
        roles: ['admin', 'supervisor', 'manager', 'agent'],
        displayName: 'seed',
      },
      requestId: 'seed',
      channel: 'system',
    };
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await addUser(
        tx,
        system,
        tenant,
        { ...u, roles: [...u.roles], password: DEMO_PASSWORD },
        start,
      );
      userIds.set(u.username, user.id);
    }
    system.actor.userId = userIds.get('admin')!;
    const as = (
      username: string,
      roles: CommandMeta['actor']['roles'],
      channel: Channel = 'hotline',
    ): CommandMeta => ({
      actor: { userId: userIds.get(username)!, tenantId: tenant.tenantId, roles, displayName: username },
      requestId: `seed-${username}`,
      channel,
    });

    const lineIds = new Map<string, string>();
    for (const l of DEMO_LINES) lineIds.set(l.code, (await createProductLine(tx, system, l, start)).id);
    const modelIds = new Map<string, string>();
    for (const m of DEMO_MODELS) {
      modelIds.set(
        m.code,
        (
          await createProductModel(
            tx,
            system,
            { productLineId: lineIds.get(m.line)!, code: m.code, name: m.name },
            start,
          )
        ).id,
      );
    }

    const customerIds: string[] = [];
    for (const c of DEMO_CUSTOMERS) {
      const province = '广东省';
      const { customer } = await createCustomer(
        tx,
        system,
        {
          kind: 'person',
          name: c.name,
          phones: [c.phone],
          address: {
            province,
            city: c.city,
            district: c.district,
            line: c.line,
            latitude: c.lat,
            longitude: c.lng,
          },
        },
        start,
      );
      customerIds.push(customer.id);
    }
    const { customer: org } = await createCustomer(
      tx,
      system,
      {
        kind: 'organisation',
        name: DEMO_ORG.name,
        contactName: DEMO_ORG.contactName,
        organisation: DEMO_ORG.name,
        phones: [DEMO_ORG.phone],
        address: {
          province: '广东省',
          city: DEMO_ORG.city,
          district: DEMO_ORG.district,
          line: DEMO_ORG.line,
          latitude: DEMO_ORG.lat,
          longitude: DEMO_ORG.lng,
        },
      },
      start,
    );
    customerIds.push(org.id);

    // The portal login `customer` is 张三, the first demo customer.
    await addUser(
      tx,
      system,
      tenant,
      {
        username: 'customer',
        displayName: DEMO_CUSTOMERS[0].name,
        roles: ['customer'],
        password: DEMO_PASSWORD,
        customerId: customerIds[0],
      },
      start,
    );

    // Dispatch (R-DIS-01/02): a service centre in Tianhe, profiles and shifts for tech1/tech2.
    await seedWorkforce(tx, system, userIds, lineIds, start, now);

    const policy = parseTenantPolicy(tenant.policy);
    const total = options.requests ?? 36;
    const techs = ['tech1', 'tech2'];
    let booked = 0;
    for (let i = 0; i < total; i++) {
      const p = DEMO_PROBLEMS[i % DEMO_PROBLEMS.length]!;
      const customerId = customerIds[i % customerIds.length]!;
      const filedAt = new Date(
        start.getTime() + Math.floor(((i + 0.5) / total) * 29 * DAY) + (i % 7) * 3600_000,
      );
      const purchase = new Date(filedAt.getTime() - (40 + ((i * 37) % 900)) * DAY).toISOString().slice(0, 10);
      const channel = CHANNELS[i % CHANNELS.length]!;
      const request = await createServiceRequest(
        tx,
        as('agent', ['agent'], channel),
        {
          channel,
          type: p.type,
          priority: i % 5 === 0 ? 'urgent' : i % 4 === 0 ? 'low' : 'normal',
          customerId,
          unit: {
            modelId: modelIds.get(p.model)!,
            serialNumber: `SN${p.model.replace(/[^A-Z0-9]/g, '').slice(0, 6)}${String(202400 + i * 7919).padStart(8, '0')}`,
            purchaseDate: purchase,
            proofOfPurchase: `FP${purchase.replaceAll('-', '')}${String(i).padStart(3, '0')}`,
          },
          problem: p.problem,
          problemStartedAt: new Date(filedAt.getTime() - 2 * DAY).toISOString(),
          safetyHazard: 'hazard' in p && p.hazard === true,
        },
        filedAt,
      );
      const story =
        p.type === 'repair' || p.type === 'installation' || p.type === 'maintenance'
          ? STORIES[i % STORIES.length]!
          : [];
      let t = filedAt.getTime();
      let workOrderId: string | null = null;
      if (story.length > 0) {
        // The service department calls the customer back within the hour (R-IN-09).
        t += 3600_000;
        await recordRequestStep(
          tx,
          as('agent', ['agent']),
          request.id,
          'contact',
          '已电话联系客户，确认故障情况',
          new Date(t),
        );
      }
      // Visits booked for today alternate between the technicians, so each has a day of jobs.
      const books = (story as readonly string[]).includes('schedule');
      const tech = techs[(books ? booked++ : i) % techs.length]!;
      for (const step of story) {
        t += 3 * 3600_000;
        const at = new Date(Math.min(t, now.getTime() - 60_000));
        if (step === 'review' || step === 'reject') {
          const r = await reviewServiceRequest(
            tx,
            as('agent', ['agent']),
            request.id,
            step === 'review'
              ? { eligible: true }
              : { eligible: false, reason: '非本公司销售产品，已建议联系原购买商家' },
            at,
          );
          workOrderId = r.workOrderId;
        } else if (workOrderId) {
          const byRole: Record<string, [string, CommandMeta['actor']['roles']]> = {
            assess: ['engineer', ['engineer']],
            start_repair: [tech, ['technician']],
            complete: [tech, ['technician']],
            close: ['supervisor', ['supervisor']],
            cancel: ['agent', ['agent']],
            schedule: ['agent', ['agent']],
            dispatch: ['supervisor', ['supervisor']],
          };
          const [who, roles] = byRole[step]!;
          const payload: Record<string, unknown> =
            step === 'schedule'
              ? visitSlot(
                  now,
                  tenant.timeZone,
                  i,
                  DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]?.line ?? DEMO_ORG.line,
                )
              : step === 'assess'
                ? {
                    faultConfirmed: true,
                    findings: '现场确认故障属实，需更换部件',
                    repairFeasible: true,
                    causeClass: 'material_defect',
                  }
                : step === 'complete'
                  ? { workDone: '更换故障部件并清洁整机', testResult: '通电试机运行正常' }
                  : {};
          await transitionWorkOrder(
            tx,
            as(who, roles),
            workOrderId,
            {
              action: step,
              payload,
              ...(step === 'assess' || step === 'dispatch' ? { assigneeId: userIds.get(tech)! } : {}),
              ...(step === 'cancel' ? { reason: '客户已自行处理，取消服务' } : {}),
            },
            at,
          );
          if (
            step === 'assess' &&
            !(await chargeableWorkOf(tx, tenant.tenantId, workOrderId, policy)).allowed
          ) {
            // Out of warranty: an itemised quote the customer accepts on the phone (R-FEE-01).
            await issueQuote(
              tx,
              as('engineer', ['engineer']),
              workOrderId,
              {
                lines: [
                  {
                    kind: 'labour',
                    description: '上门检测及维修工时',
                    unit: 'job',
                    quantity: 1,
                    unitPriceFen: 8_000,
                  },
                  {
                    kind: 'part',
                    description: '启动电容',
                    partId: 'CAP-35UF',
                    quantity: 1,
                    unitPriceFen: 3_500,
                    origin: 'own',
                  },
                ],
              },
              at,
            );
            await decideOnQuote(
              tx,
              as('agent', ['agent']),
              workOrderId,
              'accept',
              { channel: 'hotline' },
              at,
            );
          }
        }
      }
    }
    return tenant;
  });
}

/**
 * The demo's workforce, so that the demo can plan a day: 天河服务中心 (with coordinates and a 40 km
 * area), tech1 (AC, WH; level 4) and tech2 (AC, WM, RF; level 3) with certificates valid two more
 * years, last year's assessment passed, Monday–Saturday 08:00–18:00, tech2 on call on Sundays.
 */
async function seedWorkforce(
  tx: Parameters<typeof createServiceCentre>[0],
  meta: CommandMeta,
  userIds: Map<string, string>,
  lineIds: Map<string, string>,
  start: Date,
  now: Date,
): Promise<void> {
  const centre = await createServiceCentre(
    tx,
    meta,
    {
      name: '天河服务中心',
      address: '广东省广州市天河区天河路208号',
      latitude: 23.1318,
      longitude: 113.3235,
      serviceRadiusKm: 40,
    },
    start,
  );
  const expiresOn = new Date(now.getTime() + 2 * 365 * DAY).toISOString().slice(0, 10);
  const assessedOn = new Date(now.getTime() - 60 * DAY).toISOString().slice(0, 10);
  const people = [
    { username: 'tech1', lines: { AC: 4, WH: 4 }, home: { latitude: 23.1452, longitude: 113.3401 } },
    { username: 'tech2', lines: { AC: 3, WM: 3, RF: 3 }, home: { latitude: 23.1123, longitude: 113.2856 } },
  ];
  for (const p of people) {
    const userId = userIds.get(p.username);
    if (!userId) continue;
    const lines = Object.entries(p.lines).filter(([code]) => lineIds.has(code));
    await createTechnicianProfile(
      tx,
      meta,
      {
        userId,
        serviceCentreId: centre.id,
        skills: lines.map(([code, level]) => ({ productLineId: lineIds.get(code)!, level })),
        certificates: lines.map(([code]) => ({
          code: `${code}-${p.username.toUpperCase()}`,
          productLineId: lineIds.get(code)!,
          expiresOn,
        })),
        assessment: { passed: true, date: assessedOn },
        home: p.home,
        serviceArea: { latitude: centre.latitude, longitude: centre.longitude, radiusKm: 40 },
        vanCapacity: 8,
      },
      start,
    );
    for (const weekday of [1, 2, 3, 4, 5, 6])
      await createShift(
        tx,
        meta,
        { technicianId: userId, weekday, kind: 'regular', start: '08:00', end: '18:00' },
        start,
      );
    if (p.username === 'tech2')
      await createShift(
        tx,
        meta,
        { technicianId: userId, weekday: 0, kind: 'on_call', start: '09:00', end: '17:00', note: '周日值班' },
        start,
      );
  }
}

/**
 * A two-hour visit slot today in the company's zone (09:00, 11:00, 14:00 or 16:00 local), so the
 * technicians' phone view has a day of jobs.
 */
function visitSlot(now: Date, timeZone: string, i: number, address: string) {
  const day = localDate(now, timeZone);
  const hour = [9, 11, 14, 16][i % 4]!;
  const offset = intlOffsetMs(timeZone, now.getTime());
  const start = new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`) - offset);
  return {
    slotStart: start.toISOString(),
    slotEnd: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    address,
    zone: 'urban',
  };
}
