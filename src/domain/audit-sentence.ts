import {
  ACTION_STATUS_LABELS,
  CLOSURE_REASON_LABELS,
  CONFIDENTIALITY_LABELS,
  INCIDENT_STATUS_LABELS,
  type Label,
  type LabelLanguage,
  type Labels,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  PROBLEM_STAGE_LABELS,
  REQUEST_STATUS_LABELS,
  RETENTION_TARGET_LABELS,
  ROLE_LABELS,
  labelOf,
  yesNo,
} from './labels.js';

/** What the formatter needs of an audit event: the stored row plus the names the server resolved. */
export interface AuditSentenceInput {
  action: string;
  entity_type: string;
  actor: string;
  /** The acting account's name, when the actor is an account of the organisation. */
  actor_name?: string | null | undefined;
  /** The record's name (a title), when it still exists and the reader may see it. */
  entity_name?: string | null | undefined;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Each kind of record in its definite form, as the object of a sentence ("ändrade status på åtgärden"). */
const ENTITY_LABELS: Readonly<Record<string, Label>> = {
  user: { sv: 'kontot', en: 'the account' },
  problem: { sv: 'problemet', en: 'the problem' },
  measure: { sv: 'åtgärden', en: 'the measure' },
  measure_component: { sv: 'delåtgärden', en: 'the part of a measure' },
  measure_followup: { sv: 'uppföljningen', en: 'the follow-up' },
  incident: { sv: 'händelsen', en: 'the incident' },
  incident_assignment: { sv: 'tilldelningen av en händelse', en: 'the assignment of an incident' },
  incident_category: { sv: 'kategorin', en: 'the category' },
  contribution_request: { sv: 'begäran om stöd', en: 'the request for support' },
  agreement: { sv: 'överenskommelsen', en: 'the agreement' },
  programme: { sv: 'programmet', en: 'the programme' },
  programme_version: { sv: 'programversionen', en: 'the programme version' },
  programme_section: { sv: 'programavsnittet', en: 'the programme section' },
  meeting: { sv: 'mötet', en: 'the meeting' },
  meeting_action: { sv: 'mötesuppgiften', en: 'the meeting action' },
  situation_report: { sv: 'lägesbilden', en: 'the situation report' },
  annotation: { sv: 'anteckningen i tidslinjen', en: 'the timeline note' },
  api_token: { sv: 'API-nyckeln', en: 'the API token' },
  import_run: { sv: 'importen', en: 'the import' },
  import_profile: { sv: 'importprofilen', en: 'the import profile' },
  responsibility_rule: { sv: 'ansvarsregeln', en: 'the responsibility rule' },
  service_level: { sv: 'servicenivån', en: 'the service level' },
  rating_thresholds: { sv: 'gränserna för bedömning', en: 'the rating thresholds' },
  area_rating: { sv: 'bedömningen av ett område', en: 'the rating of an area' },
  records_release: { sv: 'utlämnandet av allmänna handlingar', en: 'the release of official records' },
  records_release_draft: { sv: 'utkastet till utlämnande', en: 'the draft of a records release' },
  reporter_contact: { sv: 'en rapportörs e-postadress', en: "a reporter's e-mail address" },
  register_extract: { sv: 'ett registerutdrag', en: 'a register extract' },
  audit_log: { sv: 'granskningsloggen', en: 'the audit log' },
  outbox_message: { sv: 'e-postmeddelandet', en: 'the e-mail message' },
  weekly_digest: { sv: 'veckosammanfattningen', en: 'the weekly digest' },
  organisation: { sv: 'organisationen', en: 'the organisation' },
  retention_run: { sv: 'personuppgifter enligt gallringsreglerna', en: 'personal data under the retention rules' },
  safety_walk: { sv: 'trygghetsvandringen', en: 'the safety walk' },
  walk_observation: { sv: 'iakttagelsen från en trygghetsvandring', en: 'the safety walk observation' },
  walk_observation_followup: {
    sv: 'uppföljningen av en tidigare vandrings iakttagelse',
    en: "the follow-up of an earlier walk's observation",
  },
  walk_checklist_item: { sv: 'punkten på vandringarnas checklista', en: 'the walk checklist item' },
};

/** Field names as words ("status", "titel"); a field not listed reads as its name with spaces. */
const FIELD_LABELS: Readonly<Record<string, Label>> = {
  status: { sv: 'status', en: 'status' },
  title: { sv: 'titel', en: 'title' },
  statement: { sv: 'problembeskrivning', en: 'statement' },
  description: { sv: 'beskrivning', en: 'description' },
  status_note: { sv: 'handläggningsanteckning', en: 'handling note' },
  confidentiality: { sv: 'sekretessnivå', en: 'confidentiality' },
  stage: { sv: 'fas', en: 'stage' },
  type: { sv: 'typ', en: 'type' },
  closure_reason: { sv: 'skäl för avslut', en: 'reason for closing' },
  memberships: { sv: 'roller', en: 'roles' },
  role: { sv: 'roll', en: 'role' },
  disabled: { sv: 'inaktiverat', en: 'deactivated' },
  email: { sv: 'e-postadress', en: 'e-mail address' },
  display_name: { sv: 'namn', en: 'name' },
  responsible_unit_id: { sv: 'ansvarig enhet', en: 'responsible unit' },
  assigned_unit_id: { sv: 'tilldelad enhet', en: 'assigned unit' },
  unit_id: { sv: 'enhet', en: 'unit' },
  due_date: { sv: 'sista dag', en: 'due date' },
  starts_on: { sv: 'startdatum', en: 'start date' },
  ends_on: { sv: 'slutdatum', en: 'end date' },
  cost: { sv: 'kostnad', en: 'cost' },
  answer: { sv: 'svar', en: 'answer' },
  name: { sv: 'namn', en: 'name' },
  label_sv: { sv: 'svensk benämning', en: 'Swedish label' },
  label_en: { sv: 'engelsk benämning', en: 'English label' },
  password_changed: { sv: 'lösenord', en: 'password' },
  must_change_password: { sv: 'krav på lösenordsbyte', en: 'required password change' },
  scopes: { sv: 'behörigheter', en: 'scopes' },
  revoked: { sv: 'återkallad', en: 'revoked' },
  revoked_api_tokens: { sv: 'återkallade API-nycklar', en: 'revoked API tokens' },
  sso_only: { sv: 'endast SSO', en: 'SSO only' },
  method: { sv: 'inloggningssätt', en: 'sign-in method' },
  sessions_ended: { sv: 'avslutade inloggningar', en: 'sessions ended' },
  reason: { sv: 'skäl', en: 'reason' },
};

const SIGN_IN_METHOD_LABELS: Labels<'password' | 'oidc'> = {
  password: { sv: 'lösenord', en: 'password' },
  oidc: { sv: 'SSO', en: 'SSO' },
};

/** The vocabulary of a coded field, per kind of record where the same field name means different things. */
function vocabulary(entityType: string, field: string): Labels<string> | null {
  if (field === 'status') {
    const byEntity: Record<string, Labels<string>> = {
      measure: MEASURE_STATUS_LABELS,
      measure_component: MEASURE_STATUS_LABELS,
      contribution_request: REQUEST_STATUS_LABELS,
      incident: INCIDENT_STATUS_LABELS,
      meeting_action: ACTION_STATUS_LABELS,
    };
    return byEntity[entityType] ?? null;
  }
  const byField: Record<string, Labels<string>> = {
    confidentiality: CONFIDENTIALITY_LABELS,
    stage: PROBLEM_STAGE_LABELS,
    role: ROLE_LABELS,
    closure_reason: CLOSURE_REASON_LABELS,
    method: SIGN_IN_METHOD_LABELS,
    type: entityType === 'measure' ? MEASURE_TYPE_LABELS : {},
  };
  return byField[field] ?? null;
}

const WORDS = {
  sv: {
    system: 'Systemet',
    dailyJob: 'Den dagliga gallringen',
    empty: 'tomt',
    text: '(text)',
    and: 'och',
  },
  en: { system: 'The system', dailyJob: 'The daily retention job', empty: 'empty', text: '(text)', and: 'and' },
} as const;

/** Who acted: the account's name, the daily job, the system (command line, seed), or the e-mail as stored. */
export function auditActorName(e: Pick<AuditSentenceInput, 'actor' | 'actor_name'>, lang: LabelLanguage): string {
  if (e.actor_name) return e.actor_name;
  if (e.actor === 'retention-job') return WORDS[lang].dailyJob;
  return e.actor.includes('@') ? e.actor : WORDS[lang].system;
}

/** A field's name as a word. */
export function auditFieldLabel(field: string, lang: LabelLanguage): string {
  return FIELD_LABELS[field]?.[lang] ?? field.replace(/_/g, ' ');
}

/** One stored value as text: codes by their label, booleans as ja/nej, redacted free text as "(text)". */
export function auditValueText(entityType: string, field: string, value: unknown, lang: LabelLanguage): string {
  if (value === null || value === undefined || value === '') return WORDS[lang].empty;
  if (typeof value === 'boolean') return yesNo(value, lang);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (value === '[text]') return WORDS[lang].text;
    const table = vocabulary(entityType, field);
    return table ? labelOf(table, value, lang) : value;
  }
  if (Array.isArray(value) && field === 'memberships')
    return value.map((m) => labelOf(ROLE_LABELS, String((m as { role?: unknown }).role ?? ''), lang)).join(', ');
  return JSON.stringify(value);
}

