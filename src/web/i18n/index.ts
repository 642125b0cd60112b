import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.js';
import { en } from './en.js';
import { sv } from './sv.js';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'trygg.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv'; // storage can be blocked (private mode, strict settings)
  }
}

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

/** Swedish by default; the choice is remembered in localStorage and mirrored on <html lang>. */
export function setupI18n() {
  const lng = storedLanguage();
  applyLanguage(lng);
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng,
    fallbackLng: 'sv',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  i18next.on('languageChanged', (lang) => {
    applyLanguage(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered; the switch still works for this visit
    }
  });
  return i18next;
}

/** 'sv-SE' or 'en-GB' for Intl formatting (en-GB: day-month order and 24-hour clock, closest to Swedish habits). */
export function locale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'sv-SE';
}
