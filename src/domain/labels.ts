import type { AnnualHeadlineKey, IndicatorOutcome } from './annual.js';
import type { Confidentiality } from './confidentiality.js';
import type { EvaluationEffect, EvaluationResults, EvaluationStatus } from './evaluations.js';
import type { ClosureReason, Precision, Source } from './incidents.js';
import type { AssessmentReason, GoalAssessment } from './management-export.js';
import type { FollowupAssessment, MeasureStatus, MeasureType } from './measures.js';
import type { PlaceSetting, PlaceType, UnitKind } from './org.js';
import type { IndicatorDirection, ProblemStage } from './problems.js';
import type { RequestStatus } from './requests.js';
import type { RetentionTarget } from './gdpr.js';
import type { Role } from './auth.js';
import type { CoordinationState } from './reporting.js';
import { localMinute } from './calendar/index.js';
import type { FollowUpOutcome, Severity, WalkGroup, WalkStatus } from './walks.js';

/**
 * The one Swedish/English label per code of each vocabulary. The web's i18n resources and the PDF/Excel
 * documents both read these tables, so a measure type or a status reads the same on screen and on paper.
 */
export interface Label {
  sv: string;
  en: string;
}
export type Labels<K extends string> = Readonly<Record<K, Label>>;
export type LabelLanguage = keyof Label;

/** One language's labels as a plain record, the shape i18n resources want. */
export function labelsIn<K extends string>(table: Labels<K>, lang: LabelLanguage): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}

/** The label of a code, or the code itself when the table does not know it (a place type added by an import). */
export function labelOf<K extends string>(table: Labels<K>, code: string, lang: LabelLanguage = 'sv'): string {
  return (table as Record<string, Label | undefined>)[code]?.[lang] ?? code;
}

export const MEASURE_TYPE_LABELS: Labels<MeasureType> = {
  situational: { sv: 'Situationell/fysisk (CPTED)', en: 'Situational/physical (CPTED)' },
  staffing: { sv: 'Bemanning och arbetssätt', en: 'Staffing and working methods' },
  social: { sv: 'Social', en: 'Social' },
  information: { sv: 'Information', en: 'Information' },
  surveillance: { sv: 'Bevakning/övervakning', en: 'Surveillance/guarding' },
};

export const MEASURE_STATUS_LABELS: Labels<MeasureStatus> = {
  planned: { sv: 'Planerad', en: 'Planned' },
  ongoing: { sv: 'Pågår', en: 'Ongoing' },
  done: { sv: 'Genomförd', en: 'Done' },
  stopped: { sv: 'Avbruten', en: 'Stopped' },
};

export const REQUEST_STATUS_LABELS: Labels<RequestStatus> = {
  requested: { sv: 'Begärd', en: 'Requested' },
  accepted: { sv: 'Accepterad', en: 'Accepted' },
  declined: { sv: 'Avböjd', en: 'Declined' },
  delivered: { sv: 'Levererad', en: 'Delivered' },
};

/** What the person recording a follow-up judged; the indicator's own movement is `INDICATOR_OUTCOME_LABELS`. */
export const FOLLOWUP_ASSESSMENT_LABELS: Labels<FollowupAssessment> = {
  improved: { sv: 'Förbättrat', en: 'Improved' },
  unchanged: { sv: 'Oförändrat', en: 'Unchanged' },
  worse: { sv: 'Försämrat', en: 'Worse' },
  unclear: { sv: 'Oklart', en: 'Unclear' },
};

export const PLACE_TYPE_LABELS: Labels<PlaceType> = {
  library: { sv: 'Bibliotek', en: 'Library' },
  archive_reading_room: { sv: 'Arkiv/läsesal', en: 'Archive/reading room' },
  museum: { sv: 'Museum', en: 'Museum' },
  school: { sv: 'Skola', en: 'School' },
  square: { sv: 'Torg', en: 'Square' },
  park: { sv: 'Park', en: 'Park' },
  metro_entrance: { sv: 'Tunnelbaneuppgång', en: 'Metro entrance' },
  station: { sv: 'Station', en: 'Station' },
  sports_facility: { sv: 'Idrottsanläggning', en: 'Sports facility' },
  youth_centre: { sv: 'Fritidsgård', en: 'Youth centre' },
  shopping_centre: { sv: 'Köpcentrum', en: 'Shopping centre' },
  courtyard: { sv: 'Innergård', en: 'Courtyard' },
  street: { sv: 'Gata', en: 'Street' },
  other: { sv: 'Annat', en: 'Other' },
};

