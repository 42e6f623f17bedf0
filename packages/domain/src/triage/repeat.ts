import { DomainError, type Result } from '../shared/errors';
import { TriageErrors } from './errors';
import { normaliseText, textSimilarityBp } from './text';
import type { NewRequest, PreviousRequest, RepeatMatch, TriagePolicy } from './triage';

/** Least text similarity (overlap coefficient) for "the same symptom" when the policy names none. */
export const DEFAULT_SYMPTOM_SIMILARITY_MIN_BP = 5000;

const DAY_MS = 86_400_000;
/** Requests that were never served cannot be repeated. */
const NOT_SERVED = new Set(['cancelled', 'rejected']);

const toMs = (t: Date | number): number => (typeof t === 'number' ? t : t.getTime());
const clean = (s: string | null | undefined): string => normaliseText(s ?? '').replace(/\s+/g, '');

/** The same sold unit: equal unit ids, else equal model and serial number (case and spacing ignored). */
export function sameUnit(a: NewRequest, b: NewRequest): boolean {
  if (a.unitId && b.unitId) return a.unitId === b.unitId;
  const serial = clean(a.serialNumber);
  return serial !== '' && serial === clean(b.serialNumber) && clean(a.productModel) === clean(b.productModel);
}

/**
 * Symptom similarity in basis points: equal symptom codes when both requests have one (different
 * codes are different symptoms, whatever the words), else the text overlap of `textSimilarityBp`.
 */
export function symptomSimilarity(
  a: NewRequest,
  b: NewRequest,
): { basis: RepeatMatch['basis']; similarityBp: number } {
  const ca = clean(a.symptomCode);
  const cb = clean(b.symptomCode);
  if (ca !== '' && cb !== '') return { basis: 'symptom_code', similarityBp: ca === cb ? 10_000 : 0 };
  return { basis: 'text', similarityBp: textSimilarityBp(a.problemText, b.problemText) };
}

/**
 * R-IN-08: the most recent earlier request for the same unit with a similar symptom, received within
 * the policy's window (elapsed time up to `duplicateWindowDays` × 24 h before `now`), or null.
 * Consultations neither repeat nor are repeated; a repair that repeats one is a repeat repair.
 */
export function findRepeat(
  request: NewRequest,
  previous: readonly PreviousRequest[],
  now: Date | number,
  policy: TriagePolicy,
): Result<RepeatMatch | null> {
  const nowMs = toMs(now);
  if (!Number.isFinite(nowMs)) {
    return {
      ok: false,
      error: new DomainError(TriageErrors.receivedAtInvalid, 'Bad time of receipt.', { field: 'now' }),
    };
  }
  if (request.type === 'consultation') return { ok: true, value: null };
  const windowMs = policy.intake.duplicateWindowDays * DAY_MS;
  const minBp = policy.intake.symptomSimilarityMinBp ?? DEFAULT_SYMPTOM_SIMILARITY_MIN_BP;

  let best: (RepeatMatch & { at: number }) | null = null;
  for (const earlier of previous) {
    const at = toMs(earlier.receivedAt);
    const age = nowMs - at;
    if (!Number.isFinite(at) || age < 0 || age > windowMs) continue;
    if (earlier.type === 'consultation' || NOT_SERVED.has(earlier.status ?? '')) continue;
    if (!sameUnit(request, earlier)) continue;
    const { basis, similarityBp } = symptomSimilarity(request, earlier);
    if (similarityBp < minBp) continue;
    if (best && best.at >= at) continue;
    best = {
      at,
      requestId: earlier.id,
      basis,
      similarityBp,
      daysSince: Math.floor(age / DAY_MS),
      isRepeatRepair: request.type === 'repair',
    };
  }
  if (best === null) return { ok: true, value: null };
  const { at: _at, ...match } = best;
  return { ok: true, value: match };
}
