import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dataLangProps } from './data-lang.js';

/** `{ lang: 'sv' }` to spread on an element that shows Swedish data, when the UI is in another language. */
export function useDataLang(): { lang?: 'sv' } {
  const { i18n } = useTranslation();
  return dataLangProps(i18n.language);
}

/** Swedish data text (a name, a category, a message) inside any UI language: a `<span lang="sv">` in English. */
export function SvText({ children }: { children: ReactNode }) {
  const lang = useDataLang();
  return lang.lang ? <span lang={lang.lang}>{children}</span> : children;
}
