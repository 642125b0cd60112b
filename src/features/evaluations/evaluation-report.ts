import { daysBetween } from '../../domain/calendar/index.js';
import type { Evaluation, EvaluationResults } from '../../domain/evaluations.js';
import { swedishDay } from '../../domain/labels.js';

/** What an evaluation's documents are made from: the design, its results now, and when they were made. */
export interface EvaluationReport {
  evaluation: Evaluation;
  results: EvaluationResults;
  /** The measure's title, or null when the caller may not read the measure (a restricted one stays out). */
  measure: string | null;
  /** The moment the document was made, on the organisation's wall clock ('7 december 2026 kl. 16:05'). */
  made: string;
}

/** The treatment places and areas by name ('Högdalens bibliotek'). */
export const siteNames = (s: Evaluation['treatment']) => [...s.places, ...s.areas].map((x) => x.name).join(', ');

/** A period in Swedish words with its length ('1 januari 2017 – 30 juni 2018, 546 dagar'). */
export const periodText = (p: { from: string; to: string }) =>
  `${swedishDay(p.from)} – ${swedishDay(p.to)}, ${daysBetween(p.from, p.to) + 1} dagar`;

/** The buffer in words: the ring and any chosen areas, or that there is none. */
export function bufferText(e: Evaluation): string {
  const parts = [
    ...(e.buffer.metres ? [`Ring på ${e.buffer.metres} meter runt åtgärdsplatsen`] : []),
    ...e.buffer.areas.map((a) => a.name),
  ];
  return parts.length ? parts.join(', ') : 'Inget';
}

/** The document's title: the measure (when the caller may read it) and the treatment place. */
export const reportTitle = (r: EvaluationReport) =>
  r.measure
    ? `Utvärdering av ${r.measure}, ${siteNames(r.evaluation.treatment)}`
    : `Utvärdering, ${siteNames(r.evaluation.treatment)}`;
