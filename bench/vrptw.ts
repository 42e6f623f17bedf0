// VRPTW benchmark (R-DIS-05): solves Solomon / Homberger-200 instances under a per-instance
// wall-clock limit on two threads, checks every solution independently, compares with the DIMACS BKS.
// Usage: npm run bench -- vrptw [--set solomon|h200] [--seconds N] [--out DIR] [--quick]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkVrptwSolution, parseSolomon } from '../packages/dispatch/src/index';
import { instanceClass, instanceFile, instanceNames, readBks, type VrptwSet } from './lib/vrptw-data';
import { solveFile, type FileSolution } from './lib/vrptw-solve';

interface Args {
  sets: VrptwSet[];
  seconds?: number;
  out?: string;
  quick: boolean;
}

const QUICK: readonly [VrptwSet, string][] = [
  ['solomon', 'C101'],
  ['solomon', 'C205'],
  ['solomon', 'R103'],
  ['solomon', 'R207'],
  ['solomon', 'RC105'],
  ['solomon', 'RC202'],
  ['h200', 'c1_2_3'],
  ['h200', 'r1_2_1'],
  ['h200', 'r2_2_4'],
  ['h200', 'rc1_2_6'],
];
const QUICK_SECONDS = { solomon: 1, h200: 2 };
const DEFAULT_SECONDS = { solomon: 5, h200: 20 };
/** Kept back from each limit for thread hand-over, so that the wall clock stays within the limit. */
const MARGIN_MS = 200;

function parseArgs(argv: string[]): Args {
  const args: Args = { sets: ['solomon', 'h200'], quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--set') {
      const v = argv[++i];
      if (v !== 'solomon' && v !== 'h200') throw new Error(`--set must be solomon or h200, got ${v}`);
      args.sets = [v];
    } else if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a === '--out') args.out = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** The worker thread runs the same search with another seed; the better feasible result wins. */
class SecondCore {
  // Node 20 refuses a .ts worker entry (tsx's hooks are not active yet when it is resolved), so the
  // worker starts from a tiny script that registers tsx first and then imports the real entry.
  private readonly worker = new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); ` +
      `return import(${JSON.stringify(new URL('./lib/vrptw-worker.ts', import.meta.url).href)}); });`,
    { eval: true },
  );

  /** The request in flight: one message answers it, an error of the worker rejects it. */
  private pending: { resolve: (v: unknown) => void; reject: (e: unknown) => void } | null = null;

  constructor() {
    this.worker.on('message', (m: unknown) => this.settle((p) => p.resolve(m)));
    this.worker.on('error', (e: unknown) => this.settle((p) => p.reject(e)));
    this.loaded = this.request();
  }

  private readonly loaded: Promise<unknown>;

  private settle(f: (p: NonNullable<SecondCore['pending']>) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p) f(p);
  }

  private request(message?: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      if (message !== undefined) this.worker.postMessage(message);
    });
  }

  /** Resolves once the worker has loaded the solver (tsx compiles it first), so no budget is lost. */
  async ready(): Promise<void> {
    await this.loaded;
  }

  async solve(file: string, deadline: number, seed: number): Promise<FileSolution> {
    return (await this.request({ file, deadline, seed })) as FileSolution;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

interface Row {
  set: VrptwSet;
  name: string;
  gap: number;
  feasible: boolean;
  seconds: number;
}

async function runOne(
  core: SecondCore,
  set: VrptwSet,
  name: string,
  limit: number,
  bks: Map<string, number>,
  out?: string,
): Promise<Row> {
  const file = instanceFile(set, name);
  const t0 = Date.now();
  const deadline = t0 + limit * 1000 - MARGIN_MS;
  const other = core.solve(file, deadline, 2);
  const mine = solveFile(file, deadline, 1);
  const theirs = await other;
  const seconds = (Date.now() - t0) / 1000;
  const inst = parseSolomon(readFileSync(file, 'utf8'));
  const checked = [mine, theirs].map((s) => ({ s, c: checkVrptwSolution(inst, s.routes) }));
  checked.sort((a, b) => Number(b.c.feasible) - Number(a.c.feasible) || a.c.distance - b.c.distance);
  const best = checked[0]!;
  const ref = bks.get(name);
  if (ref === undefined) throw new Error(`no BKS for ${name}`);
  const gap = (best.c.distance / ref - 1) * 100;
  if (out) writeFileSync(`${out}/${name}.json`, `${JSON.stringify({ routes: best.s.routes })}\n`);
  const flag = best.c.feasible ? '' : `  INFEASIBLE ${best.c.violations.map((v) => v.code).join(',')}`;
  console.log(
    `${name.padEnd(9)} ${instanceClass(name).padEnd(4)} ${best.c.distance.toFixed(1).padStart(8)} bks ${ref.toFixed(1).padStart(8)} gap ${gap.toFixed(2).padStart(6)} %  vehicles ${String(best.c.vehiclesUsed).padStart(2)}  iterations ${mine.iterations}+${theirs.iterations}  ${seconds.toFixed(2)} s${flag}`,
  );
  return { set, name, gap, feasible: best.c.feasible, seconds };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function printClasses(rows: Row[]): void {
  const classes = [...new Set(rows.map((r) => instanceClass(r.name)))].sort();
  for (const c of classes) {
    const g = rows.filter((r) => instanceClass(r.name) === c).map((r) => r.gap);
    console.log(`  ${c.padEnd(4)} n=${String(g.length).padStart(2)}  mean gap ${mean(g).toFixed(2)} %`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const bks = readBks();
  if (args.out) mkdirSync(args.out, { recursive: true });
  const core = new SecondCore();
  await core.ready();
  const rows: Row[] = [];
  try {
    if (args.quick) {
      for (const [set, name] of QUICK)
        rows.push(await runOne(core, set, name, args.seconds ?? QUICK_SECONDS[set], bks, args.out));
      const gap = mean(rows.map((r) => r.gap));
      printClasses(rows);
      console.log(`BENCH vrptw.quick.gap_pct ${gap.toFixed(3)}`);
    } else {
      for (const set of args.sets) {
        const limit = args.seconds ?? DEFAULT_SECONDS[set];
        console.log(`# ${set}: ${limit} s per instance, 2 threads`);
        const setRows: Row[] = [];
        for (const name of instanceNames(set))
          setRows.push(await runOne(core, set, name, limit, bks, args.out));
        printClasses(setRows);
        const label = set === 'solomon' ? 'solomon' : 'h200';
        console.log(`BENCH vrptw.${label}.gap_pct ${mean(setRows.map((r) => r.gap)).toFixed(3)}`);
        console.log(`BENCH vrptw.${label}.seconds ${limit}`);
        rows.push(...setRows);
      }
    }
  } finally {
    await core.close();
  }
  const infeasible = rows.filter((r) => !r.feasible).length;
  console.log(`BENCH vrptw.infeasible ${infeasible}`);
  if (args.quick && infeasible > 0) process.exitCode = 1;
}

await main();
