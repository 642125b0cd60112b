import { useTranslation } from 'react-i18next';
import type { ProgrammeIndicator, ProgrammeSection, ProgrammeSectionKind } from '../../../domain/programmes.js';
import { SECTION_KIND_ORDER } from '../../../domain/programmes.js';
import { useFormat } from '../../components/use-format.js';

/** Who a responsibility section is about: the named unit, or every unit of a kind. */
export function useHolder() {
  const { t } = useTranslation();
  return (s: Pick<ProgrammeSection, 'unit' | 'unit_kind'>) =>
    s.unit?.name ?? (s.unit_kind ? t(`programmes.holderKind.${s.unit_kind}`) : '');
}

/** The title a section is listed under: its heading, a responsibility's holder, or nothing (the goal). */
export function useSectionTitle() {
  const holder = useHolder();
  return (s: ProgrammeSection) => (s.kind === 'responsibility' ? holder(s) : (s.heading ?? ''));
}

/** The version's content, chapter by chapter with numbered headings, as the document reads. */
export function ProgrammeSections({ sections }: { sections: readonly ProgrammeSection[] }) {
  const { t } = useTranslation();
  return (
    <>
      {SECTION_KIND_ORDER.map((kind, i) => {
        const inKind = sections.filter((s) => s.kind === kind);
        return (
          <section key={kind} aria-labelledby={`chapter-${kind}`} className="section">
            <h2 id={`chapter-${kind}`}>
              <span className="section-number">{i + 1}</span>
              {t(`programmes.chapters.${kind}`)}
            </h2>
            {inKind.length === 0 ? (
              <p className="empty">{t('programmes.emptyChapter')}</p>
            ) : (
              <Chapter kind={kind} sections={inKind} />
            )}
          </section>
        );
      })}
    </>
  );
}

function Chapter({ kind, sections }: { kind: ProgrammeSectionKind; sections: readonly ProgrammeSection[] }) {
  const title = useSectionTitle();
  if (kind === 'goal')
    return (
      <>
        {sections.map((s) => (
          <div key={s.id} id={`section-${s.number}`}>
            <p className="programme-goal">{s.body}</p>
            <Indicators indicators={s.indicators} labelledBy={`section-${s.number}`} />
          </div>
        ))}
      </>
    );
  if (kind === 'definition')
    return (
      <dl className="definitions">
        {sections.map((s) => (
          <div key={s.id} id={`section-${s.number}`}>
            <dt>
              <span className="section-number">{s.number}</span>
              {s.heading}
            </dt>
            <dd className="section-body">{s.body}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <ol className="programme-sections">
      {sections.map((s) => (
        <li key={s.id} id={`section-${s.number}`}>
          <h3 id={`section-${s.number}-title`}>
            <span className="section-number">{s.number}</span>
            {title(s)}
          </h3>
          <p className="section-body">{s.body}</p>
          {kind === 'sub_goal' && <Indicators indicators={s.indicators} labelledBy={`section-${s.number}-title`} />}
        </li>
      ))}
    </ol>
  );
}

/** A goal's indicators as a table: baseline, the latest equally long period, target and direction. */
function Indicators({ indicators, labelledBy }: { indicators: readonly ProgrammeIndicator[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!indicators.length) return null;
  const period = (p: ProgrammeIndicator['baseline']) =>
    p
      ? t('programmes.baselineValue', { value: format.number(p.value), from: format.day(p.from), to: format.day(p.to) })
      : t('programmes.noBaseline');
  return (
    <div className="table-wrap">
      <table className="data-table" aria-describedby={labelledBy}>
        <caption>{t('programmes.indicators')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.colIndicator')}</th>
            <th scope="col">{t('programmes.colWhere')}</th>
            <th scope="col">{t('programmes.colBaseline')}</th>
            <th scope="col">{t('programmes.colCurrent')}</th>
            <th scope="col">{t('programmes.colTarget')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.problem_id}>
              <th scope="row">{i.title}</th>
              <td>{i.where}</td>
              <td>{period(i.baseline)}</td>
              <td>{period(i.current)}</td>
              <td>
                {i.target_value === null ? t('programmes.noBaseline') : format.number(i.target_value)}
                {' · '}
                {t(`programmes.direction.${i.direction}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
