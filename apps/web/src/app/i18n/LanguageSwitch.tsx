import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, toLanguage, type Language } from './languages';

/** Switches the UI language; i18n.ts remembers the choice in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const value = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('language.label')}
      value={value}
      options={LANGUAGES.map((lang) => ({
        value: lang,
        label: <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>,
      }))}
      onChange={(lang) => void i18n.changeLanguage(lang)}
    />
  );
}
