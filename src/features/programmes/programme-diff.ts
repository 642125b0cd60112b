import { wordDiff } from '../../analysis/text/word-diff.js';
import type { ProgrammeDiff, ProgrammeSection, ProgrammeVersion, TextPart } from '../../domain/programmes.js';

type Compared = Pick<ProgrammeSection, 'key' | 'kind' | 'number' | 'heading' | 'body'>;

/** What a section holds as text, for comparison: a responsibility's holder is part of what it says. */
const headingOf = (s: Compared & { unit?: ProgrammeSection['unit'] }) => s.heading ?? s.unit?.name ?? '';

const all = (op: TextPart['op'], text: string): TextPart[] => (text ? [{ op, text }] : []);

/**
 * Two versions compared section by section, matched on the key their copies share: in the newer version's
 * order, with sections only in the older one (removed) after the section that came before them there.
 * @example diffVersions(v2018, v2020).sections.filter((s) => s.change === 'changed').map((s) => s.number_to) // ['4.1']
 */
export function diffVersions(
  from: Pick<ProgrammeVersion, 'id' | 'title' | 'status' | 'sections'>,
  to: Pick<ProgrammeVersion, 'id' | 'title' | 'status' | 'sections'>,
): ProgrammeDiff {
  const older = new Map(from.sections.map((s) => [s.key, s]));
  const newer = new Set(to.sections.map((s) => s.key));
  const sections: ProgrammeDiff['sections'] = to.sections.map((s) => {
    const was = older.get(s.key);
    if (!was)
      return {
        key: s.key,
        kind: s.kind,
        number_from: null,
        number_to: s.number,
        change: 'added' as const,
        heading: all('added', headingOf(s)),
        body: all('added', s.body),
      };
    const heading = wordDiff(headingOf(was), headingOf(s));
    const body = wordDiff(was.body, s.body);
    const same = [...heading, ...body].every((p) => p.op === 'same');
    return {
      key: s.key,
      kind: s.kind,
      number_from: was.number,
      number_to: s.number,
      change: same ? ('unchanged' as const) : ('changed' as const),
      heading,
      body,
    };
  });
  // A removed section goes after the one that preceded it in the older version (or first).
  from.sections.forEach((s, i) => {
    if (newer.has(s.key)) return;
    const prevKey = i > 0 ? from.sections[i - 1]!.key : null;
    const at = prevKey ? sections.findIndex((x) => x.key === prevKey) + 1 : 0;
    sections.splice(at, 0, {
      key: s.key,
      kind: s.kind,
      number_from: s.number,
      number_to: null,
      change: 'removed',
      heading: all('removed', headingOf(s)),
      body: all('removed', s.body),
    });
  });
  const ref = (v: typeof from) => ({ id: v.id, title: v.title, status: v.status });
  return { from: ref(from), to: ref(to), sections };
}
