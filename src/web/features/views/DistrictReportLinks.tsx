import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session.js';
import { allows } from './access.js';
import './reports.css';

/** From a district's page to its follow-up: quality and annual reports and agreements for staff, the public progress page for all. */
export function DistrictReportLinks({ unitId }: { unitId: string | undefined }) {
  const { t } = useTranslation();
  const me = useSession().data;
  if (!unitId) return null;
  const unit = encodeURIComponent(unitId);
  return (
    <p className="district-report-links">
      {allows(me, 'quality:read') && <Link to={`/quality?scope=district&unit=${unit}`}>{t('quality.link')}</Link>}
      {allows(me, 'quality:read') && <Link to={`/annual?scope=district&unit=${unit}`}>{t('annual.link')}</Link>}
      {me && allows(me, 'programme:read') ? (
        <Link to={`/agreements?district=${unit}`}>{t('agreements.title')}</Link>
      ) : (
        <Link to={`/overenskommelser?district=${unit}`}>{t('publicAgreements.title')}</Link>
      )}
    </p>
  );
}
