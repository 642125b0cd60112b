import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MIN_PUBLIC_COUNT } from '../../../analysis/stats/disclosure.js';
import { addMonths } from '../../../domain/calendar/index.js';
import type { PlaceDetail } from '../../api/endpoints.js';
import { useToday } from '../../components/time-zone.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { StatusBadge } from '../programme/StatusBadge.js';
import { allows } from '../views/access.js';

type Unit = PlaceDetail['responsible_units'][number] | NonNullable<PlaceDetail['owner_unit']>;

/** How a district reaches a unit: its function mailbox and switchboard, as links. */
export function UnitContact({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  if (!unit.contact_email && !unit.contact_phone)
    return <span className="muted"> ({t('placeResource.noContact')})</span>;
  return (
    <span className="unit-contact">
      {' '}
      <span className="visually-hidden">{t('placeResource.contact')}: </span>
      {unit.contact_email && <a href={`mailto:${unit.contact_email}`}>{unit.contact_email}</a>}
      {unit.contact_email && unit.contact_phone && ' · '}
      {unit.contact_phone && <a href={`tel:${unit.contact_phone.replace(/[^\d+]/g, '')}`}>{unit.contact_phone}</a>}
    </span>
  );
}

/** The week's opening hours, one row per weekday, with where the hours come from. */
export function OpeningHoursTable({ hours }: { hours: PlaceDetail['opening_hours'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!hours || hours.periods.length === 0) return <p className="empty">{t('placeResource.noHours')}</p>;
  return (
    <>
      <table className="data-table">
        <caption className="visually-hidden">{t('placeResource.hours')}</caption>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => {
            const periods = hours.periods.filter((p) => p.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
            return (
              <tr key={day}>
                <th scope="row">{format.weekday(day)}</th>
                <td>
                  {periods.length === 0
                    ? t('placeResource.closed')
                    : periods.map((p) => `${p.opens}–${p.closes}`).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hours.note && <p className="hint">{hours.note}</p>}
    </>
  );
}

const MONTHS_SHOWN = 13;

/**
 * Incidents per zone and month, the current month last: rows are months, columns the place's zones, so the
 * table stays narrow on a phone. A figure withheld for the caller's role reads "fewer than 5".
 */
export function ZoneMonthTable({ place }: { place: PlaceDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const thisMonth = useToday().slice(0, 7);
  const months = Array.from({ length: MONTHS_SHOWN }, (_, i) =>
    addMonths(`${thisMonth}-01`, i - MONTHS_SHOWN + 1).slice(0, 7),
  );
  const hasUnzoned = place.zone_months.some((z) => z.zone_id === null);
  const columns = [
    ...place.zones.map((z) => ({ id: z.id as string | null, name: (i18n.language === 'en' && z.name_en) || z.name })),
    ...(hasUnzoned || place.zones.length === 0 ? [{ id: null, name: t('placeResource.noZone') }] : []),
  ];
  const cell = (month: string, zoneId: string | null) =>
    place.zone_months.find((z) => z.month === month && z.zone_id === zoneId);
  const shown = (count: number | null | undefined) =>
    count === undefined ? '0' : count === null ? t('common.fewerThan', { k: MIN_PUBLIC_COUNT }) : format.number(count);
  const monthTotal = (month: string) => {
    const cells = place.zone_months.filter((z) => z.month === month);
    if (cells.some((z) => z.count === null)) return null;
    return cells.reduce((sum, z) => sum + (z.count ?? 0), 0);
  };
  return (
    // Focusable so that a keyboard can scroll the table sideways on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('placeResource.byZoneCaption')}>
      <table className="data-table">
        <caption>{t('placeResource.byZoneCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placeResource.month')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.id ?? 'none'} className="numeric">
                {c.name}
              </th>
            ))}
            {columns.length > 1 && (
              <th scope="col" className="numeric">
                {t('placeResource.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{format.month(month)}</th>
              {columns.map((c) => (
                <td key={c.id ?? 'none'} className="numeric">
                  {shown(cell(month, c.id)?.count)}
                </td>
              ))}
              {columns.length > 1 && <td className="numeric">{shown(monthTotal(month))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The measures aimed at the place, with their unit, status and period; linked for those who may read them. */
export function PlaceMeasures({ measures }: { measures: PlaceDetail['measures'] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const linked = allows(session.data, 'programme:read');
  if (measures.length === 0) return <p className="empty">{t('placeResource.noMeasures')}</p>;
  return (
    <ul className="plain-list place-measures">
      {measures.map((m) => {
        const type = t(`programme.measureTypes.${m.type}`);
        const title = m.title ?? t('placeResource.untitled', { type });
        const unit = (i18n.language === 'en' && m.responsible_unit.name_en) || m.responsible_unit.name;
        return (
          <li key={m.id}>
            {linked ? <Link to={`/measures/${m.id}`}>{title}</Link> : <strong>{title}</strong>}{' '}
            <StatusBadge kind="measure" status={m.status} />
            <br />
            <span className="muted">
              {t('placeResource.measureOf', { type, unit })}
              {(m.period_start || m.period_end) &&
                ` · ${t('placeResource.period', {
                  from: m.period_start ? format.day(m.period_start) : '…',
                  to: m.period_end ? format.day(m.period_end) : '…',
                })}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
