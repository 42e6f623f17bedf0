// Benchmark data access for bench/vrptw.ts: instance files, the DIMACS BKS table, class names.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Directory of the shared VRPTW data (`VRPTW_DIR` overrides `../shared/bench/vrptw/` next to the repo). */
export function vrptwDir(): string {
  const env = process.env['VRPTW_DIR'];
  if (env) return env.endsWith('/') ? env : `${env}/`;
  return fileURLToPath(new URL('../../../shared/bench/vrptw/', import.meta.url));
}

export type VrptwSet = 'solomon' | 'h200';

/** Folder of one set inside the data directory. */
export function setFolder(set: VrptwSet): string {
  return set === 'solomon' ? 'solomon' : 'homberger_200';
}

/** Instance names (file names without .txt) of a set, sorted. */
export function instanceNames(set: VrptwSet): string[] {
  return readdirSync(`${vrptwDir()}${setFolder(set)}`)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Best-known distances under the DIMACS convention, by instance name. */
export function readBks(): Map<string, number> {
  const text = readFileSync(`${vrptwDir()}bks_distance_dimacs.csv`, 'utf8');
  const out = new Map<string, number>();
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [name, , distance] = line.split(',');
    if (name && distance) out.set(name, Number(distance));
  }
  return out;
}

/** Class of an instance: C1, C2, R1, R2, RC1 or RC2. */
export function instanceClass(name: string): string {
  const m = /^([a-z]+)(\d)/i.exec(name);
  return m ? `${m[1]!.toUpperCase()}${m[2]}` : name;
}

/** Path of an instance file. */
export function instanceFile(set: VrptwSet, name: string): string {
  return `${vrptwDir()}${setFolder(set)}/${name}.txt`;
}
