import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';

/**
 * The way into consultations from the programme pages: the office to a version's rounds (when a version
 * is given), a consulted unit's editors and coordinators to the consultations they are to answer.
 */
export function ConsultationLinks({ versionId }: { versionId?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const manages = versionId !== undefined && allows(session.data, 'programmes:manage');
  const responds = allows(session.data, 'consultations:respond');
  if (!manages && !responds) return null;
  return (
    <nav aria-label={t('consultations.section')} className="consultation-links">
      <h2>{t('consultations.section')}</h2>
      <ul>
        {manages && (
          <li>
            <Link to={`/programmes/versions/${versionId}/consultation`}>{t('consultations.open')}</Link>
          </li>
        )}
        {responds && (
          <li>
            <Link to="/programmes/responses">{t('consultations.mineTitle')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
