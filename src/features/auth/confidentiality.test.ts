import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ANONYMOUS, type Principal, type Role } from '../../domain/auth.js';
import { CONFIDENTIALITY_TIERS, type Confidentiality } from '../../domain/confidentiality.js';
import { AgreementCreateSchema } from '../../domain/agreements.js';
import { IncidentCreateSchema } from '../../domain/incidents.js';
import { MeasureCreateSchema } from '../../domain/measures.js';
import { ProblemCreateSchema } from '../../domain/problems.js';
import type { ServiceContext } from '../../core/context.js';
import {
  createTestOrganisation,
  testContext,
  type TestOrganisation,
  createTestUnit,
} from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createAgreement, listAgreements, listPublicAgreements } from '../agreements/agreements.service.js';
import { createIncident, getIncident, listIncidents } from '../incidents/incidents.service.js';
import { createMeasure, getMeasure } from '../measures/measures.service.js';
import { createProblem, getProblem, listProblems } from '../problems/problems.service.js';
import { createRequest, listRequests } from '../requests/requests.service.js';

type Who = 'admin' | 'owner' | 'staff' | 'analyst' | 'sharedPartner' | 'otherPartner' | 'public';

/**
 * The role × tier matrix of docs/confidentiality.md, on problems: which of four problems (one per tier, all
 * owned by the district and all shared with the police through a contribution request) each caller sees.
 */
const MATRIX: Record<Who, readonly Confidentiality[]> = {
  admin: ['public', 'partner', 'municipal', 'restricted'],
  owner: ['public', 'partner', 'municipal', 'restricted'],
  staff: ['public', 'partner', 'municipal'],
  analyst: ['public', 'partner', 'municipal'],
  sharedPartner: ['public', 'partner'],
  otherPartner: ['public'],
  public: ['public'],
};

