import {
  FOLLOWUP_ASSESSMENT_LABELS,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  PROBLEM_STAGE_LABELS,
  plainNumber,
  signedNumber,
  swedishDay,
} from '../../domain/labels.js';
import type { LawDocumentFigures } from '../../domain/law-documents.js';
import type { Measure } from '../../domain/measures.js';
import type { Problem } from '../../domain/problems.js';

/**
 * The generated text of the three documents, in Swedish and without field names or ids: each section a
 * heading and a block of text the coordinator edits before the council adopts it. Figures are counted
 * from the data handed in; nothing is added that the data does not hold.
 */
export interface DraftSection {
  heading: string;
  body: string;
  figures?: LawDocumentFigures;
}

const LAW = 'lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete';

const change = (now: number, before: number): string => {
  if (before === 0) return now === 0 ? 'oförändrat' : 'nytt jämfört med föregående år';
  const pct = Math.round(((now - before) / before) * 100);
  return `${signedNumber(pct)} % mot föregående år`;
};

/** The change in a table's column headed 'Förändring': '+75 %', or 'ny' where the year before had none. */
const changeCell = (now: number, before: number): string => {
  if (before === 0) return now === 0 ? '0 %' : 'ny';
  return `${signedNumber(Math.round(((now - before) / before) * 100))} %`;
};

/** Counts of the last year and the year before, per category and per stadsdel. */
export interface YearCounts {
  scope: string;
  from: string;
  to: string;
  current: ReadonlyArray<{ category: string; area: string | null; count: number }>;
  previous: ReadonlyArray<{ category: string; area: string | null; count: number }>;
  /** Named places where incidents concentrate (the situation report's hotspots and top places). */
  hotspots: readonly string[];
}

function sums(rows: YearCounts['current'], key: 'category' | 'area'): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = r[key] ?? 'Utan stadsdel';
    out.set(k, (out.get(k) ?? 0) + r.count);
  }
  return out;
}

/** The year's counts beside the year before's, largest first, with a total row; null when both are empty. */
function compareTable(
  caption: string,
  label: string,
  now: Map<string, number>,
  before: Map<string, number>,
): LawDocumentFigures | null {
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  if (keys.length === 0) return null;
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const row = (k: string, n: number, b: number) => [k, plainNumber(n), plainNumber(b), changeCell(n, b)];
  return {
    caption,
    columns: [
      { title: label, numeric: false },
      { title: 'Senaste året', numeric: true },
      { title: 'Året före', numeric: true },
      { title: 'Förändring', numeric: true },
    ],
    rows: [
      ...keys
        .map((k) => ({ k, n: now.get(k) ?? 0, b: before.get(k) ?? 0 }))
        .sort((x, y) => y.n - x.n || x.k.localeCompare(y.k, 'sv'))
        .map(({ k, n, b }) => row(k, n, b)),
      row('Totalt', total(now), total(before)),
    ],
  };
}

/** A section of counts: a sentence on what the table holds, and the table, or a sentence saying there is none. */
function countsSection(heading: string, figures: LawDocumentFigures | null, d: YearCounts): DraftSection {
  if (!figures) return { heading, body: 'Inga registrerade händelser under perioden.' };
  return {
    heading,
    body: `Registrerade händelser ${swedishDay(d.from)} – ${swedishDay(d.to)} jämfört med samma period året före.`,
    figures,
  };
}

