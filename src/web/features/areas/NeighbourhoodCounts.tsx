import { useTranslation } from 'react-i18next';
import { MAX_PUBLIC_RESOLUTION, MIN_PUBLIC_COUNT } from '../../../analysis/stats/disclosure.js';
import { useFormat } from '../../components/use-format.js';
import { SvText } from '../../components/SvText.js';
import { useDistrictCounts } from './use-areas.js';

interface Props {
  neighbourhoods: ReadonlyArray<{ id: string; name: string }>;
  /** The first day counted, the same as the map's. */
  from: string;
}

/**
 * The visitor's district map as a table: incidents per neighbourhood over the map's 30 days (WCAG 1.1.1).
 * Counted from the same public hexagons as the map, so small cells left off the map are left off here too.
 */
export function NeighbourhoodCounts({ neighbourhoods, from }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = [...neighbourhoods].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  // The district map's cell size, so a count here is the map's cells within the stadsdel.
  const counts = useDistrictCounts(
    rows.map((r) => r.id),
    from,
    MAX_PUBLIC_RESOLUTION,
  );
  return (
    <div className="table-wrap">
      <table className="data-table neighbourhood-counts" id="neighbourhood-counts" tabIndex={-1}>
        <caption>{t('district.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.colNeighbourhood')}</th>
            <th scope="col" className="numeric">
              {t('district.colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const count = counts.get(r.id);
            return (
              <tr key={r.id}>
                <th scope="row">
                  <SvText>{r.name}</SvText>
                </th>
                <td className="numeric">{count === undefined ? '…' : format.number(count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="legend-note">{t('district.countsNote', { min: MIN_PUBLIC_COUNT })}</p>
    </div>
  );
}
