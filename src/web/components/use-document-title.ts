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
