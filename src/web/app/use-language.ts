import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { loadLanguage } from '../i18n';
import { applyToDocument, directionOf, rememberLanguage, type Language } from './language';

/**
 * The current interface language; the switch that changes, applies and remembers it (once the
 * other language's words have come); and a way to fetch them beforehand.
 */
export function useLanguage(): { language: Language; setLanguage(language: Language): void; prepareLanguage(language: Language): void } {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language: Language = i18n.language === 'en' ? 'en' : 'ar';
  return {
    language,
    setLanguage(next) {
      loadLanguage(next).then(
        () => {
          rememberLanguage(next);
          applyToDocument(next);
          setDirection(directionOf(next));
          void i18n.changeLanguage(next);
        },
        // The words could not be fetched (offline): the page stays as it is, and the switch can be pressed again.
        () => undefined,
      );
    },
    prepareLanguage(next) {
      loadLanguage(next).catch(() => undefined);
    },
  };
}
