import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { QueryState } from '../../components/QueryState.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useArea } from '../areas/use-areas.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { canReadFreeText, canReadIncidents, canUpdateIncidents, useSession } from '../auth/use-session.js';
import { IncidentAssignmentPanel } from './IncidentAssignmentPanel.js';
import { IncidentFacts } from './IncidentFacts.js';
import { IncidentTierForm } from './IncidentTierForm.js';
import { ResidentPanel } from './ResidentPanel.js';
import { StatusForm } from './StatusForm.js';
import { canWorkIncident } from './tier-form.js';
import { useIncident, useIncidentAssignment } from './use-incidents.js';
import { useResidentSide } from './use-resident.js';

/** One incident for signed-in staff: every field, and the status and confidentiality forms for those who may change them. */
export function IncidentDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const session = useSession();
  const me = session.data;
  const incident = useIncident(id, canReadIncidents(me));
  const assignment = useIncidentAssignment(id, canUpdateIncidents(me));
  const district = useArea(incident.data?.district_id ?? undefined);
  const resident = useResidentSide(id, canReadIncidents(me));
  const works = canWorkIncident(me, {
    assignedUnitId: assignment.data?.unit.id ?? null,
    reportingUnitId: incident.data?.reporting_unit_id ?? null,
    districtUnitId: district.data?.owner_unit_id ?? null,
  });
  // Category, time and district tell one incident's tab from another's (WCAG 2.4.2).
  useDocumentTitle(
    incident.data
      ? titleOf(
          `${categoryLabel(incident.data.category)} ${format.dateTime(incident.data.occurred_at)}`,
          district.data?.name,
          t('incident.title'),
        )
      : t('incident.title'),
  );

  return (
    <div className="page incident-page">
      <p className="breadcrumb">
        <Link to="/">← {t('incident.back')}</Link>
      </p>
      {session.isPending ? (
        <QueryState isPending error={null} />
      ) : !me ? (
        <>
          <h1>{t('incident.title')}</h1>
          <SignInNotice />
        </>
      ) : !canReadIncidents(me) ? (
        <>
          <h1>{t('incident.title')}</h1>
          <p className="notice notice-info">{t('incident.signInNeeded')}</p>
        </>
      ) : (
        <QueryState isPending={incident.isPending} error={incident.error} onRetry={() => void incident.refetch()}>
          {incident.data && (
            <>
              <h1>{categoryLabel(incident.data.category)}</h1>
              <p className="subtitle">
                {t('incident.title')} ·{' '}
                <time dateTime={incident.data.occurred_at}>{format.dateTime(incident.data.occurred_at)}</time>
              </p>
              <div className="incident-layout">
                <div className="incident-main">
                  <IncidentFacts
                    incident={incident.data}
                    showFreeText={canReadFreeText(me)}
                    receiptCode={resident.data?.receipt_code}
                  />
                  {resident.data?.receipt_code && (
                    <ResidentPanel
                      incidentId={incident.data.id}
                      side={resident.data}
                      works={works && canUpdateIncidents(me)}
                    />
                  )}
                </div>
                {canUpdateIncidents(me) && (
                  <div className="incident-forms">
                    {works && <StatusForm incident={incident.data} />}
                    {assignment.isSuccess && (
                      <IncidentAssignmentPanel
                        incidentId={incident.data.id}
                        assignment={assignment.data}
                        works={works}
                      />
                    )}
                    {works && <IncidentTierForm incident={incident.data} />}
                  </div>
                )}
              </div>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
