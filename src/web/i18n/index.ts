// Both languages ship with the first page: together they are a few kilobytes, and switching
// must not wait for the network.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../app/language';
import { ar } from './ar';
import { en } from './en';

export function initI18n(language: Language): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { ar: { translation: ar }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    supportedLngs: ['ar', 'en'],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // Keeps the console for the portal's own messages.
    showSupportNotice: false,
  });
  return i18n;
}
