/** A VRPTW benchmark instance in Solomon / Gehring–Homberger text format (node 0 is the depot). */
export interface VrptwInstance {
  readonly name: string;
  readonly vehicles: number;
  readonly capacity: number;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly demand: readonly number[];
  readonly ready: readonly number[];
  readonly due: readonly number[];
  readonly service: readonly number[];
}

/** Parses the Solomon text format (name line, VEHICLE NUMBER/CAPACITY, one row per node). */
export function parseSolomon(text: string): VrptwInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines[0] ?? '';
  const capIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (capIdx < 0) throw new Error('VRPTW_PARSE: no NUMBER CAPACITY line');
  const [vehicles, capacity] = (lines[capIdx + 1] ?? '').split(/\s+/).map(Number);
  const x: number[] = [];
  const y: number[] = [];
  const demand: number[] = [];
  const ready: number[] = [];
  const due: number[] = [];
  const service: number[] = [];
  for (const line of lines.slice(capIdx + 2)) {
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some((v) => Number.isNaN(v))) continue;
    if (f[0] !== x.length) throw new Error(`VRPTW_PARSE: node ${f[0]} out of order`);
    x.push(f[1]!);
    y.push(f[2]!);
    demand.push(f[3]!);
    ready.push(f[4]!);
    due.push(f[5]!);
    service.push(f[6]!);
  }
  if (!vehicles || !capacity || x.length < 2) throw new Error('VRPTW_PARSE: incomplete instance');
  return { name, vehicles, capacity, x, y, demand, ready, due, service };
}

/** DIMACS arc length: Euclidean distance truncated to one decimal, in tenths (an integer). */
export function dimacsTenths(x1: number, y1: number, x2: number, y2: number): number {
  return Math.floor(10 * Math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2) + 1e-9);
}
