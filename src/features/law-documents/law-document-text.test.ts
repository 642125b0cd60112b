import { describe, expect, it } from 'vitest';
import type { Problem } from '../../domain/problems.js';
import { swedishDay } from '../../domain/labels.js';
import { causeAnalysisSections, situationPictureSections } from './law-document-text.js';

const rows = (xs: Array<[string, string | null, number]>) =>
  xs.map(([category, area, count]) => ({ category, area, count }));

describe('the lägesbild text', () => {
  const sections = situationPictureSections({
    scope: 'Enskede-Årsta-Vantör',
    from: '2025-12-07',
    to: '2026-12-06',
    current: rows([
      ['Klotter', 'Högdalen', 30],
      ['Klotter', 'Årsta', 10],
      ['Nedskräpning', 'Högdalen', 5],
    ]),
    previous: rows([
      ['Klotter', 'Högdalen', 20],
      ['Nedskräpning', 'Årsta', 10],
      ['Skadegörelse', null, 4],
    ]),
    hotspots: [],
  });
  const body = (heading: string) => sections.find((s) => s.heading === heading)!.body;
  const figures = (heading: string) => sections.find((s) => s.heading === heading)!.figures!;

  it('compares each category and stadsdel with the year before in a table, largest first, with a total', () => {
    const byCategory = figures('Händelser per kategori');
    expect(byCategory.columns.map((c) => [c.title, c.numeric])).toEqual([
      ['Kategori', false],
      ['Senaste året', true],
      ['Året före', true],
      ['Förändring', true],
    ]);
    expect(byCategory.rows).toEqual([
      ['Klotter', '40', '20', '+100 %'],
      ['Nedskräpning', '5', '10', '-50 %'],
      ['Skadegörelse', '0', '4', '-100 %'],
      ['Totalt', '45', '34', '+32 %'],
    ]);
    expect(body('Händelser per kategori')).toBe(
      `Registrerade händelser ${swedishDay('2025-12-07')} – ${swedishDay('2026-12-06')} jämfört med samma period året före.`,
    );
    const byArea = figures('Händelser per stadsdel').rows;
    expect(byArea[0]).toEqual(['Högdalen', '35', '20', '+75 %']);
    expect(byArea).toContainEqual(['Årsta', '10', '10', '0 %']);
    expect(byArea).toContainEqual(['Utan stadsdel', '0', '4', '-100 %']);
  });

  it('says there were no incidents, without a table, when neither year has any', () => {
    const empty = situationPictureSections({
      scope: 'Enskede-Årsta-Vantör',
      from: '2025-12-07',
      to: '2026-12-06',
      current: [],
      previous: [],
      hotspots: [],
    }).find((s) => s.heading === 'Händelser per kategori')!;
    expect([empty.body, empty.figures]).toEqual(['Inga registrerade händelser under perioden.', undefined]);
  });

  it('names the total, the largest rises and falls, and says so when no place stands out', () => {
    expect(body('Utveckling')).toContain(
      'Totalt 45 händelser under perioden, mot 34 året före (+32 % mot föregående år).',
    );
    expect(body('Utveckling')).toContain('Störst ökning: Klotter (+20).');
    expect(body('Utveckling')).toContain('Störst minskning: Nedskräpning (-5), Skadegörelse (-4).');
    expect(body('Platser där händelserna koncentreras')).toMatch(/pekar inte ut/);
    expect(body('Inledning')).toContain(`${swedishDay('2025-12-07')} – ${swedishDay('2026-12-06')}`);
    expect(swedishDay('2026-12-03')).toBe('3 december 2026');
  });
});

describe('figures in the lägesbild', () => {
  it('are written the Swedish way, with a space between thousands', () => {
    const [big] = situationPictureSections({
      scope: 'Stockholms stad',
      from: '2025-12-07',
      to: '2026-12-06',
      current: rows([['Klotter', 'Högdalen', 2504]]),
      previous: rows([['Klotter', 'Högdalen', 1200]]),
      hotspots: [],
    }).filter((s) => s.heading === 'Utveckling');
    expect(big!.body).toContain(
      'Totalt 2 504 händelser under perioden, mot 1 200 året före (+109 % mot föregående år).',
    );
    expect(big!.body).toContain('Störst ökning: Klotter (+1 304).');
  });
});

describe('the orsaksanalys text', () => {
  it("names a survey item's question, area and first and latest figures, in Swedish", () => {
    const evidence = {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'survey_item',
      ref: '00000000-0000-4000-8000-000000000002',
      filter: { survey_area_id: '00000000-0000-4000-8000-000000000003' },
      note: null,
      created_at: '2026-12-07T08:00:00.000Z',
      incident_count: null,
      survey: {
        question: 'Ofta orolig för att utsättas för brott',
        area: 'Spånga-Tensta',
        direction: 'lower' as const,
        first: { year: 2017, share: 26, respondents: null, ci: null },
        latest: { year: 2020, share: 12.5, respondents: 400, ci: { low: 9.6, high: 16.1 } },
      },
    };
    const problem = {
      title: 'Otrygghet vid Tensta centrum',
      statement: 'Boende undviker torget kvällstid.',
      area: { id: evidence.filter.survey_area_id, name: 'Spånga-Tensta' },
      places: [],
      categories: [],
      time_pattern: null,
      stage: 'analysis',
      affected: [],
      baseline: null,
      target_value: null,
      evidence: [evidence],
    } as unknown as Problem;
    const text = causeAnalysisSections('Spånga-Tensta', [problem])
      .map((s) => s.body)
      .join('\n');
    expect(text).toContain(
      '• Trygghetsmätning: Ofta orolig för att utsättas för brott, Spånga-Tensta: 2017 26 % → 2020 12,5 %',
    );
  });
});
