import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../i18n/index.js';
import { useTimeZone } from './time-zone.js';

/** Date and number formatting in language `lang`; instants are read on the wall clock of `timeZone`. */
export function formatters(lang: string, timeZone: string) {
  const loc = locale(lang);
  const dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'short', timeStyle: 'short', timeZone });
  const timestamp = new Intl.DateTimeFormat(loc, { dateStyle: 'short', timeStyle: 'medium', timeZone });
  // A calendar day is already a day: read on UTC, its noon never crosses midnight into another day.
  const date = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeZone: 'UTC' });
  const monthOfYear = new Intl.DateTimeFormat(loc, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdayName = new Intl.DateTimeFormat(loc, { weekday: 'long', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(loc);
  const coordinate = new Intl.NumberFormat(loc, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** With seconds, for logs. */
    timestamp: (iso: string) => timestamp.format(new Date(iso)),
    /** A calendar day 'YYYY-MM-DD'. */
    day: (isoDay: string) => date.format(new Date(`${isoDay}T12:00:00Z`)),
    /** A calendar day written out ('25 november 2026'), for running text. */
    longDay: (isoDay: string) => longDate.format(new Date(`${isoDay}T12:00:00Z`)),
    /** A calendar month 'YYYY-MM' ('december 2026'). */
    month: (isoMonth: string) => monthOfYear.format(new Date(`${isoMonth}-15T12:00:00Z`)),
    /** An ISO weekday, 1 Monday … 7 Sunday ('måndag'). */
    weekday: (isoDay: number) => weekdayName.format(new Date(Date.UTC(2024, 0, isoDay, 12))),
    number: (n: number) => number.format(n),
    coordinate: (n: number) => coordinate.format(n),
  };
}

/** `formatters` in the current language, on the organisation's wall clock. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const timeZone = useTimeZone();
  return useMemo(() => formatters(lang, timeZone), [lang, timeZone]);
}