export const PLACE_SETTING_LABELS: Labels<PlaceSetting> = {
  indoor: { sv: 'Inomhus', en: 'Indoor' },
  outdoor: { sv: 'Utomhus', en: 'Outdoor' },
};

export const PRECISION_LABELS: Labels<Precision> = {
  exact: { sv: 'Exakt punkt', en: 'Exact point' },
  place: { sv: 'Plats', en: 'Place' },
  area: { sv: 'Område', en: 'Area' },
  municipality: { sv: 'Hela kommunen', en: 'Whole municipality' },
};

export const INDICATOR_DIRECTION_LABELS: Labels<IndicatorDirection> = {
  lower: { sv: 'Lägre är bättre (färre händelser)', en: 'Lower is better (fewer incidents)' },
  higher: { sv: 'Högre är bättre', en: 'Higher is better' },
};

/** How the indicator moved judged by its direction; said beside, never instead of, the recorded assessment. */
export const INDICATOR_OUTCOME_LABELS: Labels<IndicatorOutcome> = {
  better: { sv: 'Åt rätt håll', en: 'The right way' },
  unchanged: { sv: 'Oförändrat', en: 'Unchanged' },
  worse: { sv: 'Åt fel håll', en: 'The wrong way' },
};

/** The management system's (ILS) own words for how far a goal's indicator reached its target in a year. */
export const GOAL_ASSESSMENT_LABELS: Labels<GoalAssessment> = {
  met: { sv: 'Uppnås helt', en: 'Fully met' },
  partly_met: { sv: 'Uppnås delvis', en: 'Partly met' },
  not_met: { sv: 'Uppnås ej', en: 'Not met' },
  not_assessable: { sv: 'Kan inte bedömas', en: 'Cannot be assessed' },
};

/** Why an indicator was assessed as it was, said beside the assessment. */
export const ASSESSMENT_REASON_LABELS: Labels<AssessmentReason> = {
  target_reached: { sv: 'Utfallet når årsmålet', en: 'The outcome reaches the annual target' },
  improved: {
    sv: 'Bättre än nollmätningen men årsmålet nås inte',
    en: 'Better than the baseline, but short of the annual target',
  },
  not_improved: { sv: 'Inte bättre än nollmätningen', en: 'No better than the baseline' },
  no_baseline: { sv: 'Indikatorn saknar nollmätning', en: 'The indicator has no baseline' },
  no_outcome: {
    sv: 'Inget utfall för året: året har inte börjat eller perioden överlappar nollmätningen',
    en: 'No outcome for the year: the year has not begun or the period overlaps the baseline',
  },
  no_target: { sv: 'Årsmål saknas', en: 'No annual target' },
};

export const SOURCE_LABELS: Labels<Source> = {
  resident: { sv: 'Invånare', en: 'Resident' },
  staff: { sv: 'Personal', en: 'Staff' },
  partner: { sv: 'Partner', en: 'Partner' },
  police: { sv: 'Polisen', en: 'Police' },
  import: { sv: 'Import', en: 'Import' },
  open311: { sv: 'Open311', en: 'Open311' },
  demo: { sv: 'Demo', en: 'Demo' },
};

export const CATEGORY_GROUP_LABELS: Labels<'property' | 'environment' | 'disorder' | 'violence' | 'traffic' | 'other'> =
  {
    property: { sv: 'Egendom', en: 'Property' },
    environment: { sv: 'Miljö', en: 'Environment' },
    disorder: { sv: 'Ordning', en: 'Public order' },
    violence: { sv: 'Våld och hot', en: 'Violence and threats' },
    traffic: { sv: 'Trafik', en: 'Traffic' },
    other: { sv: 'Övrigt', en: 'Other' },
  };

