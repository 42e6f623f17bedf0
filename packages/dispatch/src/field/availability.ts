import type { Interval, Technician } from './types';

/**
 * The technician's longest working stretch of the day: shifts minus leave (R-DIS-02). A route is a
 * single stretch; a split shift keeps its longest part. Null when nothing is left.
 */
export function workingStretch(tech: Technician): Interval | null {
  let pieces: Interval[] = tech.shifts.map((s) => ({ start: s.start, end: s.end }));
  for (const l of tech.leave) {
    const next: Interval[] = [];
    for (const p of pieces) {
      if (l.end <= p.start || l.start >= p.end) next.push(p);
      else {
        if (l.start > p.start) next.push({ start: p.start, end: l.start });
        if (l.end < p.end) next.push({ start: l.end, end: p.end });
      }
    }
    pieces = next;
  }
  let best: Interval | null = null;
  for (const p of pieces) if (p.end > p.start && (!best || p.end - p.start > best.end - best.start)) best = p;
  return best;
}
