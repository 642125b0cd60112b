import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/use-format.js';
import type { HexbinClass } from './hexbin-classes.js';

interface Props {
  classes: readonly HexbinClass[];
  resolution: number;
  total: number;
  /** Set for visitors: cells under this count are left out (analysis/stats/disclosure.ts), and the legend says so. */
  suppressedBelow?: number;
}

/** The hexbin colours with their count ranges written out: colour is never the only carrier. */
export function HexbinLegend({ classes, resolution, total, suppressedBelow }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="legend" aria-labelledby="hexbin-legend-title">
      <h2 id="hexbin-legend-title" className="legend-title">
        {t('hexbins.legendTitle')}
      </h2>
      {classes.length === 0 ? (
        <p className="legend-empty">{t('hexbins.none')}</p>
      ) : (
        <ul className="legend-list">
          {classes.map((c) => (
            <li key={c.min}>
              <span className="legend-swatch" style={{ background: c.colour }} aria-hidden="true" />
              <span>{c.min === c.max ? format.number(c.min) : `${format.number(c.min)}–${format.number(c.max)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="legend-note">
        {t('hexbins.legendNote', { resolution })}{' '}
        {suppressedBelow !== undefined && t('hexbins.suppressedNote', { k: suppressedBelow })}{' '}
        {total > 0 && <span>({t('hexbins.tooltip', { count: total, formatted: format.number(total) })})</span>}
      </p>
    </section>
  );
}
