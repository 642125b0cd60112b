import L from 'leaflet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicReportStatus } from '../../../domain/public-reports.js';
import { residentEndpoints } from '../../api/resident-endpoints.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { useFormat } from '../../components/use-format.js';

/**
 * What the holder of a receipt code sees beyond the status: the steps so far, the city's replies, the
 * expected handling time, their photo and the place on a map (rounded to about 100 m).
 */
export function FollowDetails({ report }: { report: PublicReportStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [map, setMap] = useState<L.Map | null>(null);

  useMapLayer(
    map,
    (m) => {
      m.setView([report.lat, report.lon], 15);
      return L.circleMarker([report.lat, report.lon], {
        radius: 9,
        color: '#ffffff',
        weight: 2,
        fillColor: '#1f3a5f',
        fillOpacity: 1,
      });
    },
    [report.lat, report.lon],
  );

  return (
    <div className="follow-details">
      <section aria-labelledby="follow-history">
        <h3 id="follow-history">{t('resident.follow.historyHeading')}</h3>
        <ol className="status-history" data-testid="status-history">
          {report.history.map((step) => (
            <li key={`${step.at}-${step.status}`}>
              <time dateTime={step.at}>{format.dateTime(step.at)}</time>{' '}
              <strong>{t(`incidents.status.${step.status}`)}</strong>
              {step.closure_reason && <> · {t(`follow.closure.${step.closure_reason}`)}</>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="follow-updates">
        <h3 id="follow-updates">{t('resident.follow.updatesHeading')}</h3>
        {report.updates.length === 0 ? (
          <p className="hint">{t('resident.follow.noUpdates')}</p>
        ) : (
          <ul className="public-updates" data-testid="public-updates">
            {report.updates.map((u) => (
              <li key={u.created_at}>
                <time dateTime={u.created_at}>{format.dateTime(u.created_at)}</time>
                <p lang="sv">{u.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="follow-handling">
        <h3 id="follow-handling">{t('resident.follow.handlingHeading')}</h3>
        <p lang={report.handling ? 'sv' : undefined}>
          {report.handling
            ? t('resident.follow.handling', {
                rule: report.handling.rule,
                due: format.dateTime(report.handling.due_at),
              })
            : t('resident.follow.handlingNone')}
        </p>
      </section>

      {report.has_photo && (
        <section aria-labelledby="follow-photo">
          <h3 id="follow-photo">{t('resident.follow.photoHeading')}</h3>
          <a href={residentEndpoints.publicPhotoUrl(report.receipt_code, 'full')} aria-label={t('resident.photo.open')}>
            <img
              className="report-photo"
              src={residentEndpoints.publicPhotoUrl(report.receipt_code, 'thumb')}
              alt={t('resident.photo.alt')}
            />
          </a>
          <p className="hint">{t('resident.follow.photoNote')}</p>
        </section>
      )}

      <section aria-labelledby="follow-map">
        <h3 id="follow-map">{t('resident.follow.mapHeading')}</h3>
        <MapView
          label={t('resident.follow.mapLabel')}
          describedBy="follow-map-note"
          className="follow-map"
          onReady={setMap}
        />
        <p id="follow-map-note" className="legend-note">
          {(report.place_name ?? report.area_name) && `${report.place_name ?? report.area_name}. `}
          {t('resident.follow.mapNote')}
        </p>
      </section>
    </div>
  );
}
