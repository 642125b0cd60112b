import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "<page> – Trygg" as the browser tab's title (WCAG 2.4.2): every page says what it is, also to screen
 * readers after client-side navigation. An undefined title (still loading) leaves the app name alone.
 */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}

/**
 * One tab title from its parts, most specific first, leaving out the ones not loaded yet: "Klotter 3 dec
 * 14:05 – Enskede – Händelse". Two pages of the same kind then differ in their titles.
 * @example titleOf('Avtal 2026', undefined, 'Uppföljning') // 'Avtal 2026 – Uppföljning'
 */
export function titleOf(...parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((p): p is string => Boolean(p)).join(' – ');
}
