import { useMutation, useQueryClient } from '@tanstack/react-query';
import L from 'leaflet';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportObservation } from '../../../domain/walks.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { EarlierObservations } from './EarlierObservations.js';
import { latLngs, SEVERITY_COLOURS, useWalkReport } from './use-walks.js';
import './walks.css';

/** Groups in first-seen order, by a key and its heading. */
function groupBy<T>(
  rows: readonly T[],
  key: (r: T) => [string, string],
): Array<{ key: string; label: string; rows: T[] }> {
  const groups = new Map<string, { key: string; label: string; rows: T[] }>();
  for (const r of rows) {
    const [k, label] = key(r);
    const g = groups.get(k) ?? { key: k, label, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  return [...groups.values()];
}

/**
 * After the walk: every observation on a map and in lists by checklist item and by the unit the
 * responsibility matrix names, with photos; one click makes an observation a problem or sends it to the
 * responsible unit's inbox.
 */
export function WalkReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const report = useWalkReport(id);
  const session = useSession();
  const [map, setMap] = useState<L.Map | null>(null);
  useDocumentTitle(report.data ? `${t('walks.reportTitle')}: ${report.data.walk.title}` : t('walks.reportTitle'));
  const data = report.data;
  const itemLabel = (o: ReportObservation) => (i18n.language === 'en' ? o.item.label_en : o.item.label);
  const byItem = useMemo(
    () => groupBy(data?.observations ?? [], (o) => [o.item.id, itemLabel(o)]),
    [data, i18n.language],
  );
  const byUnit = useMemo(
    () =>
      groupBy(data?.observations ?? [], (o) =>
        o.responsible_unit ? [o.responsible_unit.id, o.responsible_unit.name] : ['', t('walks.noUnit')],
      ),
    [data, t],
  );

  useMapLayer(
    map,
    (m) => {
      if (!data) return null;
      const layers: L.Layer[] = data.observations.map((o) =>
        L.circleMarker([o.lat, o.lon], {
          radius: 8,
          color: '#ffffff',
          weight: 2,
          fillColor: SEVERITY_COLOURS[o.severity],
          fillOpacity: 1,
        }).bindTooltip(`${itemLabel(o)} (${t(`walks.severity.${o.severity}`)})`),
      );
      if (data.walk.route)
        layers.unshift(
          L.polyline(latLngs(data.walk.route.coordinates), { color: '#1f3a5f', weight: 3, dashArray: '8 6' }),
        );
      const group = L.featureGroup(layers);
      if (layers.length > 0) m.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 17 });
      return group;
    },
    [data, i18n.language],
  );

  return (
    <div className="page walk-report">
      <QueryState isPending={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
        {data && (
          <>
            <h1>
              {t('walks.reportTitle')}: {data.walk.title}
            </h1>
            <p className="lead">
              {format.longDay(data.walk.walk_date)}, {data.walk.area.name} · {t(`walks.status.${data.walk.status}`)} ·{' '}
              {t('walks.list.count', { count: data.observations.length })}
            </p>
            <p>
              {t('walks.participants')}:{' '}
              {[
                data.walk.unit.name,
                ...data.walk.invited_units.map((u) => u.name),
                ...data.walk.groups.map((g) => t(`walks.groups.${g}`)),
              ].join(', ')}
            </p>
            <p className="actions">
              <a className="button button-secondary" href={api.reportPdfUrl(id)} download>
                {t('walks.pdf')}
              </a>
            </p>
            <MapView
              label={t('walks.reportMap')}
              describedBy="walk-report-map-hint"
              className="walk-report-map"
              onReady={setMap}
              search={false}
              basemapLabels={false}
            />
            <p id="walk-report-map-hint" className="hint">
              {t('walks.reportMapHint')}
            </p>
            {data.observations.length === 0 && <p>{t('walks.noObservations')}</p>}
            <section aria-labelledby="walk-by-unit" hidden={data.observations.length === 0}>
              <h2 id="walk-by-unit">{t('walks.byUnit')}</h2>
              <ul className="walk-by-unit">
                {byUnit.map((g) => (
                  <li key={g.key}>
                    <strong>{g.label}</strong>: {t('walks.list.count', { count: g.rows.length })} –{' '}
                    {g.rows.map((o, i) => (
                      <span key={o.id}>
                        {i > 0 && ', '}
                        <a href={`#obs-${o.id}`}>{itemLabel(o)}</a>
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="walk-by-item" hidden={data.observations.length === 0}>
              <h2 id="walk-by-item">{t('walks.byItem')}</h2>
              {byItem.map((g) => (
                <section key={g.key} aria-labelledby={`item-${g.key}`}>
                  <h3 id={`item-${g.key}`}>
                    {g.label} ({g.rows.length})
                  </h3>
                  <ul className="walk-report-list">
                    {g.rows.map((o) => (
                      <ObservationCard
                        key={o.id}
                        walkId={id}
                        observation={o}
                        itemLabel={itemLabel(o)}
                        canFollowUp={allows(session.data, 'walks:plan')}
                      />
                    ))}
                  </ul>
                </section>
              ))}
            </section>
            <EarlierObservations walkId={id} canAnswer={allows(session.data, 'walks:capture')} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function ObservationCard({
  walkId,
  observation: o,
  itemLabel,
  canFollowUp,
}: {
  walkId: string;
  observation: ReportObservation;
  itemLabel: string;
  canFollowUp: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const follow = useMutation({
    mutationFn: (how: 'problem' | 'inbox') =>
      how === 'problem' ? api.toProblem(walkId, o.id) : api.toInbox(walkId, o.id),
    onSuccess: async () => {
      setDone(t('walks.followedUp'));
      await queryClient.invalidateQueries({ queryKey: ['walks', walkId, 'report'] });
    },
  });
  return (
    <li id={`obs-${o.id}`} className="walk-report-item">
      {o.photo && (
        <a href={api.photoUrl(walkId, o.id, 'full')}>
          <img
            src={api.photoUrl(walkId, o.id, 'thumb')}
            alt={t('walks.photoAlt', { item: itemLabel })}
            width={160}
            height={Math.round((160 * o.photo.height) / o.photo.width)}
          />
        </a>
      )}
      <div>
        <p>
          <span className={`severity-dot severity-${o.severity}`} aria-hidden="true" />
          {t('walks.observationSummary', {
            severity: t(`walks.severity.${o.severity}`),
            time: format.dateTime(o.observed_at),
          })}
          {o.responsible_unit && <> · {o.responsible_unit.name}</>}
        </p>
        {o.note && <p className="walk-note">{o.note}</p>}
        {o.followups.map((a) => (
          <p key={a.walk.id} className="walk-answer">
            {t('walks.laterFindings', {
              walk: a.walk.title,
              day: format.longDay(a.walk.walk_date),
              outcome: t(`walks.followUp.outcome.${a.outcome}`),
              who: a.answered_by ?? '–',
              time: format.dateTime(a.answered_at),
            })}
            {a.note && <> – {a.note}</>}
          </p>
        ))}
        {o.problem_id ? (
          <p>
            <Link to={`/problems/${o.problem_id}`}>{t('walks.becameProblem')}</Link>
          </p>
        ) : o.incident_id ? (
          <p>
            <Link to={`/incidents/${o.incident_id}`}>{t('walks.becameIncident')}</Link>
          </p>
        ) : (
          canFollowUp && (
            <p className="walk-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={follow.isPending}
                onClick={() => follow.mutate('problem')}
              >
                {t('walks.toProblem')}
                <span className="visually-hidden">: {itemLabel}</span>
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={follow.isPending}
                onClick={() => follow.mutate('inbox')}
              >
                {t('walks.toInbox')}
                <span className="visually-hidden">: {itemLabel}</span>
              </button>
            </p>
          )
        )}
        <StatusMessage message={done} />
        {follow.error && (
          <p className="notice notice-error" role="alert">
            {errorText(follow.error)}
          </p>
        )}
      </div>
    </li>
  );
}