/** Lägesbild: the year's incidents against the year before, per category and stadsdel, trends and hotspots. */
export function situationPictureSections(d: YearCounts): DraftSection[] {
  const total = (rows: YearCounts['current']) => rows.reduce((s, r) => s + r.count, 0);
  const [now, before] = [total(d.current), total(d.previous)];
  const byCat = [sums(d.current, 'category'), sums(d.previous, 'category')] as const;
  const moves = [...new Set([...byCat[0].keys(), ...byCat[1].keys()])]
    .map((k) => ({ k, diff: (byCat[0].get(k) ?? 0) - (byCat[1].get(k) ?? 0) }))
    .filter((m) => m.diff !== 0)
    .sort((a, b) => b.diff - a.diff);
  const rising = moves.filter((m) => m.diff > 0).slice(0, 3);
  const falling = moves
    .filter((m) => m.diff < 0)
    .slice(-3)
    .reverse();
  const list = (ms: typeof moves) => ms.map((m) => `${m.k} (${signedNumber(m.diff)})`).join(', ');
  return [
    {
      heading: 'Inledning',
      body: `Lägesbilden för ${d.scope} tas fram enligt ${LAW}. Den bygger på de händelser som registrerats under perioden ${swedishDay(d.from)} – ${swedishDay(d.to)} och jämför dem med året före.`,
    },
    countsSection('Händelser per kategori', compareTable('Händelser per kategori', 'Kategori', byCat[0], byCat[1]), d),
    countsSection(
      'Händelser per stadsdel',
      compareTable('Händelser per stadsdel', 'Stadsdel', sums(d.current, 'area'), sums(d.previous, 'area')),
      d,
    ),
    {
      heading: 'Utveckling',
      body: [
        `Totalt ${plainNumber(now)} händelser under perioden, mot ${plainNumber(before)} året före (${change(now, before)}).`,
        rising.length > 0 ? `Störst ökning: ${list(rising)}.` : 'Ingen kategori ökade.',
        falling.length > 0 ? `Störst minskning: ${list(falling)}.` : 'Ingen kategori minskade.',
      ].join('\n'),
    },
    {
      heading: 'Platser där händelserna koncentreras',
      body:
        d.hotspots.length > 0
          ? d.hotspots.map((h) => `• ${h}`).join('\n')
          : 'Lägesrapporten pekar inte ut några platser med signifikant koncentration.',
    },
  ];
}

/** The problem's baseline in words: 'Nollmätning 7 december 2025 – 6 juni 2026: 16 händelser; mål 5'. */
function baselineText(p: Problem): string | null {
  if (!p.baseline) return null;
  const target = p.target_value === null ? '' : `; mål ${plainNumber(p.target_value)}`;
  return `Nollmätning ${swedishDay(p.baseline.from)} – ${swedishDay(p.baseline.to)}: ${plainNumber(p.baseline.value)} händelser${target}`;
}

const where = (p: Problem) =>
  [p.area?.name, ...p.places.map((x) => x.name)].filter((x): x is string => Boolean(x)).join(', ') || 'Ej angivet';

/** A survey item's figures in words: 'Ofta orolig …, Spånga-Tensta: 2017 26 % → 2020 13 %'. */
function surveyText(s: NonNullable<Problem['evidence'][number]['survey']>): string {
  const figure = (f: { year: number; share: number }) => `${f.year} ${String(f.share).replace('.', ',')} %`;
  const figures = [s.first, s.latest].flatMap((f) => (f ? [figure(f)] : [])).join(' → ');
  return `${s.question}, ${s.area}${figures ? `: ${figures}` : ''}`;
}

function evidenceLine(e: Problem['evidence'][number]): string {
  const count = e.incident_count === null ? '' : ` (${plainNumber(e.incident_count)} händelser)`;
  const text = e.survey
    ? [surveyText(e.survey), e.note].filter(Boolean).join(' – ')
    : (e.note ?? (e.kind === 'document' ? e.ref : null));
  const kind = {
    incident_filter: 'Urval av händelser',
    hotspot: 'Koncentration i lägesrapporten',
    note: 'Iakttagelse',
    document: 'Dokument',
    survey_item: 'Trygghetsmätning',
  }[e.kind];
  return `• ${kind ?? 'Underlag'}${count}${text ? `: ${text}` : ''}`;
}

