import type { SituationQuery, SituationReport } from '../../domain/situation.js';
import { type ExportFile, exportFile, type ExportFormat } from '../reports/export-file.js';
import type { ServiceContext } from '../../core/context.js';
import { getFrozenReport, getMeeting } from './meetings.service.js';
import { protocolOf } from './protocol.js';
import { renderProtocolPdf } from './protocol.pdf.js';
import { renderProtocolXlsx } from './protocol.xlsx.js';
import { renderSituationPdf } from './situation.pdf.js';
import type { ReportScope } from './situation.scope.js';
import { getSituationReport, situationScope } from './situation.service.js';
import { renderSituationXlsx } from './situation.xlsx.js';

export type { ExportFile, ExportFormat } from '../reports/export-file.js';

async function render(
  report: SituationReport,
  scope: ReportScope,
  format: ExportFormat,
  timeZone: string,
  frozen?: { at: string; by: string },
): Promise<ExportFile> {
  const body =
    format === 'pdf'
      ? await renderSituationPdf(report, { outlines: scope.neighbourhoods, frozen, timeZone })
      : await renderSituationXlsx(report, scope.neighbourhoods, timeZone);
  return exportFile(body, format, `lagesbild-${report.scope.code}-${report.week}${frozen ? '-fryst' : ''}`);
}

/** The live report as PDF or Excel. */
export async function exportSituationReport(
  ctx: ServiceContext,
  query: SituationQuery,
  format: ExportFormat,
): Promise<ExportFile> {
  const { report, scope } = await getSituationReport(ctx, query);
  return render(report, scope, format, ctx.organisation.timeZone);
}

/** A frozen report's snapshot (the figures the meeting saw) as PDF or Excel. */
export async function exportFrozenReport(ctx: ServiceContext, id: string, format: ExportFormat): Promise<ExportFile> {
  const view = await getFrozenReport(ctx, id);
  const scope = await situationScope(ctx, view.report.area_id);
  return render(view.frozen, scope, format, ctx.organisation.timeZone, {
    at: view.report.frozen_at,
    by: view.report.frozen_by,
  });
}

/** A meeting's protocol (participants, notes, confirmed ratings, decided actions) as PDF or Excel. */
export async function exportMeetingProtocol(
  ctx: ServiceContext,
  meetingId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const meeting = await getMeeting(ctx, meetingId);
  const view = await getFrozenReport(ctx, meeting.report_id);
  const protocol = protocolOf(meeting, view, ctx.organisation.timeZone);
  const body = format === 'pdf' ? await renderProtocolPdf(protocol) : await renderProtocolXlsx(protocol);
  return exportFile(body, format, `protokoll-${view.frozen.scope.code}-${view.frozen.week}`);
}
