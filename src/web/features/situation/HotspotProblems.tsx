import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SituationReport } from '../../../domain/situation.js';
import type { AreaFeatureCollection } from '../../api/endpoints.js';
import { useCategoryLabel, useUnits } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { editableUnits } from '../programme/access.js';
import { cellCategory, hotspotProblemLink, neighbourhoodOfCell, placeCategory, topPlaceProblemLink } from '../programme/hotspot-prefill.js';

/** Whether the user may record a problem for some unit (programme:write and a unit to write for). */
function useMayRecordProblem(): boolean {
  return editableUnits(useSession().data, useUnits()).length > 0;
}

/**
 * The Gi* cells as a table (the hotspot layer's alternative), each hot cell with "Skapa problem från
 * hotspot": the form opens with the cell's neighbourhood, its most frequent category and the cell as evidence.
 */
export function HotspotTable({ areaId, report, neighbourhoods }: { areaId: string; report: SituationReport; neighbourhoods: AreaFeatureCollection | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const mayRecord = useMayRecordProblem();
  const h = report.hotspots;
  const src = { districtAreaId: areaId, week: report.week };
  return (
    <section className="section" aria-labelledby="sit-hot-heading">
      <h2 id="sit-hot-heading">{t('programme.hotspot.heading')}</h2>
      {h.cells.length === 0 ? <p className="empty">{t('situation.hotspotsNone')}</p> : (
        <div className="table-wrap" role="region" aria-labelledby="sit-hot-caption" tabIndex={0}>
          <table className="data-table hotspot-table">
            <caption id="sit-hot-caption">{t('programme.hotspot.caption', { week: report.week, resolution: h.resolution })}</caption>
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
                return (
                  <tr key={c.cell} data-cell={c.cell}>
                    <th scope="row">{t(`situation.giClasses.${c.class}`)}</th>
                    <td>{nbName ?? report.scope.name} <span className="muted nowrap">({c.cell})</span></td>
                    <td>{c.count}</td>
                    <td>{category ? categoryLabel(category) : t('common.none')}</td>
                    <td>{format.number(Math.round(c.z * 100) / 100)}</td>
                    {mayRecord && (
                      <td>
                        {c.class.startsWith('hot') && (
                          <Link to={hotspotProblemLink(src, c.cell, category, nb)}>
                            {t('programme.hotspot.create')}<span className="visually-hidden">: {nbName ?? report.scope.name}, {c.cell}</span>
                          </Link>
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

/** "Skapa problem" for one of the top places: the place (or street cell) and its most frequent category this week. */
export function TopPlaceProblemLink({ areaId, report, place, neighbourhoods }: {
  areaId: string; report: SituationReport; place: SituationReport['top_places']['places'][number]; neighbourhoods: AreaFeatureCollection | undefined;
}) {
  const { t } = useTranslation();
  const mayRecord = useMayRecordProblem();
  if (!mayRecord) return null;
  const src = { districtAreaId: areaId, week: report.week };
  const cell = place.place_id ? null : place.key.replace(/^cell:/, '');
  const category = place.place_id ? placeCategory(report.points, place.place_id) : cellCategory(report.points, cell!);
  const nb = cell && neighbourhoods ? neighbourhoodOfCell(cell, neighbourhoods.features) : null;
  return (
    <> · <Link to={topPlaceProblemLink(src, place, category, nb)}>
      {t('programme.hotspot.createFromPlace')}<span className="visually-hidden">: {place.name ?? t('situation.streetCell')}</span>
    </Link></>
  );
}
