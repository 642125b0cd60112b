import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { UnitView } from '../../../domain/views.js';
import { endpoints } from '../../api/endpoints.js';
import { MapListLink } from '../../components/MapListLink.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from './access.js';
import { POINT_STYLE } from '../programme/ProgrammeMap.js';
import { ProgrammeNav } from './ProgrammeNav.js';
import { UnitMap, type UnitPointKind, unitPoints } from './UnitMap.js';
import { useUnitOptions, useUnitView } from './use-reports.js';
import './reports.css';

type Ref = { id: string; name: string };

/** A unit's view: its measures across all districts, and its premises as resources in the district plans they touch. */
export function UnitPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const allowed = allows(session.data, 'programme:read');
  const own = session.data?.memberships.find((m) => m.role !== 'admin')?.unit_id ?? null;
  const unitId = id ?? own;
  const view = useUnitView(allowed && unitId ? unitId : null);
  useDocumentTitle(view.data?.unit.name ?? t('unitView.title'));
  // District pages are keyed by area: the district area each district unit owns.
  const areas = useQuery({
    queryKey: ['areas', 'district', 'json'],
    queryFn: () => endpoints.areas({ level: 'district' }),
    staleTime: 3_600_000,
    enabled: allowed,
  });
  const areaOf = useMemo(
    () => new Map((areas.data ?? []).flatMap((a) => (a.owner_unit_id ? [[a.owner_unit_id, a.id] as const] : []))),
    [areas.data],
  );

  return (
    <div className="page report-page">
      {session.data && <ProgrammeNav />}
      <h1>{view.data?.unit.name ?? t('unitView.title')}</h1>
      <p className="lead">{t('unitView.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <UnitChooser current={unitId} />
          {unitId && (
            <QueryState isPending={view.isPending} error={view.error} onRetry={() => void view.refetch()}>
              {view.data && (
                <UnitBody view={view.data} areaOf={areaOf} reports={allows(session.data, 'quality:read')} />
              )}
            </QueryState>
          )}
        </>
      )}
    </div>
  );
}

