import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage, type Language } from './i18n/languages';
import { useSession } from './session/session';

export interface Formatters {
  language: Language;
  /** The IANA zone times are shown in (the company's, R-NF-01), or undefined for the browser's. */
  timeZone: string | undefined;
  /** Short offset label of that zone, e.g. "GMT+8". */
  zoneLabel: string;
  dateTime(iso: string): string;
  number(value: number): string;
}

function safeDateTimeFormat(
  lang: Language,
  options: Intl.DateTimeFormatOptions,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone });
  } catch {
    // An unknown zone name from the server must not blank the page; fall back to the browser's zone.
    return new Intl.DateTimeFormat(lang, options);
  }
}

/** Formatters for one language and time zone; stored times are UTC ISO strings (R-NF-01). */
export function makeFormatters(language: Language, timeZone: string | undefined): Formatters {
  const dateTimeFormat = safeDateTimeFormat(
    language,
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    timeZone,
  );
  const zoneFormat = safeDateTimeFormat(language, { timeZoneName: 'shortOffset' }, timeZone);
  const numberFormat = new Intl.NumberFormat(language);
  const zonePart = zoneFormat.formatToParts(new Date()).find((part) => part.type === 'timeZoneName');
  return {
    language,
    timeZone: dateTimeFormat.resolvedOptions().timeZone,
    zoneLabel: zonePart?.value ?? dateTimeFormat.resolvedOptions().timeZone,
    dateTime(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
    },
    number: (value) => numberFormat.format(value),
  };
}

/** Formatters for the current UI language and the signed-in company's time zone. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const timeZone = useSession().data?.tenant.timeZone;
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => makeFormatters(language, timeZone), [language, timeZone]);
}
