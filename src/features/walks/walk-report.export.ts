import { auditChange } from '../../core/audit.repo.js';
import type { ServiceContext } from '../../core/context.js';
import { findArea } from '../../core/tenancy.repo.js';
import {
  FOLLOWUP_OUTCOME_LABELS,
  labelsIn,
  SEVERITY_LABELS,
  swedishDay,
  swedishMoment,
  WALK_GROUP_LABELS,
  WALK_STATUS_LABELS,
} from '../../domain/labels.js';
import type { EarlierObservation, FollowUpAnswer, ReportObservation, WalkReport } from '../../domain/walks.js';
import { streetLinesWithin } from '../places/streets.js';
import { type ExportFile, exportFile } from '../reports/export-file.js';
import { MARGIN, WIDTH } from '../reports/pdf-layout.js';
import { mapView, type WalkMap } from './walk-map.pdf.js';
import type { DocEarlier, DocObservation, WalkDocument } from './walk-report.pdf.js';
import { renderWalkReportPdf } from './walk-report.pdf.js';
import { getWalkReport } from './walk-report.service.js';
import { findObservationPhoto } from './walks.repo.js';

const quoted = (s: string) => `”${s}”`;

function outcomeOf(o: ReportObservation): string {
  if (o.problem_id) return `Blev problemet ${quoted(o.problem_title ?? 'utan rubrik')}.`;
  if (o.incident_id)
    return o.responsible_unit
      ? `Skickad som ärende till ${o.responsible_unit.name}.`
      : 'Skickad som ärende till stadsdelen.';
  return 'Inte uppföljd ännu.';
}

function answerText(a: FollowUpAnswer, timeZone: string): string {
  const who = a.answered_by ? `${a.answered_by}, ` : '';
  return `Vid vandringen ${quoted(a.walk.title)} ${swedishDay(a.walk.walk_date)}: ${
    FOLLOWUP_OUTCOME_LABELS[a.outcome].sv
  }${a.note ? ` – ${a.note}` : ''} (${who}${swedishMoment(a.answered_at, timeZone)})`;
}

function earlierRow(e: EarlierObservation, timeZone: string): DocEarlier {
  return {
    item: e.note ? `${e.item.label}: ${e.note}` : e.item.label,
    walk: `${e.earlier_walk.title}, ${swedishDay(e.earlier_walk.walk_date)}`,
    answer: e.answer ? FOLLOWUP_OUTCOME_LABELS[e.answer.outcome].sv : 'Inte bedömd',
    note: e.answer?.note || '–',
    by: e.answer
      ? `${e.answer.answered_by ? `${e.answer.answered_by}, ` : ''}${swedishMoment(e.answer.answered_at, timeZone)}`
      : '–',
  };
}

/** The report's words and pictures: the walk, the participants by name and label, the numbered observations. */
async function walkDocument(ctx: ServiceContext, r: WalkReport): Promise<WalkDocument> {
  const tz = ctx.organisation.timeZone;
  const area = await findArea(ctx.db, ctx.organisation.id, r.walk.area.id);
  const map: Omit<WalkMap, 'streets'> = {
    area: area?.geometry ?? null,
    route: r.walk.route?.coordinates ?? null,
    points: r.observations.map((o, i) => ({ n: i + 1, lon: o.lon, lat: o.lat, severity: o.severity })),
  };
  // The same box the PDF draws the map in: only streets it shows are read, and only then is OSM credited.
  const { extent } = mapView({ x: MARGIN, y: 0, w: WIDTH, h: 250 }, map);
  const streets = await streetLinesWithin(ctx.log, extent);
  const observations: DocObservation[] = [];
  for (const [i, o] of r.observations.entries()) {
    const photo = o.photo ? await findObservationPhoto(ctx.db, ctx.organisation.id, o.id, 'thumb') : undefined;
    observations.push({
      n: i + 1,
      item: o.item.label,
      severity: o.severity,
      severityLabel: SEVERITY_LABELS[o.severity].sv,
      at: swedishMoment(o.observed_at, tz),
      unit: o.responsible_unit?.name ?? 'Ingen enligt ansvarsmatrisen',
      note: o.note,
      thumbnail: photo ? Buffer.from(photo.data) : null,
      outcome: outcomeOf(o),
      followups: o.followups.map((a) => answerText(a, tz)),
    });
  }
  const n = r.observations.length;
  return {
    title: `Trygghetsvandring i ${r.walk.area.name}`,
    subtitle: `${swedishDay(r.walk.walk_date)} · ${r.walk.title}`,
    summary: `Anordnad av ${r.walk.unit.name}. ${WALK_STATUS_LABELS[r.walk.status].sv}. ${
      n === 1 ? '1 iakttagelse' : `${n} iakttagelser`
    }.`,
    units: [r.walk.unit.name, ...r.walk.invited_units.map((u) => u.name)],
    groups: r.walk.groups.map((g) => WALK_GROUP_LABELS[g].sv),
    printedAt: swedishMoment(new Date().toISOString(), tz),
    map: { ...map, streets },
    observations,
    earlier: r.earlier.map((e) => earlierRow(e, tz)),
  };
}

/** An ASCII file name part: 'Enskede-Årsta-Vantör' → 'enskede-arsta-vantor'. */
const fileName = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The walk report as a PDF for whoever sees the walk; the download is audited, since the report carries
 * notes and photos.
 */
export async function exportWalkReportPdf(ctx: ServiceContext, walkId: string): Promise<ExportFile> {
  const report = await getWalkReport(ctx, walkId);
  const body = await renderWalkReportPdf(await walkDocument(ctx, report), labelsIn(SEVERITY_LABELS, 'sv'));
  await auditChange(ctx.db, ctx, {
    action: 'export',
    entityType: 'safety_walk',
    entityId: walkId,
    after: { format: 'pdf', observations: report.observations.length },
  });
  return exportFile(body, 'pdf', `trygghetsvandring-${fileName(report.walk.area.name)}-${report.walk.walk_date}`);
}
