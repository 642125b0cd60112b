import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../i18n/index.js';
import { WEB_TIME_ZONE } from './dates.js';

/** Date and number formatting in the current language, on the organisation's wall clock (`WEB_TIME_ZONE`). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const loc = locale(lang);
    const dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'short', timeStyle: 'short', timeZone: WEB_TIME_ZONE });
    const timestamp = new Intl.DateTimeFormat(loc, {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: WEB_TIME_ZONE,
    });
    const date = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: WEB_TIME_ZONE });
    const longDate = new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeZone: WEB_TIME_ZONE });
    const number = new Intl.NumberFormat(loc);
    const coordinate = new Intl.NumberFormat(loc, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** With seconds, for logs. */
      timestamp: (iso: string) => timestamp.format(new Date(iso)),
      /** A calendar day 'YYYY-MM-DD' (no time zone shift: it is already a day). */
      day: (isoDay: string) => date.format(new Date(`${isoDay}T12:00:00Z`)),
      /** A calendar day written out ('25 november 2026'), for running text. */
      longDay: (isoDay: string) => longDate.format(new Date(`${isoDay}T12:00:00Z`)),
      number: (n: number) => number.format(n),
      coordinate: (n: number) => coordinate.format(n),
    };
  }, [lang]);
}
