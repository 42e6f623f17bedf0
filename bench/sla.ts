// SLA deadline benchmark (issue 3): one million deadline computations on one core.
// Starts are uniform over 2025-01-01 … 2027-12-31 (ms resolution, Asia/Shanghai office calendar
// of the appliance preset: 08:30–12:00, 13:30–18:00 Mon–Fri, China holidays and make-up days).
// Durations: half are working minutes from 1 working hour to 30 working days (60 … 14,400 min),
// half are 1 … 30 working days. 2027 has no holiday data in chinese-days 1.5.7, so 2027 counts as
// ordinary weeks (weekends off). The calendar is compiled (default range 2000–2060) and the inputs
// are drawn from a seeded PRNG before timing. Prints `BENCH sla.deadlines_per_s <n>` on stdout.
import { getPolicyPreset } from '../packages/domain/src/policy/index';
import { addWorkingDays, addWorkingDuration, compileCalendar } from '../packages/domain/src/calendar/index';

const N = 1_000_000;
const WARMUP = 200_000;

/** mulberry32: a small seeded PRNG, so every run computes the same deadlines. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const policy = getPolicyPreset('appliance');
const office = policy.calendars.office;
if (!office) throw new Error('appliance preset has no office calendar');
const cal = compileCalendar(office, { timeZone: policy.timeZone, name: 'office' });

const rand = mulberry32(20261125);
const from = Date.UTC(2024, 11, 31, 16); // 2025-01-01 00:00 Shanghai
const to = Date.UTC(2027, 11, 31, 16); // 2028-01-01 00:00 Shanghai
const starts = new Float64Array(N);
const amounts = new Int32Array(N); // > 0: working minutes; < 0: -working days
for (let i = 0; i < N; i++) {
  starts[i] = from + Math.floor(rand() * (to - from));
  amounts[i] = rand() < 0.5 ? 60 + Math.floor(rand() * (30 * 480 - 60 + 1)) : -(1 + Math.floor(rand() * 30));
}

function run(count: number): number {
  let checksum = 0;
  for (let i = 0; i < count; i++) {
    const s = starts[i] as number;
    const a = amounts[i] as number;
    const d = a > 0 ? addWorkingDuration(cal, s, a) : addWorkingDays(cal, s, -a);
    checksum += d - s;
  }
  return checksum;
}

run(WARMUP);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const checksum = run(N);
const ns = Number(process.hrtime.bigint() - t0);
const cpu = process.cpuUsage(cpu0);
const perSecond = Math.floor((N * 1e9) / ns);
// The figure is wall-clock. On a shared, loaded machine the CPU-time figure on stderr shows
// what the code does when it has the core to itself.
const cpuMs = (cpu.user + cpu.system) / 1000;
console.error(
  `sla bench: ${N} deadlines in ${(ns / 1e6).toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU ` +
    `(${Math.floor((N * 1000) / cpuMs)} per CPU-second; checksum ${checksum})`,
);
console.log(`BENCH sla.deadlines_per_s ${perSecond}`);