function UnitChooser({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnitOptions();
  const [chosen, setChosen] = useState(current ?? '');
  useEffect(() => setChosen(current ?? ''), [current]);
  const selected = chosen || units[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (selected) navigate(`/units/${encodeURIComponent(selected)}`);
  };
  return (
    <form className="scope-form filters" onSubmit={submit} aria-label={t('unitView.unit')}>
      <div className="field">
        <label htmlFor="unit-choice">{t('unitView.unit')}</label>
        <select id="unit-choice" value={selected} onChange={(e) => setChosen(e.target.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field scope-submit">
        <button type="submit" className="button button-secondary">
          {t('unitView.show')}
        </button>
      </div>
    </form>
  );
}

function DistrictLinks({ districts, areaOf }: { districts: readonly Ref[]; areaOf: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (!districts.length) return <span className="muted">{t('unitView.notInPlans')}</span>;
  return (
    <ul className="plain-list">
      {districts.map((d) => {
        const area = areaOf.get(d.id);
        return <li key={d.id}>{area ? <Link to={`/districts/${area}`}>{d.name}</Link> : d.name}</li>;
      })}
    </ul>
  );
}

function UnitBody({
  view,
  areaOf,
  reports,
}: {
  view: UnitView;
  areaOf: ReadonlyMap<string, string>;
  reports: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = encodeURIComponent(view.unit.id);
  const points = useMemo(() => unitPoints(view), [view]);
  const kindLabel = useCallback((k: UnitPointKind) => t(`unitView.kinds.${k}`), [t]);
  return (
    <>
      <p className="card-links download-links">
        {reports && (
          <>
            <Link to={`/quality?scope=unit&unit=${unit}`}>{t('unitView.qualityLink')}</Link>
            <Link to={`/annual?scope=unit&unit=${unit}`}>{t('unitView.annualLink')}</Link>
          </>
        )}
        <Link to={`/service-levels?unit_id=${unit}`}>{t('serviceLevels.unitLink')}</Link>
      </p>
      <section className="section" aria-labelledby="unit-map-heading">
        <h2 id="unit-map-heading">{t('unitView.map')}</h2>
        <div className="map-layout">
          <UnitMap
            points={points}
            kindLabel={kindLabel}
            label={t('unitView.mapLabel', { name: view.unit.name })}
            describedBy="unit-map-note"
          />
          <aside className="map-aside">
            <p id="unit-map-note" className="legend-note">
              {t('unitView.mapNote', { count: points.length })} <MapListLink targetId="unit-measures-table" />
            </p>
            <ul className="legend-list">
              {(['premise', 'measure'] as const).map((k) => (
                <li key={k}>
                  <span className="legend-dot" style={{ background: POINT_STYLE[k].colour }} aria-hidden="true" />{' '}
                  {kindLabel(k)} ({points.filter((p) => p.kind === k).length})
                </li>
              ))}
            </ul>
          </aside>
        </div>
      </section>
      <section className="section" aria-labelledby="unit-measures">
        <h2 id="unit-measures">
          {t('unitView.measures')} <span className="muted">({view.measures.length})</span>
        </h2>
        {view.measures.length === 0 ? (
          <p className="empty" id="unit-measures-table" tabIndex={-1}>
            {t('unitView.noMeasures')}
          </p>
        ) : (
          <div
            className="table-wrap"
            role="region"
            aria-labelledby="unit-measures-caption"
            tabIndex={-1}
            id="unit-measures-table"
          >
            <table className="data-table unit-measures">
              <caption id="unit-measures-caption">{t('unitView.measuresCaption')}</caption>
              <thead>
                <tr>
                  {(['measure', 'role', 'type', 'status', 'districts', 'places', 'period', 'followups'] as const).map(
                    (c) => (
                      <th key={c} scope="col">
                        {t(`unitView.${c}`)}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>
                {view.measures.map(({ measure: m, role, districts }) => {
                  const recorded = m.followups.filter((f) => f.recorded_at).length;
                  const overdue = m.followups.filter((f) => f.overdue).length;
                  return (
                    <tr key={m.id}>
                      <th scope="row" className="description">
                        <Link to={`/measures/${m.id}`}>{m.title}</Link>
                      </th>
                      <td>{t(`unitView.roles.${role}`)}</td>
                      <td>{t(`programme.measureTypes.${m.type}`)}</td>
                      <td>{t(`programme.measureStatus.${m.status}`)}</td>
                      <td>
                        <DistrictLinks districts={districts} areaOf={areaOf} />
                      </td>
                      <td>
                        {m.places.length ? (
                          <ul className="plain-list">
                            {m.places.map((p) => (
                              <li key={p.id}>
                                <Link to={`/places/${p.id}`}>{p.name}</Link>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">{t('unitView.noPlaces')}</span>
                        )}
                      </td>
                      <td className="nowrap">
                        {m.period_start || m.period_end ? (
                          t('reports.period', {
                            from: m.period_start ? format.day(m.period_start) : '…',
                            to: m.period_end ? format.day(m.period_end) : '…',
                          })
                        ) : (
                          <span className="muted">{t('reports.noPeriod')}</span>
                        )}
                      </td>
                      <td>
                        {t('unitView.followupsValue', { recorded, total: m.followups.length })}
                        {overdue > 0 && (
                          <>
                            {' '}
                            · <span className="overdue">{t('unitView.followupsOverdue', { count: overdue })}</span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="unit-premises">
        <h2 id="unit-premises">
          {t('unitView.premises')} <span className="muted">({view.premises.length})</span>
        </h2>
        <p className="muted">{t('unitView.premisesIntro')}</p>
        {view.premises.length === 0 ? (
          <p className="empty">{t('unitView.noPremises')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table unit-premises">
              <caption>{t('unitView.premisesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unitView.premise')}</th>
                  <th scope="col">{t('unitView.premiseType')}</th>
                  <th scope="col">{t('unitView.inPlans')}</th>
                </tr>
              </thead>
              <tbody>
                {view.premises.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/places/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{t(`places.types.${p.type}`, { defaultValue: p.type })}</td>
                    <td>
                      <DistrictLinks districts={p.districts} areaOf={areaOf} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
