// Languages of the UI (R-NF-04): Simplified Chinese first, English second.
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'aftercare.language';

/** Native names, shown as-is in the switch so that each reader finds their own language. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function toLanguage(value: string | null | undefined): Language {
  return LANGUAGES.find((lang) => lang === value) ?? DEFAULT_LANGUAGE;
}
