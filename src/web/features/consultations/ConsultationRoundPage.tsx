import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConsultationRound } from '../../../domain/consultations.js';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useHolder } from '../programmes/ProgrammeSections.js';
import { useProgrammeVersion } from '../programmes/use-programmes.js';
import { HandlingForm } from './HandlingForm.js';
import { useConsultationRound } from './use-consultations.js';
import './consultations.css';

/**
 * A round for the coordinating office: a table of who has answered, not yet or is overdue; each unit's
 * summary; then section by section every unit's statement and proposal side by side, with the handling form.
 */
export function ConsultationRoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const round = useConsultationRound(id);
  const title = t('consultations.roundTitle', { title: round.data?.version.title ?? '' });
  useDocumentTitle(title);
  return (
    <div className="page programme-doc">
      <h1>{title}</h1>
      <QueryState isPending={round.isPending} error={round.error} onRetry={() => void round.refetch()}>
        {round.data && (
          <>
            <p>
              <Link to={`/programmes/versions/${round.data.version.id}/consultation`}>{t('consultations.open')}</Link>
            </p>
            <p>
              {t('consultations.roundLabel', {
                sent: format.day(round.data.sent_on),
                deadline: format.day(round.data.deadline),
              })}
            </p>
            <div className="table-wrap" role="region" aria-labelledby="statusCaption-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="statusCaption-caption">{t('consultations.statusCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('consultations.colUnit')}</th>
                    <th scope="col">{t('consultations.colState')}</th>
                    <th scope="col">{t('consultations.colSubmitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.data.responses.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.unit.name}</th>
                      <td className={`consultation-state-${r.state}`}>{t(`consultations.state.${r.state}`)}</td>
                      <td>{r.submitted_at ? format.dateTime(r.submitted_at) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>{t('consultations.summaries')}</h2>
            <dl className="facts">
              {round.data.responses
                .filter((r) => r.summary)
                .map((r) => (
                  <div key={r.id}>
                    <dt>{r.unit.name}</dt>
                    <dd>{r.summary}</dd>
                  </div>
                ))}
            </dl>
            <BySectionOf round={round.data} />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The side-by-side view once the version consulted is read. */
function BySectionOf({ round }: { round: ConsultationRound }) {
  const version = useProgrammeVersion(round.version.id);
  return version.data ? <BySection round={round} version={version.data} /> : null;
}

/** Each section of the version with every unit's statement and proposal beside each other. */
function BySection({ round, version }: { round: ConsultationRound; version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const holder = useHolder();
  return (
    <section aria-labelledby="by-section-title">
      <h2 id="by-section-title">{t('consultations.bySection')}</h2>
      {version.sections.map((s) => {
        const answers = round.responses.flatMap((r) =>
          r.sections.filter((x) => x.section_key === s.key).map((x) => ({ response: r, entry: x })),
        );
        return (
          <div key={s.key} className="consultation-section">
            <h3>
              {s.number} {s.heading ?? holder(s)}
            </h3>
            <p className="hint">{s.body}</p>
            {answers.length === 0 ? (
              <p>{t('consultations.noStatements')}</p>
            ) : (
              <ul className="consultation-statements">
                {answers.map(({ response, entry }) => (
                  <li key={response.id}>
                    <h4>{response.unit.name}</h4>
                    {entry.statement && (
                      <p>
                        <strong>{t('consultations.statement')}:</strong> {entry.statement}
                      </p>
                    )}
                    {entry.proposal && (
                      <>
                        <p>
                          <strong>{t('consultations.proposal')}:</strong> {entry.proposal}
                        </p>
                        {entry.handling && (
                          <p>
                            {t('consultations.handled', {
                              handling: t(`consultations.handlingOptions.${entry.handling}`),
                            })}
                            {entry.handling_reason ? ` – ${entry.handling_reason}` : ''}
                          </p>
                        )}
                        <HandlingForm
                          responseId={response.id}
                          sectionKey={s.key}
                          handling={entry.handling}
                          reason={entry.handling_reason}
                        />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
