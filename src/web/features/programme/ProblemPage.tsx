import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Problem } from '../../../domain/problems.js';
import { useCategoryLabel, useUnits } from '../../api/use-reference-data.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { canEditForUnit, canReadProgramme, editableUnits } from './access.js';
import { BaselineForm } from './BaselineForm.js';
import { EvidenceSection } from './EvidenceSection.js';
import { useNavigationNotice } from './navigation-notice.js';
import { RequestForm } from './RequestForm.js';
import { RequestTable } from './RequestTable.js';
import { StageControl } from './StageControl.js';
import { StatusBadge } from './StatusBadge.js';
import { useMeasuresOf, useProblem, useRequestsOf } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';
import { SvText } from '../../components/SvText.js';

/** One identified problem: what, where, evidence, baseline and target, SARA stage, its measures and requests. */
export function ProblemPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const allowed = canReadProgramme(session.data);
  const problem = useProblem(allowed ? id : undefined);
  useDocumentTitle(problem.data?.title ?? t('programme.problem.title'));
  const notice = useNavigationNotice();

  return (
    <div className="page programme-page">
      {session.isPending ? (
        <h1>{t('programme.problem.title')}</h1>
      ) : !session.data ? (
        <>
          <h1>{t('programme.problem.title')}</h1>
          <SignInNotice />
        </>
      ) : !allowed ? (
        <>
          <h1>{t('programme.problem.title')}</h1>
          <p className="notice notice-info">{t('programme.noAccess')}</p>
        </>
      ) : (
        <QueryState isPending={problem.isPending} error={problem.error} onRetry={() => void problem.refetch()}>
          {problem.data && <ProblemBody problem={problem.data} notice={notice} />}
        </QueryState>
      )}
    </div>
  );
}

function ProblemBody({ problem, notice }: { problem: Problem; notice: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const session = useSession();
  const units = useUnits();
  const measures = useMeasuresOf(problem.id);
  const requests = useRequestsOf(problem.id);
  const canEdit = canEditForUnit(session.data, problem.owner_unit.id);
  const mayRecord = editableUnits(session.data, units).length > 0;

  return (
    <>
      <p className="inbox-kind">{t('programme.problem.title')}</p>
      <h1>
        <SvText>{problem.title}</SvText>
      </h1>
      <div role="status">{notice && <p className="notice notice-success">{t(notice)}</p>}</div>
      <dl className="facts">
        <div>
          <dt>{t('programme.fields.owner_unit')}</dt>
          <dd>{problem.owner_unit.name}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.stage')}</dt>
          <dd>{t(`programme.stages.${problem.stage}`)}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.area')}</dt>
          <dd>{problem.area?.name ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.places')}</dt>
          <dd>
            {problem.places.length === 0
              ? t('common.none')
              : problem.places.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ', '}
                    <Link to={`/places/${p.id}`}>
                      <SvText>{p.name}</SvText>
                    </Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('programme.fields.categories')}</dt>
          <dd>{problem.categories.map(categoryLabel).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.time_pattern')}</dt>
          <dd>{problem.time_pattern ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.affected')}</dt>
          <dd>
            {problem.affected.length
              ? problem.affected.map((a) => t(`programme.affected.${a}`)).join(', ')
              : t('common.none')}
          </dd>
        </div>
      </dl>
      {problem.statement && <p className="description-text">{problem.statement}</p>}
      {canEdit && (
        <p>
          <Link className="button button-secondary" to={`/problems/${problem.id}/edit`}>
            {t('programmeEdit.problem.edit')}
          </Link>
        </p>
      )}

      <StageControl problem={problem} canEdit={canEdit} />

      <section className="section" aria-labelledby="problem-indicator-heading">
        <h2 id="problem-indicator-heading">{t('programme.problem.indicator')}</h2>
        {problem.baseline ? (
          <dl className="facts" data-testid="baseline">
            <div>
              <dt>{t('programme.fields.baseline')}</dt>
              <dd>
                {t('programme.problem.baselineValue', {
                  count: problem.baseline.value,
                  from: format.day(problem.baseline.from),
                  to: format.day(problem.baseline.to),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('programme.fields.target')}</dt>
              <dd>{problem.target_value ?? t('programme.problem.noTarget')}</dd>
            </div>
          </dl>
        ) : (
          <p className="notice notice-warning">{t('programme.problem.noBaseline')}</p>
        )}
        <p className="hint">{t('programme.problem.baselineHow')}</p>
        {canEdit && <BaselineForm problem={problem} />}
      </section>

      <EvidenceSection problem={problem} canEdit={canEdit} />

      <section className="section" aria-labelledby="problem-measures-heading">
        <h2 id="problem-measures-heading">{t('programme.problem.measures')}</h2>
        <QueryState isPending={measures.isPending} error={measures.error}>
          {measures.data?.length === 0 ? (
            <p className="empty">{t('programme.problem.noMeasures')}</p>
          ) : (
            <ul className="plain-list">
              {measures.data?.map((m) => (
                <li key={m.id}>
                  <Link to={`/measures/${m.id}`}>
                    <SvText>{m.title}</SvText>
                  </Link>{' '}
                  · {m.responsible_unit.name} · <StatusBadge kind="measure" status={m.status} />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        {mayRecord && (
          <p>
            <Link className="button button-secondary" to={`/measures/new?problem=${problem.id}`}>
              {t('programme.problem.addMeasure')}
            </Link>
          </p>
        )}
      </section>

      <section className="section" aria-labelledby="problem-requests-heading">
        <h2 id="problem-requests-heading">{t('programme.problem.requests')}</h2>
        <QueryState isPending={requests.isPending} error={requests.error}>
          {requests.data && (
            <RequestTable
              requests={requests.data}
              caption={t('programme.problem.requestsCaption', { title: problem.title })}
              showProblem={false}
            />
          )}
        </QueryState>
        {mayRecord && <RequestForm problem={problem} />}
      </section>
    </>
  );
}
