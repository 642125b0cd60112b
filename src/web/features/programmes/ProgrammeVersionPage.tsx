import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { ConsultationLinks } from '../consultations/ConsultationLinks.js';
import { DraftForm } from './DraftForm.js';
import { ManagementExport } from './ManagementExport.js';
import { ProgrammeSections } from './ProgrammeSections.js';
import { PublicFollowup } from './PublicFollowup.js';
import { useProgrammeReader, useProgrammeVersion } from './use-programmes.js';
import './programmes.css';

/** One version of the programme: its facts, then goal, sub-goals with indicators, responsibilities and definitions. */
export function ProgrammeVersionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const version = useProgrammeVersion(id);
  const { staff, manages } = useProgrammeReader();
  useDocumentTitle(version.data?.title ?? t('programmes.title'));
  return (
    <div className="page programme-doc">
      <p>
        <Link to="/programmes">{t('programmes.back')}</Link>
      </p>
      <h1>{version.data?.title ?? t('programmes.title')}</h1>
      <QueryState isPending={version.isPending} error={version.error} onRetry={() => void version.refetch()}>
        {version.data && (
          <>
            <VersionFacts version={version.data} />
            {manages && version.data.status === 'draft' && (
              <p>
                <Link className="button button-primary" to={`/programmes/versions/${id}/edit`}>
                  {t('programmes.edit')}
                </Link>
              </p>
            )}
            <ConsultationLinks versionId={id} />
            <ProgrammeSections sections={version.data.sections} />
            <PublicFollowup
              versionId={id}
              enabled={version.data.status === 'adopted' || version.data.status === 'replaced'}
            />
            {staff && <ManagementExport version={version.data} />}
            {manages && <DraftForm from={version.data} />}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** Programme, period, status, decision and the versions it replaces or was replaced by. */
export function VersionFacts({ version: v }: { version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts">
      <div>
        <dt>{t('programmes.programme')}</dt>
        <dd>{v.programme.name}</dd>
      </div>
      <div>
        <dt>{t('programmes.colPeriod')}</dt>
        <dd>{t('programmes.period', { from: v.period_from, to: v.period_to })}</dd>
      </div>
      <div>
        <dt>{t('programmes.colStatus')}</dt>
        <dd>
          <span className={`programme-status status-${v.status}`}>{t(`programmes.status.${v.status}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('programmes.colDecision')}</dt>
        <dd>
          {v.decision_ref && v.adopted_on
            ? t('programmes.decision', { ref: v.decision_ref, day: format.day(v.adopted_on) })
            : t('programmes.noDecision')}
        </dd>
      </div>
      {v.replaces && (
        <div>
          <dt>{t('programmes.versions')}</dt>
          <dd>
            <Link to={`/programmes/versions/${v.replaces.id}`}>
              {t('programmes.replaces', { title: v.replaces.title })}
            </Link>
            {' · '}
            <Link to={`/programmes/compare?from=${v.replaces.id}&to=${v.id}`}>{t('programmes.compareTitle')}</Link>
          </dd>
        </div>
      )}
      {v.replaced_by.map((r) => (
        <div key={r.id}>
          <dt>{t('programmes.versions')}</dt>
          <dd>
            <Link to={`/programmes/versions/${r.id}`}>{t('programmes.replacedBy', { title: r.title })}</Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}
