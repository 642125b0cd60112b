import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceSchema } from '../../../domain/incidents.js';
import { useCategories } from '../../api/use-reference-data.js';

/** The report's filters as the URL keeps them: category groups and sources; empty means all. */
export interface ReportFilterValue {
  category_group: string[];
  source: string[];
}

const SOURCES = SourceSchema.options;

/** Filters from the URL's comma lists, unknown sources dropped (the server refuses them). */
export function filtersFromParams(params: URLSearchParams): ReportFilterValue {
  const list = (key: string) =>
    (params.get(key) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return {
    category_group: list('category_group'),
    source: list('source').filter((s) => (SOURCES as readonly string[]).includes(s)),
  };
}

function CheckboxGroup({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      <div className="checkbox-options">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Category group and source filters; every change applies at once (and lands in the URL). */
export function ReportFilters({
  value: fromUrl,
  onChange: toUrl,
}: {
  value: ReportFilterValue;
  onChange: (v: ReportFilterValue) => void;
}) {
  const { t } = useTranslation();
  const categories = useCategories();
  const groups = [...new Set((categories.data ?? []).map((c) => c.group_code))];
  // Local state answers a click at once (the URL update runs as a transition); the URL keeps the choice shareable.
  const [value, setValue] = useState(fromUrl);
  const urlKey = `${fromUrl.category_group.join(',')}|${fromUrl.source.join(',')}`;
  useEffect(() => setValue(fromUrl), [urlKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const onChange = (v: ReportFilterValue) => {
    setValue(v);
    toUrl(v);
  };
  return (
    <section className="report-filters" aria-labelledby="sit-filters-heading">
      <h2 id="sit-filters-heading" className="h3">
        {t('situation.filters.heading')}
      </h2>
      <p className="hint">{t('situation.filters.hint')}</p>
      <CheckboxGroup
        legend={t('situation.filters.group')}
        name="category_group"
        value={value.category_group}
        options={groups.map((g) => ({ value: g, label: t(`situation.filters.groups.${g}`, { defaultValue: g }) }))}
        onChange={(category_group) => onChange({ ...value, category_group })}
      />
      <CheckboxGroup
        legend={t('situation.filters.source')}
        name="source"
        value={value.source}
        options={SOURCES.map((s) => ({ value: s, label: t(`incidents.source.${s}`) }))}
        onChange={(source) => onChange({ ...value, source })}
      />
    </section>
  );
}
