import { useTranslation } from 'react-i18next';
import type { SituationReport } from '../../../domain/situation.js';
import { useFormat } from '../../components/use-format.js';
import {
  DENSITY_STOPS,
  densityColour,
  EMERGING_COLOURS,
  EMERGING_ORDER,
  GI_COLOURS,
  GI_ORDER,
  type SituationLayer,
} from './SituationMap.js';

export function MapLegend({ report, layer }: { report: SituationReport; layer: SituationLayer }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (layer === 'points')
    return (
      <p id="sit-map-note" className="legend-note">
        {t('situation.pointsNote', { count: report.points.length })}
      </p>
    );
  if (layer === 'hotspots') {
    const h = report.hotspots;
    const counts = new Map<string, number>();
    for (const c of h.cells) counts.set(c.class, (counts.get(c.class) ?? 0) + 1);
    return (
      <div className="legend">
        <p id="sit-map-note" className="legend-note">
          {h.cells.length === 0
            ? t('situation.hotspotsNone')
            : t('situation.hotspotsNote', {
                resolution: h.resolution,
                correction: h.correction,
                cells: h.cells.length,
              })}
        </p>
        <ul className="gi-legend" aria-label={t('situation.layers.hotspots')}>
          {GI_ORDER.map((c) => (
            <li key={c}>
              <span className="legend-box" style={{ background: GI_COLOURS[c] }} aria-hidden="true" />{' '}
              {t(`situation.giClasses.${c}`)} ({counts.get(c) ?? 0})
            </li>
          ))}
        </ul>
        <p className="legend-note">{t('situation.hotspotsMeaning')}</p>
        <p className="legend-note">
          {h.excluded_outside === undefined
            ? t('situation.hotspotsExcludedOld', { coarse: h.excluded_coarse })
            : t('situation.hotspotsExcluded', { coarse: h.excluded_coarse, outside: h.excluded_outside })}
        </p>
      </div>
    );
  }
  if (layer === 'emerging') {
    const e = report.emerging;
    if (!e)
      return (
        <p id="sit-map-note" className="legend-note">
          {t('situation.emergingMissing')}
        </p>
      );
    return (
      <div className="legend">
        <p id="sit-map-note" className="legend-note">
          {e.cells.length === 0
            ? t('situation.emergingNone')
            : t('situation.emergingNote', {
                weeks: e.baseline_weeks,
                from: e.from_week,
                to: e.to_week,
                correction: e.correction,
                alpha: format.number(e.alpha),
                cells: e.cells.length,
              })}
        </p>
        <ul className="gi-legend" aria-label={t('situation.layers.emerging')}>
          {EMERGING_ORDER.map((c) => (
            <li key={c}>
              <span className="legend-box" style={{ background: EMERGING_COLOURS[c] }} aria-hidden="true" />{' '}
              {t(`situation.emergingClasses.${c}`)} ({e.counts[c]})
            </li>
          ))}
        </ul>
        <p className="legend-note">
          {t('situation.emergingRules', { share: format.number(e.persistent_share * 100) })}
        </p>
      </div>
    );
  }
  const d = report.density;
  return (
    <div className="legend">
      <p id="sit-map-note" className="legend-note">
        {t('situation.densityNote', {
          bandwidth: format.number(Math.round(d.bandwidth_m)),
          max: format.number(Math.round(d.max * 10) / 10),
        })}
      </p>
      <ul className="density-legend" aria-label={t('situation.layers.density')}>
        {DENSITY_STOPS.map((s, i) => (
          <li key={s}>
            <span className="legend-box" style={{ background: densityColour(s) }} aria-hidden="true" />
            {i === 0 ? t('situation.densityLow') : i === DENSITY_STOPS.length - 1 ? t('situation.densityHigh') : ''}{' '}
            {format.number(Math.round(d.max * (i / DENSITY_STOPS.length)))}–
            {format.number(Math.round(d.max * ((i + 1) / DENSITY_STOPS.length)))}
          </li>
        ))}
      </ul>
    </div>
  );
}
