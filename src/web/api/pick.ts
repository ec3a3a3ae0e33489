import type { Bilingual } from './types';

/** The text in the interface language. */
export const pick = (text: Bilingual, language: string): string => (language === 'en' ? text.en : text.ar);
