import type { ServiceDay } from './types';

/** The facts behind one proposal, as structured data for the board and the audit trail. */
export interface ProposalFacts {
  readonly distanceKm: number;
  readonly travelMinutes: number;
  /** Earliest possible service start (instant). */
  readonly startAt: number;
  /** End of the shift that covers the start (instant), or null when the shift rule was overridden. */
  readonly shiftEndsAt: number | null;
  readonly jobsToday: number;
  /** Minutes between the earliest start and the SLA deadline; null without a deadline. */
  readonly slaSlackMinutes: number | null;
  readonly skillLevel: number;
}

/** Local clock time "HH:MM" of an instant on the service day. */
export function localClock(day: ServiceDay, at: number): string {
  const minutes = Math.round((at - day.midnight) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = ((minutes % 60) + 60) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function km(d: number): string {
  return d >= 10 ? `${Math.round(d)}` : `${Math.round(d * 10) / 10}`;
}

function slack(minutes: number, zh: boolean): string {
  const late = minutes < 0;
  const abs = Math.abs(minutes);
  const text =
    abs >= 60
      ? `${Math.round(abs / 30) / 2} ${zh ? '小时' : 'h'}`
      : `${Math.round(abs)} ${zh ? '分钟' : 'min'}`;
  if (zh) return late ? `超出时效 ${text}` : `时效余量 ${text}`;
  return late ? `SLA late by ${text}` : `SLA slack ${text}`;
}

/** One sentence in English and in Chinese, e.g. "张师傅: 12 km, 25 min, on shift until 18:00, …". */
export function explainProposal(name: string, f: ProposalFacts, day: ServiceDay): { zh: string; en: string } {
  const shiftEn =
    f.shiftEndsAt === null ? 'shift rule overridden' : `on shift until ${localClock(day, f.shiftEndsAt)}`;
  const shiftZh =
    f.shiftEndsAt === null ? '班次规则已被越权放行' : `值班至 ${localClock(day, f.shiftEndsAt)}`;
  const en = [
    `${km(f.distanceKm)} km`,
    `${Math.round(f.travelMinutes)} min`,
    shiftEn,
    `${f.jobsToday} ${f.jobsToday === 1 ? 'job' : 'jobs'} today`,
    f.slaSlackMinutes === null ? 'no SLA deadline' : slack(f.slaSlackMinutes, false),
  ];
  const zh = [
    `${km(f.distanceKm)} 公里`,
    `${Math.round(f.travelMinutes)} 分钟`,
    shiftZh,
    `今日已有 ${f.jobsToday} 单`,
    f.slaSlackMinutes === null ? '无时效要求' : slack(f.slaSlackMinutes, true),
  ];
  return { en: `${name}: ${en.join(', ')}`, zh: `${name}：${zh.join('，')}` };
}
