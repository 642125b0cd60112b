import type { Principal } from '../../domain/auth.js';
import { canReadFreeText } from '../../core/policy.js';

/**
 * The free text of each kind of record: whatever staff or residents wrote in their own words, titles
 * included (a title written by staff can say as much as the text under it). Callers who may not read free
 * text (`canReadFreeText`: analysts, who work with aggregates) get a title replaced by a neutral label, and
 * other free text withheld (null, or empty where the field is always a string). What stays is what an
 * analyst works with: kind, category, status, units, places, dates, figures and the record's id.
 */
const FREE_TEXT_FIELDS = {
  incident: { description: null, status_note: null },
  problem: { title: 'label', statement: null, time_pattern: null },
  evidence: { note: null },
  measure: { title: 'label', description: null },
  measure_component: { title: 'label' },
  followup: { what_was_done: null },
  request: { what: '', answer: null },
  agreement: { title: 'label', summary: null },
  meeting: { notes: null },
  meeting_action: { title: 'label', status_note: null },
  annotation: { text: '' },
} as const satisfies Record<string, Record<string, 'label' | '' | null>>;

export type FreeTextKind = keyof typeof FREE_TEXT_FIELDS;

const KIND_LABEL: Record<FreeTextKind, string> = {
  incident: 'Händelse',
  problem: 'Problem',
  evidence: 'Underlag',
  measure: 'Åtgärd',
  measure_component: 'Del av åtgärd',
  followup: 'Uppföljning',
  request: 'Begäran',
  agreement: 'Överenskommelse',
  meeting: 'Möte',
  meeting_action: 'Mötesåtgärd',
  annotation: 'Anteckning',
};

/** The label shown instead of a record's title: its kind and the start of its id, e.g. "Åtgärd 1f0c9a2b". */
export function neutralTitle(kind: FreeTextKind, id: string): string {
  return `${KIND_LABEL[kind]} ${id.slice(0, 8)}`;
}

/** A record as a caller without free text sees it: every free-text field of its kind replaced. */
function withoutFreeText<T extends { id: string }>(kind: FreeTextKind, record: T): T {
  const out: Record<string, unknown> = { ...record };
  for (const [field, replacement] of Object.entries(FREE_TEXT_FIELDS[kind])) {
    if (field in out) out[field] = replacement === 'label' ? neutralTitle(kind, record.id) : replacement;
  }
  return out as T;
}

/**
 * The one gate for free text on the way out: `shown(kind, record)` is the record itself for callers who may
 * read free text, and `withoutFreeText` for the others. Presenters apply it to every record they hand out.
 */
export function freeTextGate(principal: Principal): {
  readable: boolean;
  shown<T extends { id: string }>(kind: FreeTextKind, record: T): T;
} {
  const readable = canReadFreeText(principal);
  return { readable, shown: (kind, record) => (readable ? record : withoutFreeText(kind, record)) };
}
