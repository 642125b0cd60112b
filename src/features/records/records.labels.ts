import { localMinute } from '../../analysis/stats/local-time.js';
import { DEFAULT_CATEGORIES } from '../../domain/categories.js';
import type { RecordType } from '../../domain/confidentiality.js';
import {
  ACTION_STATUS_LABELS, AGREEMENT_KIND_LABELS, CLOSURE_REASON_LABELS, INCIDENT_STATUS_LABELS, type Label, labelOf, type Labels,
  MEASURE_STATUS_LABELS, MEASURE_TYPE_LABELS, PRECISION_LABELS, PROBLEM_STAGE_LABELS, REQUEST_STATUS_LABELS, SOURCE_LABELS,
} from '../../domain/labels.js';
import { MASKED } from '../../domain/records.js';

/** Each released field's name in the documents (the JSON release keeps the field names). */
export const RECORD_FIELD_LABELS: Record<string, string> = {
  occurred_at: 'Inträffade', category: 'Kategori', status: 'Status', closure_reason: 'Skäl för avslut', source: 'Källa', precision: 'Platsangivelse',
  lon: 'Longitud', lat: 'Latitud', district: 'Stadsdelsområde', description: 'Beskrivning', status_note: 'Kommentar till status',
  created_at: 'Registrerad', owner_unit: 'Ansvarig enhet', stage: 'Steg (SARA)', title: 'Rubrik', statement: 'Problembeskrivning',
  time_pattern: 'När det händer', responsible_unit: 'Ansvarig enhet', type: 'Typ', period_start: 'Från och med', period_end: 'Till och med',
  cost_estimate_sek: 'Beräknad kostnad (kr)', components: 'Delåtgärder', from_unit: 'Från enhet', to_unit: 'Till enhet', due_date: 'Senast',
  what: 'Vad som begärs', answer: 'Svar', week: 'Vecka', area: 'Område', held_at: 'Mötet hölls', notes: 'Anteckningar', unit: 'Ansvarig enhet',
  frozen_at: 'Fryst', total: 'Händelser', categories: 'Händelser per kategori', kind: 'Slag', partner: 'Partner', summary: 'Sammanfattning',
  approved_public_text: 'Godkänd text för allmänheten',
};

/** Fields that only link records inside the system (ids): left out of documents for people. */
const INTERNAL = new Set(['meeting_id']);
const TIMES = new Set(['occurred_at', 'created_at', 'held_at', 'frozen_at']);
const STATUS: Record<RecordType, Labels<string> | undefined> = {
  incident: INCIDENT_STATUS_LABELS, measure: MEASURE_STATUS_LABELS, request: REQUEST_STATUS_LABELS, meeting_action: ACTION_STATUS_LABELS,
  problem: undefined, meeting: undefined, situation_report: undefined, agreement: undefined,
};
const BY_FIELD: Record<string, Labels<string>> = {
  closure_reason: CLOSURE_REASON_LABELS, source: SOURCE_LABELS, precision: PRECISION_LABELS, stage: PROBLEM_STAGE_LABELS, kind: AGREEMENT_KIND_LABELS,
};
const CATEGORY_LABELS: Labels<string> = Object.fromEntries(DEFAULT_CATEGORIES.map((c): [string, Label] => [c.code, { sv: c.label_sv, en: c.label_en }]));

export function recordFieldLabel(key: string): string {
  const component = /^components\.(\d+)$/.exec(key);
  return component ? `Delåtgärd ${component[1]}` : (RECORD_FIELD_LABELS[key] ?? key);
}

/** The released fields a person reads, in order, with their labels. */
export function documentFields(keys: readonly string[]): string[] {
  return keys.filter((k) => !INTERNAL.has(k));
}

/** A released value as a document shows it: local times, codes as their Swedish labels. */
export function documentValue(type: RecordType, key: string, v: string | number | null): string | number | null {
  if (typeof v !== 'string' || v === MASKED) return v;
  if (TIMES.has(key)) return localMinute(v);
  if (key === 'type' && type === 'measure') return labelOf(MEASURE_TYPE_LABELS, v);
  if (key === 'status') return STATUS[type] ? labelOf(STATUS[type], v) : v;
  if (key === 'category') return labelOf(CATEGORY_LABELS, v);
  if (key === 'categories' && type === 'situation_report') return v.replace(/([a-z0-9_]+):/g, (_, code: string) => `${labelOf(CATEGORY_LABELS, code)}:`);
  const table = BY_FIELD[key];
  return table ? labelOf(table, v) : v;
}
