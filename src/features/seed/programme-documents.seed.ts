import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ProgrammeSectionCreate } from '../../domain/programmes.js';
import type { ServiceContext } from '../../core/context.js';
import { listProblems } from '../problems/problems.service.js';
import { addProgrammeSection, updateProgrammeSection } from '../programmes/programme-sections.service.js';
import { changeProgrammeStatus, createProgramme, createProgrammeDraft } from '../programmes/programmes.service.js';
import { seedProgrammeConsultation } from './programme-consultation.seed.js';
import { seedContext } from './seed-context.js';
import { UNIT, unitId } from './units.seed.js';

/** The overarching goal, as in the council's goal for the area and both programmes. */
const GOAL = 'Stockholm ska vara en trygg, säker och välskött stad att bo, vistas och verka i.';

/**
 * The problems whose indicators follow a sub-goal up in the demo (seeded by programme.seed.ts); a title
 * missing (a seed without them) leaves the goal without indicators rather than failing.
 */
const INDICATORS = {
  crime: 'Narkotikaförsäljning och ordningsstörningar på Rinkeby torg',
  publicPlaces: 'Stök och otrygghet i Högdalens bibliotek kvällstid',
  readingRoom: 'Stölder av väskor i läsesalen',
} as const;

/**
 * The 2018–2021 programme, adopted, and the 2020–2023 programme that replaced it (KS 2020/1939), so the
 * programme pages, the comparison and the public reading have real content. The texts are short renderings
 * of the programmes' main goals and responsibilities, not the documents' wording. The 2020–2023 version
 * widens "offentlig miljö" to indoor public rooms (libraries, archive reading rooms), as the culture
 * administration and the city archive asked in the consultation.
 */
export async function seedProgrammeDocuments(
  trx: Transaction<Database> | Kysely<Database>,
  input: { organisation: ServiceContext['organisation']; units: Map<string, string> },
): Promise<{ versions: number }> {
  const ctx = seedContext(trx, input.organisation);
  const u = (slug: string) => unitId(input.units, slug);
  const problems = new Map((await listProblems(ctx, {})).map((p) => [p.title, p.id]));
  const indicator = (title: string) => {
    const id = problems.get(title);
    return id ? [id] : [];
  };

  const first = await createProgramme(ctx, {
    name: 'Stockholms stads trygghetsprogram',
    title: 'För ett tryggare och säkrare Stockholm 2018–2021',
    period_from: 2018,
    period_to: 2021,
  });
  const sections: ProgrammeSectionCreate[] = [
    { kind: 'goal', heading: 'Övergripande mål', body: GOAL, indicator_problem_ids: [] },
    {
      kind: 'sub_goal',
      heading: 'Minskad brottslighet',
      body: 'Brottsligheten ska minska, särskilt brott som drabbar människor i det offentliga rummet.',
      indicator_problem_ids: indicator(INDICATORS.crime),
    },
    {
      kind: 'sub_goal',
      heading: 'Ökad trygghet i offentlig miljö',
      body: 'Stockholmarna ska känna sig trygga i stadens offentliga miljöer under dygnets alla timmar.',
      indicator_problem_ids: indicator(INDICATORS.publicPlaces),
    },
    {
      kind: 'sub_goal',
      heading: 'Samverkan',
      body: 'Staden ska samverka med polisen, civilsamhället och näringslivet i det brottsförebyggande arbetet.',
      indicator_problem_ids: [],
    },
    {
      kind: 'responsibility',
      unit_kind: 'district',
      body: 'Stadsdelsnämnderna samordnar och leder det lokala arbetet inom sitt geografiska område.',
      indicator_problem_ids: [],
    },
    {
      kind: 'responsibility',
      unit_kind: 'specialist',
      body: 'Facknämnderna bidrar med kunskap och resurser inom sina ansvarsområden.',
      indicator_problem_ids: [],
    },
    ...[
      [UNIT.transport, 'Har särskilt ansvar för offentlig miljö: gator, torg, parker och belysning.'],
      ['stadsbyggnadsnamnden', 'Har särskilt ansvar för offentlig miljö när staden planeras och byggs om.'],
      ['miljo-och-halsoskyddsnamnden', 'Har särskilt ansvar för offentlig miljö genom tillsyn av miljö och hälsa.'],
    ].map(
      ([slug, body]): ProgrammeSectionCreate => ({
        kind: 'responsibility',
        unit_id: u(slug!),
        body: body!,
        indicator_problem_ids: [],
      }),
    ),
    {
      kind: 'definition',
      heading: 'Offentlig miljö',
      body: 'Platser utomhus som är tillgängliga för alla, till exempel gator, torg, parker och tunnelbanans entréer.',
      indicator_problem_ids: [],
    },
  ];
  for (const s of sections) await addProgrammeSection(ctx, first.id, s);
  // The decision's reference and day for 2018–2021 are not in the sources: the day is the period's first.
  await changeProgrammeStatus(ctx, first.id, {
    status: 'adopted',
    decision_ref: 'Kommunfullmäktige 2018',
    adopted_on: '2018-01-01',
  });

  const second = await createProgrammeDraft(ctx, first.id, {
    title: 'Stockholms stads trygghetsprogram 2020–2023',
    period_from: 2020,
    period_to: 2023,
  });
  await seedProgrammeConsultation(ctx, second, input.units);
  const find = (heading: string) => second.sections.find((s) => s.heading === heading)!.id;
  await updateProgrammeSection(ctx, find('Ökad trygghet i offentlig miljö'), {
    body: 'Stockholmarna ska känna sig trygga i stadens offentliga miljöer, inomhus och utomhus, under dygnets alla timmar.',
    indicator_problem_ids: [...indicator(INDICATORS.publicPlaces), ...indicator(INDICATORS.readingRoom)],
  });
  await updateProgrammeSection(ctx, find('Offentlig miljö'), {
    body:
      'Platser som är tillgängliga för alla: utomhus gator, torg, parker och tunnelbanans entréer, och inomhus ' +
      'offentliga rum som bibliotek, arkivens läsesalar, simhallar och medborgarkontor.',
  });
  await addProgrammeSection(ctx, second.id, {
    kind: 'sub_goal',
    heading: 'Kunskapsbaserat arbete',
    body: 'Arbetet ska bygga på lokala lägesbilder och orsaksanalyser och följas upp med indikatorer.',
    indicator_problem_ids: [],
  });
  await addProgrammeSection(ctx, second.id, {
    kind: 'responsibility',
    unit_id: u(UNIT.culture),
    body: 'Ansvarar för tryggheten i bibliotek och andra kulturlokaler, tillsammans med stadsdelsnämnderna.',
    indicator_problem_ids: [],
  });
  // The date is approximate: the city's annual report says the council decided in the spring of 2020.
  await changeProgrammeStatus(ctx, second.id, {
    status: 'adopted',
    decision_ref: 'KS 2020/1939',
    adopted_on: '2020-05-04',
  });
  return { versions: 2 };
}
