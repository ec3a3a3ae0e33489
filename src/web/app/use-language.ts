import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyToDocument, directionOf, rememberLanguage, type Language } from './language';

/** The current interface language and the switch that changes, applies and remembers it. */
export function useLanguage(): { language: Language; setLanguage(language: Language): void } {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language: Language = i18n.language === 'en' ? 'en' : 'ar';
  return {
    language,
    setLanguage(next) {
      rememberLanguage(next);
      applyToDocument(next);
      setDirection(directionOf(next));
      void i18n.changeLanguage(next);
    },
  };
}
