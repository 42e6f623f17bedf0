export * from './triage';
export * from './errors';
export { triageRequest, responseTargetFor, findHazardKeywords } from './decide';
export { findRepeat, sameUnit, symptomSimilarity, DEFAULT_SYMPTOM_SIMILARITY_MIN_BP } from './repeat';
export { normaliseText, containsKeyword, symptomTokens, textSimilarityBp } from './text';
