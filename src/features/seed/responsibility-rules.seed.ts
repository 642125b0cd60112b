import type { ResponsibilityRuleInput } from '../../domain/responsibility.js';
import { UNIT, unitId } from './units.seed.js';

/**
 * Stockholm's public-environment matrix as the programme describes it: street lighting and graffiti on
 * streets → Trafiknämnden; parks and squares → the district; library premises → Kulturförvaltningen;
 * archive reading rooms → Stadsarkivet; housing courtyards, school yards and metro entrances → their owner.
 */
export function responsibilityRules(units: Map<string, string>): ResponsibilityRuleInput[] {
  const traffic = unitId(units, UNIT.transport);
  return [
    {
      place_type: 'street',
      category: 'trasig_belysning',
      target: 'unit',
      unit_id: traffic,
      note: 'Gatubelysning: trafikkontoret',
    },
    {
      place_type: 'street',
      category: 'klotter',
      target: 'unit',
      unit_id: traffic,
      note: 'Klotter på stadens mark: trafikkontoret',
    },
    { place_type: 'street', category: 'nedskrapning', target: 'unit', unit_id: traffic },
    {
      place_type: 'street',
      category: null,
      target: 'district',
      unit_id: null,
      note: 'Övrigt i gatumiljön: stadsdelsnämnden',
    },
    {
      place_type: 'park',
      category: 'trasig_belysning',
      target: 'unit',
      unit_id: traffic,
      note: 'Parkbelysning: trafikkontoret',
    },
    {
      place_type: 'park',
      category: null,
      target: 'district',
      unit_id: null,
      note: 'Vegetation och skötsel i parker: stadsdelsnämnden',
    },
    { place_type: 'square', category: null, target: 'district', unit_id: null },
    {
      place_type: 'library',
      category: null,
      target: 'unit',
      unit_id: unitId(units, UNIT.culture),
      note: 'Bibliotekets lokaler: Kulturförvaltningen',
    },
    { place_type: 'museum', category: null, target: 'place_owner', unit_id: null },
    {
      place_type: 'archive_reading_room',
      category: null,
      target: 'unit',
      unit_id: unitId(units, UNIT.cityArchives),
      note: 'Läsesalen: Stadsarkivet',
    },
    {
      place_type: 'courtyard',
      category: null,
      target: 'place_owner',
      unit_id: null,
      note: 'Innergårdar: bostadsbolaget',
    },
    { place_type: 'school', category: null, target: 'place_owner', unit_id: null, note: 'Skolgårdar: SISAB' },
    { place_type: 'metro_entrance', category: null, target: 'place_owner', unit_id: null, note: 'Entréer: SL' },
  ];
}
