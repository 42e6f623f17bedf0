import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { pinyin } from 'pinyin-pro';
import { DomainError, type Result } from './errors';

/**
 * Normalises a phone number to E.164 (R-IN-03). Mainland numbers may be typed without +86;
 * landlines with area code (010-…), 400 numbers and mobiles are accepted; anything else is refused.
 */
export function normalizePhone(
  raw: string,
  field: string,
  defaultCountry: CountryCode = 'CN',
): Result<string> {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      error: new DomainError('PHONE_INVALID', `"${raw}" is not a valid phone number.`, { field }),
    };
  }
  return { ok: true, value: parsed.number };
}

/**
 * Masks a phone number for lists (R-NF-03): a mainland mobile shows 138****8000; other numbers keep
 * their first three and last two digits.
 */
export function maskPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  if (national.length <= 5) return '*'.repeat(national.length);
  const keepEnd = /^1\d{10}$/.test(national) ? 4 : 2;
  return `${national.slice(0, 3)}${'*'.repeat(national.length - 3 - keepEnd)}${national.slice(-keepEnd)}`;
}

/** Formats an E.164 number for display in the national style (138 0013 8000, 010 6552 9988). */
export function displayPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}

/**
 * A search and sort key for a Chinese name (PGlite has no zh collation): full toneless pinyin,
 * then the initials, then the name itself — so "zs", "zhangsan" and "张三" all find 张三.
 */
export function nameSearchKey(name: string): string {
  const trimmed = name.trim();
  const full = pinyin(trimmed, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
  const initials = pinyin(trimmed, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
  })
    .join('')
    .toLowerCase();
  return `${full.replace(/\s+/g, '')} ${initials.replace(/\s+/g, '')} ${trimmed.toLowerCase()}`;
}