function list(items: readonly string[], lang: LabelLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[lang].and} ${items[items.length - 1]}`;
}

function entityPhrase(e: AuditSentenceInput, lang: LabelLanguage): string {
  const kind = ENTITY_LABELS[e.entity_type]?.[lang] ?? e.entity_type.replace(/_/g, ' ');
  return e.entity_name ? `${kind} '${e.entity_name}'` : kind;
}

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
}

function retentionSummary(e: AuditSentenceInput, lang: LabelLanguage): string {
  const results = (e.changes.results?.after ?? []) as Array<{ target?: string; affected?: number }>;
  const removed = results.filter((r) => (r.affected ?? 0) > 0);
  if (removed.length === 0) return lang === 'sv' ? 'inget att gallra' : 'nothing to remove';
  return removed.map((r) => `${labelOf(RETENTION_TARGET_LABELS, r.target ?? '', lang)}: ${r.affected}`).join(', ');
}

function updateSentence(who: string, e: AuditSentenceInput, lang: LabelLanguage): string {
  const sv = lang === 'sv';
  const what = entityPhrase(e, lang);
  const changes = e.changes;
  if ('disabled' in changes && e.entity_type === 'user') {
    const off = changes.disabled?.after === true;
    return sv
      ? `${who} ${off ? 'inaktiverade' : 'återaktiverade'} ${what}`
      : `${who} ${off ? 'deactivated' : 'reactivated'} ${what}`;
  }
  if (changes.password_changed?.after === true) return sv ? `${who} bytte lösenord` : `${who} changed their password`;
  const fields = Object.keys(changes);
  if (fields.length === 0) return sv ? `${who} ändrade ${what}` : `${who} changed ${what}`;
  if (fields.length === 1) {
    const field = fields[0]!;
    const { before, after } = changes[field]!;
    const label = auditFieldLabel(field, lang);
    const from = auditValueText(e.entity_type, field, before, lang);
    const to = auditValueText(e.entity_type, field, after, lang);
    if ((isScalar(before) && isScalar(after)) || field === 'memberships') {
      if (before === null || before === undefined)
        return sv ? `${who} satte ${label} på ${what} till ${to}` : `${who} set the ${label} of ${what} to ${to}`;
      return sv
        ? `${who} ändrade ${label} på ${what} från ${from} till ${to}`
        : `${who} changed the ${label} of ${what} from ${from} to ${to}`;
    }
  }
  const labels = list(
    fields.map((f) => auditFieldLabel(f, lang)),
    lang,
  );
  return sv ? `${who} ändrade ${labels} på ${what}` : `${who} changed the ${labels} of ${what}`;
}

/**
 * An audit event as one sentence a person reads, with the names of the actor and the record and the labels of
 * fields and codes: "Anna Andersson ändrade status på åtgärden 'Belysning Högdalen' från Planerad till Pågår".
 * Pure; the web and exports use it alike.
 * @example auditSentence({ action: 'sign_in', entity_type: 'user', actor: 'a@x.se', actor_name: 'Anna', changes: {} }, 'sv') // 'Anna loggade in'
 */
export function auditSentence(e: AuditSentenceInput, lang: LabelLanguage): string {
  const sv = lang === 'sv';
  const who = auditActorName(e, lang);
  const what = entityPhrase(e, lang);
  switch (e.action) {
    case 'sign_in':
      return sv ? `${who} loggade in` : `${who} signed in`;
    case 'create':
      return sv ? `${who} skapade ${what}` : `${who} created ${what}`;
    case 'delete':
      if (e.entity_type === 'retention_run')
        return sv
          ? `${who} gallrade ${what} (${retentionSummary(e, lang)})`
          : `${who} removed ${what} (${retentionSummary(e, lang)})`;
      return sv ? `${who} tog bort ${what}` : `${who} deleted ${what}`;
    case 'update':
      return updateSentence(who, e, lang);
    case 'export':
      return sv ? `${who} exporterade ${what}` : `${who} exported ${what}`;
    case 'import':
      return sv ? `${who} importerade via ${what}` : `${who} imported through ${what}`;
    case 'erase':
      return sv ? `${who} raderade ${what}` : `${who} erased ${what}`;
    case 'seed':
      return sv ? `${who} fyllde på med demodata (${what})` : `${who} loaded demo data (${what})`;
    default:
      return `${who}: ${e.action} ${what}`;
  }
}
