// The interface language: Arabic by default, English on request, remembered on this device.
import { LANGUAGE_KEY as STORAGE_KEY } from './early-requests';

export type Language = 'ar' | 'en';

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    // Storage can be disabled (private modes, policies); the default still works.
    return 'ar';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Sets lang and dir on <html>, so that the browser, assistive technology and CSS agree. */
export function applyToDocument(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}
