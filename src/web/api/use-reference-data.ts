import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from './endpoints.js';

const HOUR = 3_600_000;
/** A day inside Stockholm's 2020–2023 layout of 13 districts. */
export const EARLIER_LAYOUT_DAY = '2022-01-01';

export function useOrganisation() {
  return useQuery({ queryKey: ['organisation'], queryFn: endpoints.organisation, staleTime: HOUR });
}

export function useCategories() {
  return useQuery({ queryKey: ['categories'], queryFn: endpoints.categories, staleTime: HOUR });
}

/** `code → label` in the current language; unknown codes show as themselves. */
export function useCategoryLabel(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useCategories();
  const byCode = useMemo(() => new Map((data ?? []).map((c) => [c.code, c])), [data]);
  return useCallback(
    (code: string) => {
      const c = byCode.get(code);
      if (!c) return code;
      return i18n.language === 'en' ? c.label_en : c.label_sv;
    },
    [byCode, i18n.language],
  );
}

/** The organisation's units as `{ id, name }` in the current language, sorted by name (for choosing one). */
export function useUnits(): Array<{ id: string; name: string }> {
  const { i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['units'], queryFn: () => endpoints.units(), staleTime: HOUR });
  return useMemo(
    () =>
      (data ?? [])
        .map((u) => ({ id: u.id, name: i18n.language === 'en' && u.name_en ? u.name_en : u.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    [data, i18n.language],
  );
}

/** Units by id, for showing owner and reporting units by name. */
export function useUnitNames(): Map<string, string> {
  const units = useUnits();
  return useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
}

/** Current neighbourhoods by code and by id, for naming an incident's or a place's stadsdel. */
export function useNeighbourhoods() {
  // Incidents from before 2023-07-01 point at the neighbourhoods of the earlier layout: load both layouts.
  const current = useQuery({
    queryKey: ['areas', 'neighbourhood', 'current'],
    queryFn: () => endpoints.areas({ level: 'neighbourhood' }),
    staleTime: HOUR,
  });
  const earlier = useQuery({
    queryKey: ['areas', 'neighbourhood', EARLIER_LAYOUT_DAY],
    queryFn: () => endpoints.areas({ level: 'neighbourhood', at: EARLIER_LAYOUT_DAY }),
    staleTime: HOUR,
  });
  return useMemo(() => {
    const byCode = new Map<string, string>();
    const byId = new Map<string, string>();
    for (const a of [...(earlier.data ?? []), ...(current.data ?? [])]) {
      byCode.set(a.code, a.name);
      byId.set(a.id, a.name);
    }
    return { byCode, byId };
  }, [current.data, earlier.data]);
}
