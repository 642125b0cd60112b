import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../../domain/incidents.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';
import { useArea } from '../areas/use-areas.js';

/** Shown after a successful report: reference number, what was stored, and where it appears. */
export function ReportConfirmation({ incident, onAnother }: { incident: Incident; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const district = useArea(incident.district_id ?? undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" ref={headingRef} tabIndex={-1}>
        {t('report.done.title')}
      </h2>
      <dl className="facts facts-stacked">
        <div>
          <dt>{t('report.done.id')}</dt>
          <dd>
            <code data-testid="incident-id">{incident.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('incidents.colCategory')}</dt>
          <dd>{categoryLabel(incident.category)}</dd>
        </div>
        <div>
          <dt>{t('incidents.colTime')}</dt>
          <dd>{format.dateTime(incident.occurred_at)}</dd>
        </div>
        {incident.description && (
          <div>
            <dt>{t('report.done.stored')}</dt>
            <dd className="description">{incident.description}</dd>
          </div>
        )}
      </dl>
      {incident.redaction_count > 0 && (
        <p className="notice notice-info">{t('report.done.redacted', { count: incident.redaction_count })}</p>
      )}
      {district.data && (
        <p>
          {t('report.done.district', { name: district.data.name })}{' '}
          <Link to={`/districts/${district.data.id}`} className="district-link">
            {t('report.done.districtLink', { name: district.data.name })}
          </Link>
        </p>
      )}
      <p>
        <Link to={`/incidents/${incident.id}`} className="incident-detail-link">
          {t('incident.view')}
        </Link>
      </p>
      <button type="button" className="button button-secondary" onClick={onAnother}>
        {t('report.done.another')}
      </button>
    </section>
  );
}
