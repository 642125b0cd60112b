import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Problem } from '../../../domain/problems.js';
import type { SituationReport } from '../../../domain/situation.js';
import type { AreaFeatureCollection } from '../../api/endpoints.js';
import { useCategoryLabel, useUnits } from '../../api/use-reference-data.js';
import { useErrorText } from '../../components/QueryState.js';
import { useFormat } from '../../components/use-format.js';
import { useArea } from '../areas/use-areas.js';
import { useSession } from '../auth/use-session.js';
import { canEditForUnit, editableUnits } from '../programme/access.js';
import {
  cellCategory,
  type HotspotSource,
  hotspotEvidence,
  hotspotProblemLink,
  neighbourhoodOfCell,
  placeCategory,
  topPlaceProblemLink,
} from '../programme/hotspot-prefill.js';
import { useAddEvidence, useDistrictView } from '../programme/use-programme.js';

/** Whether the user may record a problem for some unit (programme:write and a unit to write for). */
function useMayRecordProblem(): boolean {
  return editableUnits(useSession().data, useUnits()).length > 0;
}

type EditableProblems = { problems: Problem[] | undefined; error: unknown };

/** The district's problems (every unit's, in its geography) that the user may add evidence to; undefined while loading. */
function useEditableProblems(areaId: string, enabled: boolean): EditableProblems {
  const me = useSession().data;
  const area = useArea(areaId);
  const unitId = area.data?.owner_unit?.id;
  const view = useDistrictView(unitId, enabled);
  // An area without a district unit in Trygg has no coordination view, hence no problems to offer.
  if (area.data && !unitId) return { problems: [], error: null };
  const problems = view.data?.problems
    .filter((p) => canEditForUnit(me, p.owner_unit.id))
    .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  return { problems, error: area.error ?? view.error };
}

/**
 * The Gi* cells as a table (the hotspot layer's alternative), each hot cell with "Skapa problem från
 * hotspot" (the form opens with the cell's neighbourhood, its most frequent category and the cell as
 * evidence) and a disclosure to add the cell as evidence to one of the district's problems instead.
 */
