import { ACTION_STATUS_LABELS, swedishDay, swedishMoment, swedishWeek } from '../../domain/labels.js';
import type { FrozenReportView, Meeting } from '../../domain/meetings.js';
import { RATING_LABELS, type RatingLevel } from '../../domain/situation.js';

/**
 * The meeting protocol as words and rows, before any layout: the PDF and the workbook both render this, so
 * they say the same. Dates are the organisation's wall clock, written out in Swedish; no ids, no codes.
 */
export interface Protocol {
  title: string;
  scope: string;
  heldAt: string;
  frozenAt: string;
  units: string[];
  people: Array<{ name: string; unit: string }>;
  figures: Array<[label: string, value: number]>;
  ratings: Array<{ neighbourhood: string; count: number; level: string; comment: string; confirmed: string }>;
  /** Null when the reader's role does not see the meeting's free text. */
  notes: string | null;
  notesRedactions: number;
  actions: ActionRow[];
  followUp: ActionRow[];
}

export interface ActionRow {
  title: string;
  unit: string;
  due: string;
  status: string;
}

const ratingText = (level: RatingLevel) => `${level} ${RATING_LABELS[level].sv}`;

/**
 * The protocol of a meeting about a frozen report. The figures are the frozen ones (what the meeting saw);
 * the ratings are those confirmed for the week, as confirmed (at the meeting, usually after the freeze).
 */
export function protocolOf(meeting: Meeting, view: FrozenReportView, timeZone: string): Protocol {
  const frozen = view.frozen;
  const t = frozen.totals;
  const action = (a: {
    title: string;
    unit_name: string;
    due_date: string;
    status: Meeting['actions'][number]['status'];
  }) => ({
    title: a.title,
    unit: a.unit_name,
    due: swedishDay(a.due_date),
    status: ACTION_STATUS_LABELS[a.status].sv,
  });
  return {
    title: `Protokoll EST-möte ${swedishWeek(frozen.week)}`,
    scope: frozen.scope.kind === 'city' ? `Hela staden (${frozen.scope.name})` : `Stadsdelsområde ${frozen.scope.name}`,
    heldAt: swedishMoment(meeting.held_at, timeZone),
    frozenAt: swedishMoment(view.report.frozen_at, timeZone),
    units: meeting.participants.map((p) => p.name),
    people: meeting.attendees.map((a) => ({ name: a.name, unit: a.unit_name ?? 'Gäst' })),
    figures: [
      ['Händelser veckan', t.count],
      ['Förra veckan', t.vs_previous_week.reference],
      ['Samma vecka i fjol', t.vs_last_year.reference],
      ['Med punktläge', t.points],
      ['Inkomna efter frysningen', view.diff.reported_after_freeze],
    ],
    ratings: view.current.neighbourhoods.map((n) => {
      const c = n.rating.confirmed;
      return {
        neighbourhood: n.name,
        count: frozen.neighbourhoods.find((f) => f.code === n.code)?.count ?? n.count,
        level: c ? ratingText(c.level) : `ej bekräftad (förslag ${ratingText(n.rating.proposed)})`,
        comment: c?.comment ?? '',
        confirmed: c ? swedishMoment(c.at, timeZone) : '',
      };
    }),
    notes: meeting.notes,
    notesRedactions: meeting.notes_redactions,
    actions: meeting.actions.map(action),
    followUp: frozen.previous_actions.map(action),
  };
}
