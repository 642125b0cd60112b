import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useProgrammeVersion } from '../programmes/use-programmes.js';
import { SendConsultationForm } from './SendConsultationForm.js';
import { useConsultationRounds } from './use-consultations.js';
import './consultations.css';

/** A version's consultation (admins): its rounds with how many have answered, and the form to send a draft. */
export function VersionConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const version = useProgrammeVersion(id);
  const rounds = useConsultationRounds(id);
  useDocumentTitle(t('consultations.versionTitle', { title: version.data?.title ?? '' }));
  return (
    <div className="page programme-doc">
      <p>
        <Link to={`/programmes/versions/${id}`}>{t('consultations.back')}</Link>
      </p>
      <h1>{t('consultations.versionTitle', { title: version.data?.title ?? '' })}</h1>
      <QueryState isPending={rounds.isPending} error={rounds.error} onRetry={() => void rounds.refetch()}>
        <h2>{t('consultations.rounds')}</h2>
        {rounds.data?.length ? (
          <ul className="consultation-rounds">
            {rounds.data.map((r) => (
              <li key={r.id}>
                <Link to={`/programmes/consultations/${r.id}`}>
                  {t('consultations.roundLabel', { sent: format.day(r.sent_on), deadline: format.day(r.deadline) })}
                </Link>
                <br />
                {t('consultations.roundCounts', { answered: r.answered, invited: r.invited, overdue: r.overdue })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultations.noRounds')}</p>
        )}
      </QueryState>
      {version.data?.status === 'draft' && <SendConsultationForm versionId={id} />}
    </div>
  );
}
