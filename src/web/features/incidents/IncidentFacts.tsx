import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incident } from '../../../domain/incidents.js';
import { useCategoryLabel, useNeighbourhoods, useUnitNames } from '../../api/use-reference-data.js';
import { DemoBadge } from '../../components/Badge.js';
import { useFormat } from '../../components/use-format.js';
import { useArea } from '../areas/use-areas.js';
import { usePlace } from '../places/use-places.js';
import { SvText } from '../../components/SvText.js';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Every field of an incident in four groups. `showFreeText` is false for roles the server withholds free text
 * from (analysts): the description is then null for that reason, not because nobody wrote one. A resident's
 * report is named by its receipt code, the reference the reporter also has, instead of the internal id.
 */
export function IncidentFacts({
  incident: i,
  showFreeText,
  receiptCode,
}: {
  incident: Incident;
  showFreeText: boolean;
  receiptCode?: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const neighbourhoods = useNeighbourhoods();
  const unitNames = useUnitNames();
  const district = useArea(i.district_id ?? undefined);
  const place = usePlace(i.place_id ?? undefined);
  const zone = place.data?.zones.find((z) => z.id === i.zone_id);
  const none = t('common.none');

  return (
    <div className="incident-facts">
      <section aria-labelledby="incident-what">
        <h2 id="incident-what">{t('incident.what')}</h2>
        <dl className="facts facts-grid">
          <Fact term={t('incidents.colCategory')}>{categoryLabel(i.category)}</Fact>
          <Fact term={t('incident.occurredAt')}>
            <time dateTime={i.occurred_at}>{format.dateTime(i.occurred_at)}</time>
          </Fact>
          <Fact term={t('incident.reportedAt')}>
            <time dateTime={i.reported_at}>{format.dateTime(i.reported_at)}</time>
          </Fact>
          {receiptCode ? (
            <Fact term={t('resident.staff.receipt')}>
              <code data-testid="incident-receipt">{receiptCode}</code>
            </Fact>
          ) : (
            <Fact term={t('incident.id')}>
              <code data-testid="incident-id">{i.id}</code>
            </Fact>
          )}
          <Fact term={t('incident.precision')}>
            <strong>{t(`incident.precisionLabel.${i.precision}`)}</strong>
            <span className="hint">{t(`incident.precisionHelp.${i.precision}`)}</span>
          </Fact>
          <Fact term={t('incident.position')}>
            {format.coordinate(i.lat)}, {format.coordinate(i.lon)}
          </Fact>
          <Fact term={t('incident.neighbourhood')}>
            {(i.area_id && neighbourhoods.byId.get(i.area_id) && (
              <SvText>{neighbourhoods.byId.get(i.area_id)}</SvText>
            )) ||
              none}
          </Fact>
          <Fact term={t('incident.district')}>
            {district.data ? (
              <Link to={`/districts/${district.data.id}`}>
                <SvText>{district.data.name}</SvText>
              </Link>
            ) : (
              none
            )}
          </Fact>
          <Fact term={t('incident.place')}>
            {i.place_id ? <Link to={`/places/${i.place_id}`}>{place.data?.name ?? t('common.loading')}</Link> : none}
          </Fact>
          {i.place_id && (
            <Fact term={t('incident.zone')}>
              {zone ? (i18n.language === 'en' && zone.name_en) || zone.name : t('incident.wholePlace')}
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="incident-origin">
        <h2 id="incident-origin">{t('incident.origin')}</h2>
        <dl className="facts facts-grid">
          <Fact term={t('incident.source')}>
            {t(`incidents.source.${i.source}`)}
            {i.generated && (
              <>
                {' '}
                <DemoBadge />
              </>
            )}
          </Fact>
          {i.source_ref && (
            <Fact term={t('incident.sourceRef')}>
              <code>{i.source_ref}</code>
            </Fact>
          )}
          <Fact term={t('incident.reportingUnit')}>
            {(i.reporting_unit_id && unitNames.get(i.reporting_unit_id)) || none}
          </Fact>
          <Fact term={t('incident.redaction')}>
            <span data-testid="redaction-count">
              {i.redaction_count > 0
                ? t('incident.redactions', { count: i.redaction_count })
                : t('incident.redactionsNone')}
            </span>
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="incident-description">
        <h2 id="incident-description">{t('incident.description')}</h2>
        {!showFreeText ? (
          <p className="notice notice-info" data-testid="free-text-hidden">
            {t('incident.hiddenForRole')}
          </p>
        ) : i.description ? (
          <p className="description-text">
            <SvText>{i.description}</SvText>
          </p>
        ) : (
          <p className="empty">{t('incident.noDescription')}</p>
        )}
      </section>

      <section aria-labelledby="incident-handling">
        <h2 id="incident-handling">{t('incident.handling')}</h2>
        <dl className="facts facts-grid" data-testid="incident-status">
          <Fact term={t('incident.status')}>
            <span className={`status status-${i.status}`}>{t(`incidents.status.${i.status}`)}</span>
          </Fact>
          {i.closure_reason && (
            <Fact term={t('incident.closureReason')}>{t(`statusForm.closure.${i.closure_reason}`)}</Fact>
          )}
          {i.forwarded_to_unit_id && (
            <Fact term={t('incident.forwardedTo')}>{unitNames.get(i.forwarded_to_unit_id) ?? none}</Fact>
          )}
          {showFreeText && i.status_note && (
            <Fact term={t('incident.statusNote')}>
              <span className="description-text">{i.status_note}</span>
            </Fact>
          )}
        </dl>
      </section>
    </div>
  );
}
