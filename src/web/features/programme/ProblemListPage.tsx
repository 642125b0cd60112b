import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PROBLEM_STAGES, type ProblemStage } from '../../../domain/problems.js';
import { useUnits } from '../../api/use-reference-data.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea } from '../areas/use-areas.js';
import { canReadProgramme, editableUnits } from './access.js';
import { ProblemTable } from './ProblemTable.js';
import { useDistrictView } from './use-programme.js';
import './programme.css';

const isStage = (v: string | null): v is ProblemStage => (PROBLEM_STAGES as readonly string[]).includes(v ?? '');

/** The identified problems in a district's geography (every unit's), filtered by SARA stage. */
export function ProblemListPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage');
  const session = useSession();
  const allowed = canReadProgramme(session.data);
  const area = useArea(id);
  const ownerUnit = area.data?.owner_unit?.id;
  const view = useDistrictView(ownerUnit, allowed);
  const mayRecord = editableUnits(session.data, useUnits()).length > 0;
  const name = area.data?.name ?? '';
  useDocumentTitle(t('programme.problemList.title', { name }));
  const problems = (view.data?.problems ?? []).filter((p) => !isStage(stage) || p.stage === stage);

  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={`/districts/${id ?? ''}/programme`}>← {t('programme.district.back')}</Link>
      </p>
      <h1>{t('programme.problemList.title', { name })}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('programme.noAccess')}</p>
      ) : (
        <>
          {mayRecord && (
            <p>
              <Link className="button button-primary" to={`/districts/${id ?? ''}/problems/new`}>
                {t('programme.problemList.new')}
              </Link>
            </p>
          )}
          <div className="filters">
            <div className="field">
              <label htmlFor="problem-stage-filter">{t('programme.problemList.stageFilter')}</label>
              <select
                id="problem-stage-filter"
                value={isStage(stage) ? stage : ''}
                onChange={(e) => setParams(e.target.value ? { stage: e.target.value } : {})}
              >
                <option value="">{t('programme.problemList.allStages')}</option>
                {PROBLEM_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {t(`programme.stages.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <QueryState
            isPending={area.isPending || (Boolean(ownerUnit) && view.isPending)}
            error={area.error ?? view.error}
            onRetry={() => void view.refetch()}
          >
            <p className="result-count" role="status">
              {t('programme.problemList.count', { count: problems.length })}
            </p>
            <ProblemTable
              id="problem-list"
              problems={problems}
              caption={t('programme.problemList.caption', { name })}
            />
          </QueryState>
        </>
      )}
    </div>
  );
}
