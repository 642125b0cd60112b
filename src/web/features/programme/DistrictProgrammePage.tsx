import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DistrictView } from '../../../domain/views.js';
import type { AreaDetail } from '../../api/endpoints.js';
import { useUnits } from '../../api/use-reference-data.js';
import { MapListLink } from '../../components/MapListLink.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { dayWithin, useArea, useNeighbourhoodsGeojson } from '../areas/use-areas.js';
import { canReadProgramme, editableUnits } from './access.js';
import { ProblemTable } from './ProblemTable.js';
import { POINT_STYLE, PROBLEM_AREA_COLOUR, ProgrammeMap } from './ProgrammeMap.js';
import { RequestTable } from './RequestTable.js';
import { StatusBadge } from './StatusBadge.js';
import { useDistrictView } from './use-programme.js';
import { useToday } from '../../components/time-zone.js';
import '../situation/situation.css';
import './programme.css';
import { SvText } from '../../components/SvText.js';

/** The district's coordination view: every unit's problems, measures, requests and follow-ups in its geography. */
export function DistrictProgrammePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const allowed = canReadProgramme(session.data);
  const area = useArea(id);
  const ownerUnit = area.data?.owner_unit?.id;
  const view = useDistrictView(ownerUnit, allowed);
  const name = area.data?.name ?? '';
  useDocumentTitle(t('programme.district.title', { name }));

  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={`/districts/${id ?? ''}`}>← {t('situation.back')}</Link>
      </p>
      <h1>{t('programme.district.title', { name })}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('programme.noAccess')}</p>
      ) : (
        <QueryState
          isPending={area.isPending || (Boolean(ownerUnit) && view.isPending)}
          error={area.error ?? view.error}
          onRetry={() => void view.refetch()}
        >
          {area.data && !ownerUnit && <p className="notice notice-info">{t('programme.district.noUnit')}</p>}
          {area.data && view.data && <Coordination area={area.data} view={view.data} />}
        </QueryState>
      )}
    </div>
  );
}

