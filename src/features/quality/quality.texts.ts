import { localMinute } from '../../domain/calendar/index.js';
import type { ExportLanguage, QualityCheck, QualityItem, QualityReport } from '../../domain/quality.js';
import { labelOf, REQUEST_STATUS_LABELS } from '../../domain/labels.js';

type Entity = QualityItem['link']['entity'];
type Facts = QualityItem['facts'];

/**
 * Every text the quality report's PDF and Excel files write, per language; the English details are also the API's
 * `detail`. The web page has its own texts in src/web/i18n.
 */
export interface QualityExportTexts {
  /** The heading: the unit's name, or the whole city in words (the scope's own name is the organisation's slug). */
  title: (scope: QualityReport['scope']) => string;
  /** `timeZone`: the organisation's, whose wall clock the generation time is given in. */
  intro: (r: QualityReport, timeZone: string) => string;
  summary: string;
  columns: { check: string; count: string; what: string; unit: string; detail: string; fixIn: string; parent: string };
  sheets: { summary: string; items: string };
  none: string;
  filename: string;
  checks: Record<QualityCheck, string>;
  entities: Record<Entity, string>;
  /** The item's detail said from its facts (the API's `detail` is English for every reader). */
  detail: (check: QualityCheck, facts: Facts) => string;
}

const stamp = (r: QualityReport, timeZone: string) => localMinute(r.generated_at, timeZone);

export const QUALITY_EXPORT_TEXTS: Record<ExportLanguage, QualityExportTexts> = {
  sv: {
    title: (scope) => `Kvalitetsrapport: ${scope.kind === 'city' ? 'Hela staden' : scope.name}`,
    intro: (r, timeZone) =>
      `Trygghetsprogrammets krav: rätt åtgärd mot ett identifierat problem. Uttag ${stamp(r, timeZone)}, dagens datum ${r.today}.`,
    summary: 'Sammanfattning',
    columns: {
      check: 'Kontroll',
      count: 'Antal',
      what: 'Vad',
      unit: 'Enhet',
      detail: 'Detalj',
      fixIn: 'Åtgärda i',
      parent: 'Hör till',
    },
    sheets: { summary: 'Sammanfattning', items: 'Brister' },
    none: 'Inga brister hittades.',
    filename: 'kvalitetsrapport',
    checks: {
      problem_only_stopped_measures: 'Problem vars alla åtgärder avbrutits',
      problem_without_evidence: 'Problem utan underlag',
      problem_without_baseline: 'Problem utan nollmätning',
      problem_without_measure: 'Problem utan åtgärd',
      followup_overdue: 'Uppföljning försenad',
      request_overdue: 'Begäran om stöd försenad',
      measure_without_indicator: 'Åtgärd utan indikator',
      indicator_wrong_way: 'Indikatorn har gått åt fel håll',
      agreement_review_overdue: 'Överenskommelse ej omprövad i tid',
    },
    entities: {
      problem: 'Problemet',
      measure: 'Åtgärden',
      followup: 'Uppföljningen',
      request: 'Begäran',
      agreement: 'Överenskommelsen',
    },
    detail: (check, f) =>
      ({
        problem_without_evidence: 'inga händelser, hotspots, anteckningar eller dokument kopplade',
        problem_without_baseline: 'ingen period för nollmätning angiven',
        problem_without_measure: 'ingen åtgärd är riktad mot problemet',
        problem_only_stopped_measures: `alla ${f.measures ?? 0} åtgärder avbrutna`,
        followup_overdue: `uppföljning senast ${f.due_date ?? ''}`,
        request_overdue: `från ${f.from_unit ?? ''}, senast ${f.due_date ?? ''}. Status: ${f.status ? labelOf(REQUEST_STATUS_LABELS, f.status, 'sv') : ''}`,
        measure_without_indicator: 'inget av åtgärdens problem har en nollmätning',
        indicator_wrong_way: `nollmätning ${f.baseline ?? ''}, vid uppföljning ${f.value ?? ''}`,
        agreement_review_overdue: `omprövning senast ${f.due_date ?? ''}`,
      })[check],
  },
  en: {
    title: (scope) => `Quality report: ${scope.kind === 'city' ? 'Whole city' : scope.name}`,
    intro: (r, timeZone) =>
      `The safety programme's demand: the right measure aimed at an identified problem. Generated ${stamp(r, timeZone)} (Swedish time), today's date ${r.today}.`,
    summary: 'Summary',
    columns: {
      check: 'Check',
      count: 'Count',
      what: 'What',
      unit: 'Unit',
      detail: 'Detail',
      fixIn: 'Fix in',
      parent: 'Belongs to',
    },
    sheets: { summary: 'Summary', items: 'Defects' },
    none: 'No defects found.',
    filename: 'quality-report',
    checks: {
      problem_only_stopped_measures: 'Problem whose measures were all stopped',
      problem_without_evidence: 'Problem without evidence',
      problem_without_baseline: 'Problem without a baseline',
      problem_without_measure: 'Problem with no measure',
      followup_overdue: 'Follow-up overdue',
      request_overdue: 'Contribution request overdue',
      measure_without_indicator: 'Measure with no indicator',
      indicator_wrong_way: 'Indicator moved the wrong way',
      agreement_review_overdue: 'Local agreement review overdue',
    },
    entities: {
      problem: 'The problem',
      measure: 'The measure',
      followup: 'The follow-up',
      request: 'The request',
      agreement: 'The agreement',
    },
    detail: (check, f) =>
      ({
        problem_without_evidence: 'no incidents, hotspots, notes or documents linked',
        problem_without_baseline: 'no baseline period set',
        problem_without_measure: 'no measure is aimed at it',
        problem_only_stopped_measures: `all ${f.measures ?? 0} measure(s) stopped`,
        followup_overdue: `follow-up due ${f.due_date ?? ''}`,
        request_overdue: `from ${f.from_unit ?? ''}, due ${f.due_date ?? ''}. Status: ${f.status ? labelOf(REQUEST_STATUS_LABELS, f.status, 'en') : ''}`,
        measure_without_indicator: 'none of its problems has a baseline',
        indicator_wrong_way: `baseline ${f.baseline ?? ''}, at follow-up ${f.value ?? ''}`,
        agreement_review_overdue: `review due ${f.due_date ?? ''}`,
      })[check],
  },
};
