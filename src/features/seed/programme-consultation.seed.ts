import type { ServiceContext } from '../../core/context.js';
import type { ProgrammeVersion } from '../../domain/programmes.js';
import {
  handleProposal,
  saveConsultationDraft,
  submitConsultationResponse,
} from '../consultations/consultation-responses.service.js';
import { sendOnConsultation } from '../consultations/consultations.service.js';
import { changeProgrammeStatus } from '../programmes/programmes.service.js';
import { UNIT, unitId } from './units.seed.js';

/** The response texts: short renderings of what the two answered, not their wording. */
const ANSWERS = [
  {
    slug: UNIT.culture,
    submitted: '2020-02-12T13:00:00Z',
    summary:
      'Kulturnämnden tillstyrker förslaget till trygghetsprogram och ser bibliotekens roll som trygga mötesplatser.',
    statement: 'Biblioteken är offentliga rum där många söker sig för att det är tryggt, även kvällstid.',
    proposal: 'Definitionen av offentlig miljö bör uttryckligen omfatta offentliga rum inomhus som bibliotek.',
  },
  {
    slug: UNIT.cityArchives,
    submitted: '2020-02-14T09:30:00Z',
    summary: 'Stadsarkivet tillstyrker förslaget med en ändring av definitionen av offentlig miljö.',
    statement: 'Arkivets läsesalar är öppna för alla och har samma behov av trygghet som andra offentliga miljöer.',
    proposal: 'Läsesalar och andra offentliga rum inomhus bör nämnas i definitionen av offentlig miljö.',
  },
] as const;

/**
 * The consultation on the 2020–2023 draft, as history: sent in December 2019 to the culture administration
 * and the city archive, both answering before the deadline and asking that "offentlig miljö" include indoor
 * public rooms, both proposals accepted; the draft then goes back for revision (and the caller revises and
 * adopts it). The dates are approximate: the sources give the spring 2020 decision, not the round's days.
 */
export async function seedProgrammeConsultation(
  ctx: ServiceContext,
  draft: ProgrammeVersion,
  units: Map<string, string>,
): Promise<void> {
  const round = await sendOnConsultation(
    ctx,
    draft.id,
    { unit_ids: ANSWERS.map((a) => unitId(units, a.slug)), deadline: '2020-02-14' },
    new Date('2019-12-10T10:00:00Z'),
  );
  const definition = draft.sections.find((s) => s.kind === 'definition' && s.heading === 'Offentlig miljö')!.key;
  for (const answer of ANSWERS) {
    const id = round.responses.find((r) => r.unit.id === unitId(units, answer.slug))!.id;
    await saveConsultationDraft(ctx, id, {
      summary: answer.summary,
      sections: [{ section_key: definition, statement: answer.statement, proposal: answer.proposal }],
    });
    await submitConsultationResponse(ctx, id, new Date(answer.submitted));
    await handleProposal(ctx, id, definition, { handling: 'accepted' }, new Date('2020-03-02T10:00:00Z'));
  }
  await changeProgrammeStatus(ctx, draft.id, { status: 'draft' });
}
