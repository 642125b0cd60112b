import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PLACE_TYPES, type PlaceSetting } from '../../../domain/org.js';
import { useNeighbourhoods, useUnitNames } from '../../api/use-reference-data.js';
import { ApproximateBadge } from '../../components/Badge.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useDebounced } from '../../components/use-debounced.js';
import { usePlaces } from './use-places.js';
import { SvText } from '../../components/SvText.js';

/** All places with filters (indoor/outdoor, type, free-text search); the filters live in the URL. */
export function PlacesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const settingParam = params.get('setting');
  const setting: PlaceSetting | undefined =
    settingParam === 'indoor' || settingParam === 'outdoor' ? settingParam : undefined;
  const type = params.get('type') ?? '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 250);
  const places = usePlaces({ setting, type: type || undefined, q: q || undefined });
  const neighbourhoods = useNeighbourhoods();
  const unitNames = useUnitNames();
  useDocumentTitle(t('places.title'));

  const setParam = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const rows = [...(places.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <div className="page places-page">
      <h1>{t('places.title')}</h1>
      <p className="lead">{t('places.intro')}</p>

      <form
        className="filters"
        role="search"
        aria-label={t('places.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setParam('q', search.trim());
        }}
      >
        <div className="field">
          <label htmlFor="place-search">{t('places.search')}</label>
          <input
            id="place-search"
            type="search"
            value={search}
            aria-describedby="place-search-hint"
            onChange={(e) => setSearch(e.target.value)}
            onBlur={() => setParam('q', search.trim())}
          />
          <span id="place-search-hint" className="hint">
            {t('places.searchHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="place-setting">{t('places.setting')}</label>
          <select id="place-setting" value={setting ?? ''} onChange={(e) => setParam('setting', e.target.value)}>
            <option value="">{t('places.settingAll')}</option>
            <option value="indoor">{t('places.indoor')}</option>
            <option value="outdoor">{t('places.outdoor')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="place-type">{t('places.type')}</label>
          <select id="place-type" value={type} onChange={(e) => setParam('type', e.target.value)}>
            <option value="">{t('places.typeAll')}</option>
            {PLACE_TYPES.map((pt) => (
              <option key={pt} value={pt}>
                {t(`places.types.${pt}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <QueryState isPending={places.isPending} error={places.error} onRetry={() => void places.refetch()}>
        <p className="result-count" role="status">
          {t('places.count', { count: rows.length })}
        </p>
        {rows.length === 0 ? (
          <p className="empty">{t('places.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table places-table">
              <caption className="visually-hidden">{t('places.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('places.colName')}</th>
                  <th scope="col">{t('places.colType')}</th>
                  <th scope="col">{t('places.colSetting')}</th>
                  <th scope="col">{t('places.colNeighbourhood')}</th>
                  <th scope="col">{t('places.colOwner')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/places/${p.id}`}>
                        <SvText>{p.name}</SvText>
                      </Link>
                      {p.coordinate_approximate && (
                        <>
                          {' '}
                          <ApproximateBadge kind="position" />
                        </>
                      )}
                    </th>
                    <td>{t(`places.types.${p.type}`, { defaultValue: p.type })}</td>
                    <td>{t(`places.${p.setting}`)}</td>
                    <td>
                      {(p.neighbourhood_code && neighbourhoods.byCode.get(p.neighbourhood_code)) || t('common.none')}
                    </td>
                    <td>{(p.owner_unit_id && unitNames.get(p.owner_unit_id)) || t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
