// The interface's words. Arabic, the default, is part of the entry; English is a chunk of its
// own, which an Arabic visitor never fetches. A visitor who chose English has it fetched as soon
// as the entry starts to run, and the first render waits for it; one who switches has the page
// change language once the words have come: no text is ever shown in the other language meanwhile.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedLanguage, type Language } from '../app/language';
import { ar } from './ar';

type Words = typeof ar;

const sources: Record<Language, () => Promise<Words>> = {
  ar: async () => ar,
  en: async () => (await import('./en')).en,
};
const fetched = new Map<Language, Promise<Words>>();

/** A language's words, fetched once (again after a failure). */
function words(language: Language): Promise<Words> {
  let promise = fetched.get(language);
  if (!promise) {
    promise = sources[language]();
    fetched.set(language, promise);
    promise.catch(() => fetched.delete(language));
  }
  return promise;
}

// Before the rest of the entry has run (main.tsx imports this module first).
if (storedLanguage() !== 'ar') words(storedLanguage()).catch(() => undefined);

/** Makes a language's words available, fetching them if need be. */
export async function loadLanguage(language: Language): Promise<void> {
  const bundle = await words(language);
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', bundle);
}

/**
 * Starts i18next in the language asked for, or in Arabic when its words cannot be fetched
 * (offline, or a deployment that replaced the chunk): a page in Arabic rather than no page.
 * The language it started in.
 */
export async function initI18n(language: Language): Promise<Language> {
  const [started, bundle] = await words(language).then(
    (bundle) => [language, bundle] as const,
    () => ['ar', ar] as const,
  );
  await i18n.use(initReactI18next).init({
    resources: { [started]: { translation: bundle } },
    lng: started,
    fallbackLng: false,
    supportedLngs: ['ar', 'en'],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // Keeps the console for the portal's own messages.
    showSupportNotice: false,
  });
  return started;
}