/** Orsaksanalys: per problem what, where, when, the analysis and the evidence it rests on. */
export function causeAnalysisSections(scope: string, problems: readonly Problem[]): DraftSection[] {
  return [
    {
      heading: 'Inledning',
      body: `Orsaksanalysen för ${scope} tas fram enligt ${LAW}. Den beskriver de problem som arbetet riktas mot, var och när de uppträder och vad analysen av dem bygger på. ${problems.length === 0 ? 'Inga problem är ännu beskrivna.' : `Analysen omfattar ${problems.length} problem.`}`,
    },
    ...problems.map((p) => ({
      heading: p.title,
      body: [
        `Vad: ${p.statement ?? 'Ingen problembeskrivning ännu.'}`,
        `Var: ${where(p)}`,
        `När: ${p.time_pattern ?? 'Inget tidsmönster beskrivet.'}`,
        `Skede i arbetet: ${PROBLEM_STAGE_LABELS[p.stage].sv}`,
        baselineText(p) ?? 'Ingen nollmätning ännu.',
        p.evidence.length > 0 ? `Underlag:\n${p.evidence.map(evidenceLine).join('\n')}` : 'Inget underlag registrerat.',
      ].join('\n'),
    })),
  ];
}

const period = (m: Measure) =>
  m.period_start || m.period_end
    ? `${m.period_start ? swedishDay(m.period_start) : '…'} – ${m.period_end ? swedishDay(m.period_end) : '…'}`
    : 'Ingen period angiven';

function measureText(m: Measure, problems: readonly Problem[]): string {
  const followups = m.followups.map(
    (f) =>
      `  – ${swedishDay(f.due_date)}: ${f.assessment ? FOLLOWUP_ASSESSMENT_LABELS[f.assessment].sv : f.recorded_at ? 'uppföljd' : 'planerad'}`,
  );
  const indicators = problems
    .filter((p) => m.problems.some((x) => x.id === p.id) && p.baseline)
    .map((p) => `  – ${p.title}: ${baselineText(p)}`);
  return [
    `• ${m.title} (${MEASURE_TYPE_LABELS[m.type].sv})`,
    `  Ansvarig: ${m.responsible_unit.name}${m.contributing_units.length > 0 ? `; medverkande: ${m.contributing_units.map((u) => u.name).join(', ')}` : ''}`,
    `  Period: ${period(m)}`,
    `  Status: ${MEASURE_STATUS_LABELS[m.status].sv}`,
    followups.length > 0 ? `  Uppföljningar:\n${followups.join('\n')}` : '  Inga uppföljningar planerade.',
    indicators.length > 0 ? `  Indikatorer:\n${indicators.join('\n')}` : '  Ingen indikator med nollmätning.',
  ].join('\n');
}

/** Åtgärdsplan: the measures aimed at each problem, with responsible units, period, status, follow-ups and indicators. */
export function actionPlanSections(
  scope: string,
  problems: readonly Problem[],
  measures: readonly Measure[],
): DraftSection[] {
  const aimed = (p: Problem) => measures.filter((m) => m.problems.some((x) => x.id === p.id));
  const other = measures.filter((m) => !m.problems.some((x) => problems.some((p) => p.id === x.id)));
  return [
    {
      heading: 'Inledning',
      body: `Åtgärdsplanen för ${scope} tas fram enligt ${LAW}. Den anger vilka åtgärder som ska genomföras mot de problem orsaksanalysen beskriver, vem som ansvarar, när de genomförs och hur de följs upp. Planen omfattar ${measures.length} åtgärder.`,
    },
    ...problems.map((p) => ({
      heading: p.title,
      body:
        aimed(p)
          .map((m) => measureText(m, problems))
          .join('\n\n') || 'Inga åtgärder beslutade ännu.',
    })),
    ...(other.length > 0
      ? [{ heading: 'Övriga åtgärder', body: other.map((m) => measureText(m, problems)).join('\n\n') }]
      : []),
  ];
}