export function HotspotTable({
  areaId,
  report,
  neighbourhoods,
}: {
  areaId: string;
  report: SituationReport;
  neighbourhoods: AreaFeatureCollection | undefined;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const mayRecord = useMayRecordProblem();
  const h = report.hotspots;
  const src = { districtAreaId: areaId, week: report.week };
  const choice = useEditableProblems(areaId, mayRecord && h.cells.some((c) => c.class.startsWith('hot')));
  return (
    <section className="section" aria-labelledby="sit-hot-heading">
      <h2 id="sit-hot-heading">{t('programme.hotspot.heading')}</h2>
      {h.cells.length === 0 ? (
        <p className="empty">{t('situation.hotspotsNone')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="sit-hot-caption" tabIndex={0}>
          <table className="data-table hotspot-table">
            <caption id="sit-hot-caption">
              {t('programme.hotspot.caption', { week: report.week, resolution: h.resolution })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.hotspot.class')}</th>
                <th scope="col">{t('programme.hotspot.where')}</th>
                <th scope="col">{t('situation.colCount')}</th>
                <th scope="col">{t('programme.hotspot.category')}</th>
                <th scope="col">z</th>
                {mayRecord && <th scope="col">{t('programme.hotspot.action')}</th>}
              </tr>
            </thead>
            <tbody>
              {h.cells.map((c) => {
                const category = cellCategory(report.points, c.cell);
                const nb = neighbourhoods ? neighbourhoodOfCell(c.cell, neighbourhoods.features) : null;
                const nbName = neighbourhoods?.features.find((f) => f.properties.id === nb)?.properties.name;
                // Named by the report (stadsdel and nearest place or street); older frozen reports: the stadsdel.
                const where =
                  (c.place && (i18n.language === 'en' ? c.place.text_en : c.place.text_sv)) ??
                  nbName ??
                  report.scope.name;
                return (
                  <tr key={c.cell} data-cell={c.cell}>
                    <th scope="row">{t(`situation.giClasses.${c.class}`)}</th>
                    <td>{where}</td>
                    <td>{c.count}</td>
                    <td>{category ? categoryLabel(category) : t('common.none')}</td>
                    <td>{format.number(Math.round(c.z * 100) / 100)}</td>
                    {mayRecord && (
                      <td>
                        {c.class.startsWith('hot') && (
                          <>
                            <Link to={hotspotProblemLink(src, c.cell, category, nb)}>
                              {t('programme.hotspot.create')}
                              <span className="visually-hidden">: {where}</span>
                            </Link>
                            <AttachHotspot src={src} cell={c.cell} where={where} choice={choice} />
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * "Lägg till i ett befintligt problem": a disclosure with the problem to choose and a button. The button stays
 * enabled while saving (a disabled button would drop the keyboard focus); the outcome is announced beside it.
 */
function AttachHotspot({
  src,
  cell,
  where,
  choice: { problems, error },
}: {
  src: HotspotSource;
  cell: string;
  where: string;
  choice: EditableProblems;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddEvidence();
  const [chosen, setChosen] = useState('');
  const problemId = chosen || problems?.[0]?.id || '';
  const id = `attach-${cell}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!add.isPending && problemId) add.mutate({ problemId, body: hotspotEvidence(src, cell) });
  };
  const done = add.isSuccess ? add.data : null;
  return (
    <details className="attach-hotspot">
      <summary>
        {t('programme.hotspot.attach')}
        <span className="visually-hidden">: {where}</span>
      </summary>
      {error ? (
        <p className="notice notice-error">{errorText(error)}</p>
      ) : !problems ? (
        <p className="hint">{t('common.loading')}</p>
      ) : problems.length === 0 ? (
        <p className="hint">{t('programme.hotspot.noProblems')}</p>
      ) : (
        <form onSubmit={submit} aria-label={`${t('programme.hotspot.attach')}: ${where}`}>
          <div className="field">
            <label htmlFor={id}>
              {t('programme.hotspot.attachProblem')}
              <span className="visually-hidden">: {where}</span>
            </label>
            <select
              id={id}
              value={problemId}
              onChange={(e) => {
                setChosen(e.target.value);
                add.reset();
              }}
            >
              {problems.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({t(`programme.stages.${p.stage}`)})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary button-small">
            {add.isPending ? t('programme.saving') : t('programme.hotspot.attachSubmit')}
          </button>
        </form>
      )}
      <div role="status">
        {done && (
          <p className="notice notice-success">
            {t('programme.hotspot.attached')} <Link to={`/problems/${done.id}`}>{done.title}</Link>.
          </p>
        )}
      </div>
      {add.isError && (
        <p className="notice notice-error" role="alert">
          {errorText(add.error)}
        </p>
      )}
    </details>
  );
}

/** "Skapa problem" for one of the top places: the place (or street cell) and its most frequent category this week. */
export function TopPlaceProblemLink({
  areaId,
  report,
  place,
  neighbourhoods,
}: {
  areaId: string;
  report: SituationReport;
  place: SituationReport['top_places']['places'][number];
  neighbourhoods: AreaFeatureCollection | undefined;
}) {
  const { t } = useTranslation();
  const mayRecord = useMayRecordProblem();
  if (!mayRecord) return null;
  const src = { districtAreaId: areaId, week: report.week };
  const cell = place.place_id ? null : place.key.replace(/^cell:/, '');
  const category = place.place_id ? placeCategory(report.points, place.place_id) : cellCategory(report.points, cell!);
  const nb = cell && neighbourhoods ? neighbourhoodOfCell(cell, neighbourhoods.features) : null;
  return (
    <>
      {' '}
      ·{' '}
      <Link to={topPlaceProblemLink(src, place, category, nb)}>
        {t('programme.hotspot.createFromPlace')}
        <span className="visually-hidden">: {place.name ?? t('situation.streetCell')}</span>
      </Link>
    </>
  );
}
