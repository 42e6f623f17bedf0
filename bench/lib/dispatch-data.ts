// Seeded generator of a dispatch region for bench/dispatch.ts: visits with mixed skills, 2-hour
// windows and priorities, technicians on shifts around one city.
import type {
  DispatchPolicy,
  Priority,
  ServiceDay,
  Technician,
  Visit,
} from '../../packages/dispatch/src/index';

/** Small seeded generator (mulberry32), so that every run sees the same region. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PRODUCT_LINES = ['appliance', 'furniture', 'lighting', 'ceramics'] as const;
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const HOUR = 3_600_000;

export interface Region {
  day: ServiceDay;
  policy: DispatchPolicy;
  technicians: Technician[];
  visits: Visit[];
}

/** A region of `visitCount` visits and `techCount` technicians around Shanghai on a Wednesday. */
export function generateRegion(visitCount: number, techCount: number, seed = 42): Region {
  const r = rng(seed);
  const midnight = Date.UTC(2026, 10, 25) - 8 * HOUR; // 2026-11-25 00:00 in UTC+8
  const day: ServiceDay = { date: '2026-11-25', weekday: 3, midnight };
  const policy: DispatchPolicy = {
    roadFactor: 1.3,
    citySpeedKmh: 30,
    allowedWeekdays: { furniture: [1, 2, 3, 4, 5] },
  };
  const centre = { lat: 31.23, lng: 121.47 };
  // ±0.15° of latitude/longitude is a city of about 33 × 28 km.
  const point = () => ({ lat: centre.lat + (r() - 0.5) * 0.3, lng: centre.lng + (r() - 0.5) * 0.3 });
  const technicians: Technician[] = [];
  for (let i = 0; i < techCount; i++) {
    const lines = PRODUCT_LINES.filter(() => r() < 0.55);
    if (lines.length === 0) lines.push(PRODUCT_LINES[i % PRODUCT_LINES.length]!);
    const startHour = 8 + Math.floor(r() * 3);
    technicians.push({
      id: `T${String(i + 1).padStart(3, '0')}`,
      name: `${SURNAMES[i % SURNAMES.length]}师傅${i + 1}`,
      skills: lines.map((productLine) => ({ productLine, level: 1 + Math.floor(r() * 5) })),
      certificates: lines.map((productLine) => ({
        code: `${productLine}-cert`,
        productLine,
        expiresAt: midnight + (r() < 0.03 ? -30 : 200) * 24 * HOUR,
      })),
      assessment: { passed: r() > 0.02, validUntil: midnight + 180 * 24 * HOUR },
      home: point(),
      vanCapacity: 12,
      shifts: [{ start: midnight + startHour * HOUR, end: midnight + (startHour + 9) * HOUR }],
      leave: r() < 0.05 ? [{ start: midnight, end: midnight + 24 * HOUR }] : [],
    });
  }
  const visits: Visit[] = [];
  for (let i = 0; i < visitCount; i++) {
    const from = midnight + (8 + Math.floor(r() * 9)) * HOUR;
    const x = r();
    const priority: Priority = x < 0.1 ? 'urgent' : x < 0.8 ? 'normal' : 'low';
    visits.push({
      id: `V${String(i + 1).padStart(4, '0')}`,
      location: point(),
      window: { start: from, end: from + 2 * HOUR },
      serviceMinutes: 15 + Math.floor(r() * 31),
      productLine: PRODUCT_LINES[Math.floor(r() * PRODUCT_LINES.length)]!,
      priority,
      slaDeadline: priority === 'urgent' ? from + 2 * HOUR : undefined,
      booked: r() < 0.7,
      load: 1,
      avoid: r() < 0.2 ? [{ start: midnight + 12 * HOUR, end: midnight + 13.5 * HOUR }] : undefined,
    });
  }
  return { day, policy, technicians, visits };
}
