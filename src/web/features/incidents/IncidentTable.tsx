import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../../domain/incidents.js';
import { useCategoryLabel, useNeighbourhoods } from '../../api/use-reference-data.js';
import { DemoBadge } from '../../components/Badge.js';
import { useFormat } from '../../components/use-format.js';
import { usePlaceNames } from '../places/use-places.js';
import { SvText } from '../../components/SvText.js';

interface Props {
  incidents: readonly Incident[];
  caption: string;
  /** Hide the place column on a place's own page. */
  showPlace?: boolean;
  id?: string;
}

/** Incidents as a table: the accessible alternative to points on a map. */
export function IncidentTable({ incidents, caption, showPlace = true, id }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const neighbourhoods = useNeighbourhoods();
  const placeNames = usePlaceNames();

  if (incidents.length === 0) return <p className="empty">{t('incidents.empty')}</p>;
  return (
    // Scrolls sideways on narrow screens, so it takes focus; its name differs from the section around it.
    <div className="table-wrap" role="region" aria-label={t('incidents.tableLabel', { caption })} tabIndex={0}>
      <table className="data-table incident-table" {...(id ? { id, tabIndex: -1 } : {})}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents.colTime')}</th>
            <th scope="col">{t('incidents.colCategory')}</th>
            <th scope="col">{t('incidents.colNeighbourhood')}</th>
            {showPlace && <th scope="col">{t('incidents.colPlace')}</th>}
            <th scope="col">{t('incidents.colStatus')}</th>
            <th scope="col">{t('incidents.colSource')}</th>
            <th scope="col">{t('incidents.colDescription')}</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} data-incident-id={i.id}>
              <td className="nowrap">
                {/* The time opens the incident; the hidden category makes the link name unique in a links list. */}
                <Link to={`/incidents/${i.id}`} className="incident-link">
                  <time dateTime={i.occurred_at}>{format.dateTime(i.occurred_at)}</time>
                  <span className="visually-hidden">, {categoryLabel(i.category)}</span>
                </Link>
              </td>
              <td>
                {categoryLabel(i.category)}
                {i.generated && (
                  <>
                    {' '}
                    <DemoBadge />
                  </>
                )}
              </td>
              <td>
                {i.area_id && neighbourhoods.byId.get(i.area_id) ? (
                  <SvText>{neighbourhoods.byId.get(i.area_id)}</SvText>
                ) : (
                  t('common.none')
                )}
              </td>
              {showPlace && (
                <td>
                  {i.precision === 'municipality' ? (
                    <span className="muted">{t('common.wholeMunicipality')}</span>
                  ) : i.place_id ? (
                    <Link to={`/places/${i.place_id}`}>
                      <SvText>{placeNames.get(i.place_id) ?? t('common.none')}</SvText>
                    </Link>
                  ) : (
                    t('common.none')
                  )}
                </td>
              )}
              <td>
                <span className={`status status-${i.status}`}>{t(`incidents.status.${i.status}`)}</span>
              </td>
              <td>{t(`incidents.source.${i.source}`)}</td>
              <td className="description">{i.description && <SvText>{i.description}</SvText>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