describeEachEngine('confidentiality tiers: who sees which record', (getDb) => {
  let org: TestOrganisation;
  let system: ServiceContext;
  const units = { police: '', company: '', culture: '' };
  const problems = {} as Record<Confidentiality, string>;
  const callers = {} as Record<Who, ServiceContext>;

  const user = (unitId: string, role: Role): Principal => ({
    kind: 'user',
    userId: randomUUID(),
    organisationId: org.organisation.id,
    email: `${role}@example.se`,
    displayName: role,
    memberships: [{ unitId, unitKind: 'district', role }],
    scopes: null,
  });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'sekretess');
    system = testContext(db, org.organisation);
    const unit = async (slug: string, kind: 'partner' | 'company' | 'specialist') =>
      createTestUnit(db, org.organisation.id, slug, kind);
    units.police = await unit('polisen', 'partner');
    units.company = await unit('bostadsbolaget', 'company');
    units.culture = await unit('kultur', 'specialist');
    for (const tier of CONFIDENTIALITY_TIERS) {
      const p = await createProblem(
        system,
        ProblemCreateSchema.parse({
          owner_unit_id: org.unitId,
          area_id: org.areas.south,
          title: `Problem ${tier}`,
          statement: `Detaljer (${tier})`,
          categories: ['klotter'],
          confidentiality: tier,
        }),
      );
      problems[tier] = p.id;
      await createRequest(system, {
        from_unit_id: org.unitId,
        to_unit_id: units.police,
        problem_id: p.id,
        what: `Hjälp (${tier})`,
        due_date: '2026-12-31',
      });
    }
    const as = (principal: Principal): ServiceContext => ({ ...system, principal, actor: 'test' });
    callers.admin = as(user(units.culture, 'admin'));
    callers.owner = as(user(org.unitId, 'coordinator'));
    callers.staff = as(user(units.culture, 'unit_editor'));
    callers.analyst = as(user(units.culture, 'analyst'));
    callers.sharedPartner = as(user(units.police, 'partner_viewer'));
    callers.otherPartner = as(user(units.company, 'partner_viewer'));
    callers.public = as(ANONYMOUS);
  }, 120_000);

  for (const who of Object.keys(MATRIX) as Who[]) {
    it(`${who} sees problems of tiers ${MATRIX[who].join(', ')} — in lists and one by one`, async () => {
      const listed = (await listProblems(callers[who], {})).map((p) => p.confidentiality).sort();
      expect(listed).toEqual([...MATRIX[who]].sort());
      for (const tier of CONFIDENTIALITY_TIERS) {
        const one = getProblem(callers[who], problems[tier]);
        if (MATRIX[who].includes(tier)) expect((await one).confidentiality).toBe(tier);
        else await expect(one).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
    });
  }

  it('a partner sees a partner-tier request addressed to it, and nothing addressed to others', async () => {
    expect((await listRequests(callers.sharedPartner, {})).length).toBe(4);
    expect(await listRequests(callers.otherPartner, {})).toEqual([]);
  });

  it('a measure is shared with its contributing units; a restricted component is hidden from all but its owners', async () => {
    const m = await createMeasure(
      system,
      MeasureCreateSchema.parse({
        problem_ids: [problems.partner],
        responsible_unit_id: org.unitId,
        contributing_unit_ids: [units.police],
        title: 'Väktare vid entrén',
        type: 'surveillance',
        confidentiality: 'partner',
        components: [
          { title: 'Rondering', type: 'surveillance' },
          { title: 'Larmkod och rutter', type: 'surveillance', confidentiality: 'restricted' },
        ],
      }),
    );
    expect((await getMeasure(callers.owner, m.id)).components.map((c) => c.title)).toEqual([
      'Rondering',
      'Larmkod och rutter',
    ]);
    const police = await getMeasure(callers.sharedPartner, m.id);
    expect(police.components.map((c) => c.title)).toEqual(['Rondering']);
    // Its restricted problem would not be listed either; this one is partner-tier and shared.
    expect(police.problems.map((p) => p.id)).toEqual([problems.partner]);
    await expect(getMeasure(callers.otherPartner, m.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('incidents: municipal by default, seen by the unit they are routed to when partner-tier, never by the public', async () => {
    const base = { occurred_at: '2026-03-01T12:00:00Z', category: 'klotter', lon: 18.02, lat: 59.27 };
    const internal = await createIncident(system, IncidentCreateSchema.parse({ ...base, description: 'Internt' }));
    expect(internal.confidentiality).toBe('municipal');
    const reported = await createIncident(
      system,
      IncidentCreateSchema.parse({
        ...base,
        description: 'Polisens',
        reporting_unit_id: units.police,
        confidentiality: 'restricted',
      }),
    );
    const police = (await listIncidents(callers.sharedPartner, { limit: 100 } as never)).items.map((i) => i.id);
    expect(police).toEqual([reported.id]);
    await expect(getIncident(callers.sharedPartner, internal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getIncident(callers.staff, reported.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getIncident(callers.staff, internal.id)).id).toBe(internal.id);
  });

  it('agreements: public by default; a municipal one is hidden from the public page and from partners who are not its party', async () => {
    const input = {
      district_unit_id: org.unitId,
      partner_unit_id: units.police,
      kind: 'citizen_promise',
      period_start: '2026-01-01',
      period_end: '2026-12-31',
      area_ids: [org.areas.south],
    };
    const open = await createAgreement(system, AgreementCreateSchema.parse({ ...input, title: 'Medborgarlöfte' }));
    const internal = await createAgreement(
      system,
      AgreementCreateSchema.parse({ ...input, title: 'Intern plan', confidentiality: 'partner' }),
    );
    expect(open.confidentiality).toBe('public');
    expect((await listPublicAgreements(callers.public, {})).map((a) => a.id)).toEqual([open.id]);
    expect((await listAgreements(callers.sharedPartner, {})).map((a) => a.id).sort()).toEqual(
      [open.id, internal.id].sort(),
    );
    expect((await listAgreements(callers.otherPartner, {})).map((a) => a.id)).toEqual([open.id]);
  });
});
