import type { Interval } from './types';

/**
 * Start times t within `window` such that the work [t, t+duration] lies inside one of `allowed`
 * and overlaps none of `blocked`. Returned as sorted, disjoint intervals of start times (closed).
 */
export function freeStarts(
  window: Interval,
  allowed: readonly Interval[] | null,
  blocked: readonly Interval[],
  duration: number,
): Interval[] {
  let out: Interval[] = allowed ? [] : [{ start: window.start, end: window.end }];
  for (const a of allowed ?? []) {
    const start = Math.max(window.start, a.start);
    const end = Math.min(window.end, a.end - duration);
    if (start <= end) out.push({ start, end });
  }
  for (const b of blocked) {
    // Work overlaps b when t < b.end and t + duration > b.start, i.e. t in (b.start - duration, b.end).
    const lo = b.start - duration;
    const hi = b.end;
    const next: Interval[] = [];
    for (const iv of out) {
      if (iv.end <= lo || iv.start >= hi) next.push(iv);
      else {
        if (iv.start <= lo) next.push({ start: iv.start, end: lo });
        if (iv.end >= hi) next.push({ start: hi, end: iv.end });
      }
    }
    out = next;
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Whether two intervals overlap (half-open). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