/** Getis-Ord Gi* classes after FDR control: how sure it is that a cell has more (hot) or fewer (cold) incidents than chance. */
export const GI_CLASS_LABELS: Labels<'hot99' | 'hot95' | 'hot90' | 'cold99' | 'cold95' | 'cold90' | 'none'> = {
  hot99: { sv: 'Hotspot 99 %', en: 'Hotspot 99%' },
  hot95: { sv: 'Hotspot 95 %', en: 'Hotspot 95%' },
  hot90: { sv: 'Hotspot 90 %', en: 'Hotspot 90%' },
  cold99: { sv: 'Coldspot 99 %', en: 'Cold spot 99%' },
  cold95: { sv: 'Coldspot 95 %', en: 'Cold spot 95%' },
  cold90: { sv: 'Coldspot 90 %', en: 'Cold spot 90%' },
  none: { sv: 'Ingen', en: 'None' },
};

/** Status of an action decided at a situation meeting. */
export const ACTION_STATUS_LABELS: Labels<'open' | 'done' | 'cancelled'> = {
  open: { sv: 'Öppen', en: 'Open' },
  done: { sv: 'Klar', en: 'Done' },
  cancelled: { sv: 'Avbruten', en: 'Cancelled' },
};

export const ANNOTATION_KIND_LABELS: Labels<'new_app' | 'campaign' | 'new_reporting_unit' | 'system_change' | 'other'> =
  {
    new_app: { sv: 'Ny app eller kanal', en: 'New app or channel' },
    campaign: { sv: 'Kampanj', en: 'Campaign' },
    new_reporting_unit: { sv: 'Ny rapporterande enhet', en: 'New reporting unit' },
    system_change: { sv: 'Ändring i systemet', en: 'System change' },
    other: { sv: 'Annat', en: 'Other' },
  };

export const CONFIDENTIALITY_LABELS: Labels<Confidentiality> = {
  public: { sv: 'Offentlig', en: 'Public' },
  partner: { sv: 'Delas med samverkansparter', en: 'Shared with partners' },
  municipal: { sv: 'Kommunintern', en: 'Within the city' },
  restricted: { sv: 'Begränsad', en: 'Restricted' },
};

export const PROBLEM_STAGE_LABELS: Labels<ProblemStage> = {
  scanning: { sv: 'Kartläggning', en: 'Scanning' },
  analysis: { sv: 'Analys', en: 'Analysis' },
  response: { sv: 'Åtgärd', en: 'Response' },
  assessment: { sv: 'Utvärdering', en: 'Assessment' },
};

export const INCIDENT_STATUS_LABELS: Labels<'new' | 'in_progress' | 'closed'> = {
  new: { sv: 'Ny', en: 'New' },
  in_progress: { sv: 'Pågår', en: 'In progress' },
  closed: { sv: 'Avslutad', en: 'Closed' },
};

export const CLOSURE_REASON_LABELS: Labels<ClosureReason> = {
  fixed: { sv: 'Åtgärdad', en: 'Fixed' },
  not_ours: { sv: 'Inte stadens ansvar', en: "Not the city's responsibility" },
  wont_fix: { sv: 'Åtgärdas inte', en: 'Will not be fixed' },
  duplicate: { sv: 'Redan rapporterad', en: 'Already reported' },
};

export const AGREEMENT_KIND_LABELS: Labels<'collaboration_agreement' | 'citizen_promise'> = {
  collaboration_agreement: { sv: 'Samverkansöverenskommelse', en: 'Collaboration agreement' },
  citizen_promise: { sv: 'Medborgarlöfte', en: 'Citizen promise' },
};

/** A yes/no cell in a spreadsheet, in words rather than TRUE/FALSE. */
/** Classes of the "unusual for this place" analysis (analysis/stats/emerging.ts). */
export const EMERGING_CLASS_LABELS: Labels<'new' | 'intensifying' | 'persistent' | 'sporadic'> = {
  new: { sv: 'Ny', en: 'New' },
  intensifying: { sv: 'Förstärkt', en: 'Intensifying' },
  persistent: { sv: 'Ihållande', en: 'Persistent' },
  sporadic: { sv: 'Sporadisk', en: 'Sporadic' },
};

