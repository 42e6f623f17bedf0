/**
 * Text normalisation shared by hazard detection and symptom similarity: NFKC (full-width letters and
 * digits become ASCII), lower case, hyphens and underscores read as spaces, runs of space collapsed.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `keyword` occurs in `text` (both normalised). A Chinese keyword matches anywhere; a Latin
 * keyword must start at a word boundary and may carry a suffix ("smoke" matches "smoked", not
 * "nosmoke"), so that "fire" does not match inside "campfire" but matches "fires".
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const k = normaliseText(keyword);
  if (k === '') return false;
  if (HAN.test(k)) return text.includes(k);
  const pattern = k.split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${pattern}`, 'u').test(text);
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'was',
  'were',
  'be',
  'it',
  'its',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'my',
  'me',
  'i',
  'this',
  'that',
  'has',
  'have',
  'very',
]);

/**
 * The tokens a symptom is compared by: Latin words and numbers (error codes such as "e4") except
 * stop words, and overlapping pairs of Han characters (Chinese has no spaces between words).
 */
export function symptomTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const norm = normaliseText(text);
  for (const word of norm.match(/[\p{Script=Latin}\p{N}]+/gu) ?? []) {
    if (!STOP_WORDS.has(word)) tokens.add(word);
  }
  for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.add(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(`${chars[i]}${chars[i + 1]}`);
  }
  return tokens;
}

/**
 * Overlap coefficient of two symptom texts in basis points: shared tokens over the tokens of the
 * shorter text, so "不制冷" and "冰箱不制冷了" are equal (10000) and a longer retelling still matches.
 */
export function textSimilarityBp(a: string, b: string): number {
  const ta = symptomTokens(a);
  const tb = symptomTokens(b);
  const smaller = Math.min(ta.size, tb.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return Math.floor((shared * 10_000) / smaller);
}
