// Dispatch scale benchmark (R-DIS-05): plans a generated day of 1,000 visits and 100 technicians
// and times one auto-assignment against the planned day.
// Usage: npm run bench -- dispatch [--seconds N] [--seed S]
import { planDay, rankTechnicians, type Assignment, type DayPlan } from '../packages/dispatch/src/index';
import { generateRegion } from './lib/dispatch-data';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const budget = option('--seconds', 8);
const seed = option('--seed', 42);
const region = generateRegion(1000, 100, seed);

const t0 = performance.now();
let lastShown = -1;
const plan: DayPlan = planDay(region, {
  now: () => performance.now(),
  timeLimitMs: budget * 1000,
  seed,
  onProgress: (f) => {
    const step = Math.floor(f * 10);
    if (step > lastShown) {
      lastShown = step;
      process.stdout.write(`${step * 10}% `);
    }
  },
});
const seconds = (performance.now() - t0) / 1000;
console.log();
const reasons = new Map<string, number>();
for (const u of plan.unplanned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
const used = plan.routes.filter((r) => r.stops.length > 0).length;
console.log(
  `planned ${plan.totals.planned} visits on ${used} routes, ${plan.totals.distanceKm.toFixed(0)} km, ` +
    `${plan.totals.travelMinutes.toFixed(0)} min of travel, ${plan.totals.lateVisits} late (${plan.totals.lateMinutes.toFixed(0)} min)`,
);
console.log(`unplanned by reason: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);

const visitById = new Map(region.visits.map((v) => [v.id, v]));
const assignments: Assignment[] = plan.routes.flatMap((r) =>
  r.stops.map((s) => ({
    technicianId: r.technicianId,
    visitId: s.visitId,
    location: visitById.get(s.visitId)!.location,
    start: s.start,
    end: s.end,
  })),
);
const probe = generateRegion(200, 0, seed + 1).visits.map((v, i) => ({ ...v, id: `P${i}` }));
const times: number[] = [];
let proposed = 0;
for (const visit of probe) {
  const a = performance.now();
  const result = rankTechnicians(visit, visit.window, region.technicians, {
    day: region.day,
    policy: region.policy,
    assignments,
  });
  times.push(performance.now() - a);
  if (result.proposals.length > 0) proposed++;
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length / 2)]!;
console.log(
  `auto-assignment: ${probe.length} probes, ${proposed} with a proposal, p50 ${p50.toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms`,
);
console.log(`BENCH dispatch.plan_1000x100.seconds ${seconds.toFixed(2)}`);
console.log(`BENCH dispatch.unplanned ${plan.totals.unplanned}`);
console.log(`BENCH dispatch.assign.ms ${p50.toFixed(2)}`);