function Coordination({ area, view }: { area: AreaDetail; view: DistrictView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const mayRecord = editableUnits(session.data, useUnits()).length > 0;
  const neighbourhoods = useNeighbourhoodsGeojson(area.id, dayWithin(area, useToday()));
  const kindLabel = useCallback((k: 'problem' | 'measure' | 'premise') => t(`programme.district.kinds.${k}`), [t]);
  const problemAreas = useMemo(() => {
    const byArea = new Map<string, string[]>();
    for (const p of view.problems)
      if (p.area && p.places.length === 0) byArea.set(p.area.id, [...(byArea.get(p.area.id) ?? []), p.title]);
    return byArea;
  }, [view.problems]);
  const open = view.requests.filter((r) => r.status === 'requested' || r.status === 'accepted').length;

  return (
    <>
      <p className="lead">{t('programme.district.intro', { unit: view.district.name })}</p>
      <ul className="summary-figures" aria-label={t('programme.district.summary')}>
        <li>
          <strong>{view.problems.length}</strong> {t('programme.district.problems')}
        </li>
        <li>
          <strong>{view.measures.length}</strong> {t('programme.district.measures')}
        </li>
        <li>
          <strong>{open}</strong> {t('programme.district.openRequests')}
        </li>
        <li>
          <strong>{view.followups.filter((f) => f.overdue).length}</strong> {t('programme.district.overdueFollowups')}
        </li>
      </ul>
      <div className="button-row">
        <Link className="button button-secondary" to={`/districts/${area.id}/problems`}>
          {t('programme.district.problemList')}
        </Link>
        {mayRecord && (
          <Link className="button button-primary" to={`/districts/${area.id}/problems/new`}>
            {t('programme.problemList.new')}
          </Link>
        )}
      </div>

      <section className="section" aria-labelledby="programme-map-heading">
        <h2 id="programme-map-heading">{t('programme.district.map')}</h2>
        <div className="map-layout">
          <ProgrammeMap
            area={area}
            neighbourhoods={neighbourhoods.data}
            points={view.points}
            problemAreas={problemAreas}
            kindLabel={kindLabel}
            label={t('programme.district.mapLabel', { name: area.name })}
            describedBy="programme-map-note"
          />
          <aside className="map-aside">
            <p id="programme-map-note" className="legend-note">
              {t('programme.district.mapNote', { count: view.points.length })}{' '}
              <MapListLink targetId="programme-problems" />
            </p>
            <ul className="legend-list">
              {(['problem', 'measure', 'premise'] as const).map((k) => (
                <li key={k}>
                  <span className="legend-dot" style={{ background: POINT_STYLE[k].colour }} aria-hidden="true" />{' '}
                  {kindLabel(k)} ({view.points.filter((p) => p.kind === k).length})
                </li>
              ))}
              <li>
                <span
                  className="legend-swatch problem-area-swatch"
                  style={{ borderColor: PROBLEM_AREA_COLOUR }}
                  aria-hidden="true"
                />{' '}
                {t('programme.district.problemArea')} ({problemAreas.size})
              </li>
            </ul>
          </aside>
        </div>
      </section>

      <section className="section" aria-labelledby="programme-problems-heading">
        <h2 id="programme-problems-heading">{t('programme.district.problemsHeading')}</h2>
        <ProblemTable
          id="programme-problems"
          problems={view.problems}
          caption={t('programme.problemList.caption', { name: area.name })}
        />
      </section>

      <section className="section" aria-labelledby="programme-measures-heading">
        <h2 id="programme-measures-heading">{t('programme.district.measuresHeading')}</h2>
        {view.measures.length === 0 ? (
          <p className="empty">{t('programme.district.noMeasures')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="programme-measures-caption" tabIndex={0}>
            <table className="data-table measure-table">
              <caption id="programme-measures-caption">
                {t('programme.district.measuresCaption', { name: area.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programme.fields.measure')}</th>
                  <th scope="col">{t('programme.fields.responsible_unit')}</th>
                  <th scope="col">{t('programme.fields.type')}</th>
                  <th scope="col">{t('programme.fields.status')}</th>
                  <th scope="col">{t('programme.fields.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {view.measures.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/measures/${m.id}`}>
                        <SvText>{m.title}</SvText>
                      </Link>
                    </th>
                    <td>
                      {m.responsible_unit.name}
                      {m.contributing_units.length > 0 && (
                        <span className="muted"> + {m.contributing_units.map((u) => u.name).join(', ')}</span>
                      )}
                    </td>
                    <td>{t(`programme.measureTypes.${m.type}`)}</td>
                    <td>
                      <StatusBadge kind="measure" status={m.status} />
                    </td>
                    <td>{m.problems.map((p) => p.title).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="programme-requests-heading">
        <h2 id="programme-requests-heading">{t('programme.district.requestsHeading')}</h2>
        <RequestTable
          requests={view.requests}
          caption={t('programme.district.requestsCaption', { name: area.name })}
          showProblem
        />
      </section>

      <section className="section" aria-labelledby="programme-followups-heading">
        <h2 id="programme-followups-heading">{t('programme.followup.heading')}</h2>
        {view.followups.length === 0 ? (
          <p className="empty">{t('programme.followup.none')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="programme-followups-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="programme-followups-caption">
                {t('programme.district.followupsCaption', { name: area.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('programme.followup.dueCol')}</th>
                  <th scope="col">{t('programme.fields.measure')}</th>
                  <th scope="col">{t('programme.fields.responsible_unit')}</th>
                  <th scope="col">{t('programme.followup.assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {view.followups.map((f) => (
                  <tr key={f.id}>
                    <td className="nowrap">
                      {format.day(f.due_date)}
                      {f.overdue && (
                        <>
                          {' '}
                          <span className="overdue">{t('programme.overdue')}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <Link to={`/measures/${f.measure.id}`}>{f.measure.name}</Link>
                    </td>
                    <td>{f.responsible_unit.name}</td>
                    <td>
                      {f.assessment ? (
                        t(`programme.assessments.${f.assessment}`)
                      ) : (
                        <span className="muted">{t('programme.followup.notRecorded')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="programme-resources-heading">
        <h2 id="programme-resources-heading">{t('programme.district.resources')}</h2>
        <p className="hint">{t('programme.district.resourcesHint')}</p>
        {view.resources.length === 0 ? (
          <p className="empty">{t('common.none')}</p>
        ) : (
          <ul className="plain-list columns">
            {view.resources.map((r) => (
              <li key={r.id}>
                <Link to={`/places/${r.id}`}>{r.name}</Link> <span className="muted">· {r.owner_unit.name}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