export const yesNo = (b: boolean, lang: LabelLanguage = 'sv') =>
  lang === 'en' ? (b ? 'Yes' : 'No') : b ? 'Ja' : 'Nej';

/** The annual report's headline figures: each says exactly which rows of the report it counts. */
export const ANNUAL_HEADLINE_LABELS: Labels<AnnualHeadlineKey> = {
  measures: { sv: 'Åtgärder som pågick under året', en: 'Measures under way during the year' },
  measures_done: { sv: 'varav genomförda', en: 'of which done' },
  problems: { sv: 'Problem som åtgärderna riktades mot', en: 'Problems the measures were aimed at' },
  followups_recorded: { sv: 'Registrerade uppföljningar', en: 'Follow-ups recorded' },
  indicators_better: { sv: 'Indikatorer som gått åt rätt håll', en: 'Indicators that moved the right way' },
  indicators_worse: { sv: 'Indikatorer som gått åt fel håll', en: 'Indicators that moved the wrong way' },
  requests_answered: { sv: 'Besvarade begäranden om stöd', en: 'Contribution requests answered' },
};

const LONG_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * A calendar day ('YYYY-MM-DD') the way a Swedish letter writes it: documents are read, not parsed.
 * @example swedishDay('2026-12-21') // '21 december 2026'
 */
export function swedishDay(day: string): string {
  return LONG_DAY.format(new Date(`${day}T12:00:00Z`));
}

/** An instant on the zone's wall clock, written out ('7 december 2026 kl. 09:30'). */
export function swedishMoment(iso: string, timeZone: string): string {
  const [day, time] = localMinute(iso, timeZone).split(' ');
  return `${swedishDay(day!)} kl. ${time}`;
}

/** An ISO week ('2026-W05') as a Swedish document writes it: 'vecka 5 2026'. */
export function swedishWeek(week: string): string {
  return `vecka ${Number(week.slice(6))} ${week.slice(0, 4)}`;
}

