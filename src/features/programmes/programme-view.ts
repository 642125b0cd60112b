import { today } from '../../domain/calendar/index.js';
import {
  type ProgrammeIndicator,
  type ProgrammeSection,
  type ProgrammeVersion,
  type ProgrammeVersionSummary,
  SECTION_KIND_ORDER,
  sectionNumber,
} from '../../domain/programmes.js';
import type { ServiceContext } from '../../core/context.js';
import { indicatorOn, indicatorWhere } from '../agreements/agreement-reviews.service.js';
import { listProblems } from '../problems/problems.service.js';
import { listSectionIndicators, listSectionRows, type SectionRow, type VersionRow } from './programmes.repo.js';

/** A version's list entry, with the version it replaces named (when the reader may see it). */
export function toSummary(row: VersionRow, byId: ReadonlyMap<string, VersionRow>): ProgrammeVersionSummary {
  const replaced = row.replaces_version_id ? byId.get(row.replaces_version_id) : undefined;
  return {
    id: row.id,
    title: row.title,
    period_from: row.period_from,
    period_to: row.period_to,
    status: row.status,
    decision_ref: row.decision_ref,
    adopted_on: row.adopted_on,
    replaces: replaced ? { id: replaced.id, title: replaced.title, status: replaced.status } : null,
  };
}

/** Sections in document order, each numbered within its kind's chapter. */
export function orderSections<S extends Pick<SectionRow, 'kind' | 'position'>>(
  rows: readonly S[],
): Array<S & { number: string }> {
  return SECTION_KIND_ORDER.flatMap((kind) =>
    rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.position - b.position)
      .map((r, i) => ({ ...r, number: sectionNumber(kind, i) })),
  );
}

/**
 * The goals' indicators, computed from incidents as every other follow-up is: each linked problem's baseline
 * against an equally long period ending today. Only problems the reader may see are listed; the public is
 * given none (a problem's title and place are staff text until the programme's public follow-up exists).
 */
async function indicatorsBySection(
  ctx: ServiceContext,
  sectionIds: readonly string[],
  withIndicators: boolean,
): Promise<Map<string, ProgrammeIndicator[]>> {
  const out = new Map<string, ProgrammeIndicator[]>();
  if (!withIndicators) return out;
  const links = await listSectionIndicators(ctx.db, sectionIds);
  if (!links.length) return out;
  const problems = await listProblems(ctx, { ids: [...new Set(links.map((l) => l.problem_id))] });
  const day = today(ctx.organisation.timeZone);
  const indicators = new Map<string, ProgrammeIndicator>();
  for (const p of problems)
    indicators.set(p.id, {
      problem_id: p.id,
      title: p.title,
      where: indicatorWhere(p),
      baseline: p.baseline,
      current: p.baseline ? await indicatorOn(ctx, p, day) : null,
      target_value: p.target_value,
      direction: p.indicator_direction,
    });
  for (const l of links) {
    const indicator = indicators.get(l.problem_id);
    if (indicator) out.set(l.section_id, [...(out.get(l.section_id) ?? []), indicator]);
  }
  return out;
}

/** A version in full: its sections numbered, responsibilities with their holder, goals with their indicators. */
export async function toVersion(
  ctx: ServiceContext,
  row: VersionRow,
  visible: readonly VersionRow[],
  withIndicators: boolean,
): Promise<ProgrammeVersion> {
  const byId = new Map(visible.map((v) => [v.id, v]));
  const sections = orderSections(await listSectionRows(ctx.db, [row.id]));
  const indicators = await indicatorsBySection(
    ctx,
    sections.map((s) => s.id),
    withIndicators,
  );
  return {
    ...toSummary(row, byId),
    programme: { id: row.programme_id, name: row.programme_name },
    replaced_by: visible
      .filter((v) => v.replaces_version_id === row.id)
      .map((v) => ({ id: v.id, title: v.title, status: v.status })),
    sections: sections.map(
      (s): ProgrammeSection => ({
        id: s.id,
        key: s.section_key,
        kind: s.kind,
        number: s.number,
        heading: s.heading,
        body: s.body,
        unit_kind: s.unit_kind,
        unit: s.unit_id ? { id: s.unit_id, name: s.unit_name ?? '' } : null,
        indicators: indicators.get(s.id) ?? [],
        version: s.version,
      }),
    ),
  };
}
