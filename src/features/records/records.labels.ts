import { localMinute } from '../../domain/calendar/index.js';
import type { RecordType } from '../../domain/confidentiality.js';

/** The record types as the released document names them. */
export const TYPE_SV: Record<RecordType, string> = {
  incident: 'Händelser',
  problem: 'Problem',
  measure: 'Åtgärder',
  request: 'Förfrågningar om stöd',
  meeting: 'Möten',
  meeting_action: 'Mötesåtgärder',
  situation_report: 'Lägesbilder',
  agreement: 'Överenskommelser',
};
export const ONE_SV: Record<RecordType, string> = {
  incident: 'Händelse',
  problem: 'Problem',
  measure: 'Åtgärd',
  request: 'Förfrågan om stöd',
  meeting: 'Möte',
  meeting_action: 'Mötesåtgärd',
  situation_report: 'Lägesbild',
  agreement: 'Överenskommelse',
};

/** Each released field's Swedish label; a field not listed here (an internal id) is left out of the documents. */
export const FIELD_SV: Record<string, string> = {
  occurred_at: 'Inträffade',
  category: 'Kategori',
  status: 'Status',
  closure_reason: 'Avslutsorsak',
  source: 'Källa',
  precision: 'Lägesnoggrannhet',
  lon: 'Longitud',
  lat: 'Latitud',
  district: 'Stadsdelsområde',
  description: 'Beskrivning',
  status_note: 'Statusanteckning',
  created_at: 'Skapad',
  owner_unit: 'Ansvarig enhet',
  stage: 'Skede',
  title: 'Rubrik',
  statement: 'Problembeskrivning',
  time_pattern: 'Tidsmönster',
  responsible_unit: 'Ansvarig enhet',
  type: 'Typ',
  period_start: 'Period från',
  period_end: 'Period till',
  cost_estimate_sek: 'Beräknad kostnad (kr)',
  components: 'Delar',
  from_unit: 'Från enhet',
  to_unit: 'Till enhet',
  due_date: 'Senast',
  what: 'Vad som begärs',
  answer: 'Svar',
  week: 'Vecka',
  area: 'Område',
  held_at: 'Mötet hölls',
  notes: 'Anteckningar',
  unit: 'Enhet',
  frozen_at: 'Fastställd',
  total: 'Antal händelser',
  categories: 'Händelser per kategori',
  kind: 'Slag',
  partner: 'Part',
  summary: 'Sammanfattning',
  approved_public_text: 'Godkänd text för allmänheten',
};

const CODES_SV: Record<string, Record<string, string>> = {
  status: {
    new: 'Ny',
    in_progress: 'Pågår',
    closed: 'Avslutad',
    planned: 'Planerad',
    ongoing: 'Pågår',
    done: 'Klar',
    stopped: 'Avbruten',
    requested: 'Begärd',
    accepted: 'Accepterad',
    declined: 'Avböjd',
    delivered: 'Levererad',
    open: 'Öppen',
    cancelled: 'Struken',
  },
  closure_reason: {
    fixed: 'Åtgärdad',
    not_ours: 'Inte stadens ansvar',
    wont_fix: 'Åtgärdas inte',
    duplicate: 'Dubblett',
  },
  source: {
    resident: 'Invånare',
    staff: 'Personal',
    partner: 'Samverkanspart',
    police: 'Polisen',
    import: 'Import',
    open311: 'Open311',
    demo: 'Demo',
  },
  precision: { exact: 'Exakt punkt', place: 'Plats', area: 'Område', municipality: 'Hela kommunen' },
  stage: { scanning: 'Kartläggning', analysis: 'Analys', response: 'Åtgärd', assessment: 'Utvärdering' },
  type: {
    situational: 'Situationell/fysisk',
    staffing: 'Bemanning och arbetssätt',
    social: 'Social',
    information: 'Information',
    surveillance: 'Bevakning/övervakning',
  },
  kind: { collaboration_agreement: 'Samverkansöverenskommelse', citizen_promise: 'Medborgarlöfte' },
};

export const TIER_SV: Record<string, string> = {
  public: 'Offentlig',
  partner: 'Delas med samverkansparter',
  municipal: 'Kommunintern',
  restricted: 'Begränsad',
};

const INSTANTS = new Set(['occurred_at', 'created_at', 'held_at', 'frozen_at']);

/** A field's value as a reader of the document sees it: labels for codes, local time in `timeZone`, Swedish numbers. */
export function valueSv(
  field: string,
  v: string | number | null,
  categories: ReadonlyMap<string, string>,
  timeZone: string,
): string {
  if (v === null) return '—';
  if (typeof v === 'number')
    return v
      .toLocaleString('sv-SE')
      .replace(/\u00a0/g, ' ')
      .replace(/\u2212/g, '-');
  if (INSTANTS.has(field) && !Number.isNaN(Date.parse(v))) return localMinute(v, timeZone);
  if (field === 'category') return categories.get(v) ?? v;
  if (field === 'categories') return v.replace(/([\w-]+): /g, (_, code: string) => `${categories.get(code) ?? code}: `);
  return CODES_SV[field]?.[v] ?? v;
}