/** ASCII minus and a plain space between thousands, so PDF fonts and copied text agree with the screen. */
function documentNumber(n: number, lang: LabelLanguage, options: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', options)
    .format(n)
    .replace(/\u2212/g, '-')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** A signed whole number as every page and document writes it ('+2', '-3', '0', '+1 250'). */
export function signedNumber(n: number, lang: LabelLanguage = 'sv'): string {
  return documentNumber(n, lang, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
}

/** A count or measured value as documents write it ('2 504', '3,5'; at most two decimals). */
export function plainNumber(n: number, lang: LabelLanguage = 'sv'): string {
  return documentNumber(n, lang, { maximumFractionDigits: 2 });
}

/**
 * An indicator's change from its baseline: the count and the share, e.g. '+2 (+25 %)'. The percent comes
 * already rounded (analysis/stats/indicator-outcome.ts `changePercent`), so it is rounded once for all readers.
 */
export function indicatorChangeText(change: number, percent: number | null, lang: LabelLanguage = 'sv'): string {
  return percent === null
    ? signedNumber(change, lang)
    : `${signedNumber(change, lang)} (${signedNumber(percent, lang)} %)`;
}

/** What each retention rule removes, as a plural noun phrase ("Importrapporter äldre än 12 månader: 3"). */
export const RETENTION_TARGET_LABELS: Labels<RetentionTarget> = {
  incident_free_text: { sv: 'Fritext i händelser', en: 'Free text of incidents' },
  reporter_contact: { sv: 'Bekräftade e-postadresser till rapportörer', en: "Reporters' confirmed e-mail addresses" },
  unconfirmed_reporter_contact: {
    sv: 'Obekräftade e-postadresser till rapportörer',
    en: "Reporters' unconfirmed e-mail addresses",
  },
  session: { sv: 'Utgångna inloggningssessioner', en: 'Expired sign-in sessions' },
  sign_in_throttle: { sv: 'IP-adresser från inloggningsförsök', en: 'Addresses of sign-in attempts' },
  import_report: { sv: 'Importrapporter', en: 'Import reports' },
  outbox_message: { sv: 'Skickade och uppgivna e-postmeddelanden', en: 'Sent and given-up e-mail messages' },
  release_draft: { sv: 'Utkast till utlämnanden', en: 'Drafts of records releases' },
};

export const ROLE_LABELS: Labels<Role> = {
  admin: { sv: 'Administratör', en: 'Administrator' },
  coordinator: { sv: 'Samordnare', en: 'Coordinator' },
  unit_editor: { sv: 'Handläggare', en: 'Unit editor' },
  partner_viewer: { sv: 'Samverkanspart', en: 'Partner' },
  analyst: { sv: 'Analytiker', en: 'Analyst' },
};

export const UNIT_KIND_LABELS: Labels<UnitKind> = {
  district: { sv: 'Stadsdelsnämnd', en: 'District committee' },
  specialist: { sv: 'Facknämnd', en: 'Specialist committee' },
  company: { sv: 'Bolag', en: 'Company' },
  partner: { sv: 'Samverkanspart', en: 'Partner' },
};

/** Where a unit stands in a reporting period. */
export const COORDINATION_STATE_LABELS: Labels<CoordinationState> = {
  submitted: { sv: 'Inskickad', en: 'Submitted' },
  submitted_late: { sv: 'Inskickad för sent', en: 'Submitted late' },
  draft: { sv: 'Utkast', en: 'Draft' },
  not_started: { sv: 'Inte påbörjad', en: 'Not started' },
  overdue: { sv: 'Försenad', en: 'Overdue' },
};

/** An evaluation's effect methods, as the evaluation page names them (src/web/i18n/sv-evaluations.ts). */
export const EVALUATION_METHOD_LABELS: Labels<EvaluationEffect['method']> = {
  relative_effect: { sv: 'Relativ effektstorlek (RES)', en: 'Relative effect size (RES)' },
  difference_in_differences: { sv: 'Skillnad i skillnader, veckovis', en: 'Difference in differences, weekly' },
  rate_per_visitors: { sv: 'Per besökare', en: 'Per visitor' },
  interrupted_time_series: { sv: 'Tidsserie, åtgärdsplatsen ensam', en: 'Time series, the treatment site alone' },
};

export const EVALUATION_STATUS_LABELS: Labels<EvaluationStatus> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  published: { sv: 'Publicerad', en: 'Published' },
};

/** Whether a zone's share of the treatment place's incidents changed after the measure. */
export const ZONE_CHANGE_LABELS: Labels<EvaluationResults['zones'][number]['change']> = {
  higher: { sv: 'Större andel', en: 'Larger share' },
  lower: { sv: 'Mindre andel', en: 'Smaller share' },
  similar: { sv: 'Ingen säker skillnad', en: 'No clear difference' },
};

export const WALK_STATUS_LABELS: Labels<WalkStatus> = {
  planned: { sv: 'Planerad', en: 'Planned' },
  ongoing: { sv: 'Pågår', en: 'Ongoing' },
  finished: { sv: 'Avslutad', en: 'Finished' },
};

/** The groups a safety walk invites besides units. */
export const WALK_GROUP_LABELS: Labels<WalkGroup> = {
  residents: { sv: 'Boende', en: 'Residents' },
  housing_company: { sv: 'Bostadsbolag', en: 'Housing company' },
  police: { sv: 'Polisen', en: 'Police' },
  youth: { sv: 'Unga', en: 'Young people' },
  library_staff: { sv: 'Bibliotekspersonal', en: 'Library staff' },
  school_staff: { sv: 'Skolpersonal', en: 'School staff' },
};

export const SEVERITY_LABELS: Labels<Severity> = {
  low: { sv: 'Låg', en: 'Low' },
  medium: { sv: 'Medel', en: 'Medium' },
  high: { sv: 'Hög', en: 'High' },
};

/** "Åtgärdad?": what a later walk found of an earlier walk's observation. */
export const FOLLOWUP_OUTCOME_LABELS: Labels<FollowUpOutcome> = {
  fixed: { sv: 'Åtgärdad', en: 'Fixed' },
  not_fixed: { sv: 'Inte åtgärdad', en: 'Not fixed' },
  partly: { sv: 'Delvis åtgärdad', en: 'Partly fixed' },
};
