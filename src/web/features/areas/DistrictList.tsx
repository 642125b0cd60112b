import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaFeatureCollection } from '../../api/endpoints.js';
import { useFormat } from '../../components/use-format.js';
import { SvText } from '../../components/SvText.js';

interface Props {
  districts: AreaFeatureCollection;
  counts: Map<string, number | undefined>;
}

/** The districts of the map as a table with links: the map's accessible alternative. */
export function DistrictList({ districts, counts }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = districts.features
    .map((f) => ({
      id: String(f.id ?? f.properties.id),
      name: f.properties.name,
      owner: f.properties.owner_unit_name ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return (
    <div className="table-wrap">
      <table className="data-table district-table" id="district-list" tabIndex={-1}>
        <caption>{t('start.districtsCount', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('start.colDistrict')}</th>
            <th scope="col">{t('start.colOwner')}</th>
            <th scope="col" className="numeric">
              {t('start.colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const count = counts.get(r.id);
            return (
              <tr key={r.id} data-district={r.name}>
                <th scope="row">
                  <Link to={`/districts/${r.id}`}>
                    <SvText>{r.name}</SvText>
                  </Link>
                </th>
                <td>{r.owner ?? t('common.none')}</td>
                <td className="numeric">{count === undefined ? '…' : format.number(count)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
