import { useTranslation } from 'react-i18next';
import type { PublicFollowup as Followup } from '../../../domain/reporting.js';
import { QueryState } from '../../components/QueryState.js';
import { useFormat } from '../../components/use-format.js';
import { DataTable } from '../../components/DataTable.js';
import { useIndicatorCells } from '../reporting/FigureTables.js';
import { usePublicFollowup } from './use-programmes.js';

/**
 * How the adopted programme is going, as the public reads it: per goal the indicators against baseline and target
 * and the measures' status, from the units' submitted follow-ups of the latest closed period (no unit's text).
 */
export function PublicFollowup({ versionId, enabled }: { versionId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const followup = usePublicFollowup(versionId, enabled);
  if (!enabled) return null;
  return (
    <section aria-labelledby="public-followup" className="section">
      <h2 id="public-followup">{t('programmes.followup.title')}</h2>
      <QueryState isPending={followup.isPending} error={followup.error} onRetry={() => void followup.refetch()}>
        {followup.data && <FollowupBody followup={followup.data} />}
      </QueryState>
    </section>
  );
}

function FollowupBody({ followup }: { followup: Followup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cells = useIndicatorCells();
  const f = (k: string, o?: Record<string, unknown>) => t(`programmes.followup.${k}`, o ?? {});
  const r = (k: string) => t(`reporting.followup.${k}`);
  const { period } = followup;
  if (!period) return <p>{f('none')}</p>;
  const name =
    period.tertial === null
      ? t('reporting.periodName.year', { year: period.year })
      : t('reporting.periodName.tertial', { tertial: period.tertial, year: period.year });
  return (
    <>
      <p>
        {f('intro', {
          period: name,
          from: format.day(period.from),
          to: format.day(period.to),
          reported: followup.units.reported,
          total: followup.units.total,
        })}
      </p>
      {followup.goals.map((g) => {
        const id = `followup-${g.number.replace(/\W/g, '-')}`;
        return (
          <div key={g.number} className="followup-goal">
            <h3 id={id}>
              <span className="section-number">{g.number}</span>
              {g.heading ?? f('goal')}
            </h3>
            {g.indicators.length ? (
              <DataTable
                id={`${id}-indicators`}
                caption={f('indicators', { goal: g.number })}
                head={[
                  t('programmes.colWhere'),
                  t('reporting.colUnit'),
                  r('colBaseline'),
                  r('colValue'),
                  r('colTarget'),
                  r('colOutcome'),
                  r('colTargetMet'),
                ]}
                rows={g.indicators.map((i) => [i.where, i.unit, ...cells(i)])}
              />
            ) : (
              <p className="empty">{f('noIndicators')}</p>
            )}
            {g.measures.length ? (
              <DataTable
                id={`${id}-measures`}
                caption={f('measures', { goal: g.number })}
                head={[t('reporting.colUnit'), r('colType'), r('colStatus')]}
                rows={g.measures.map((m) => [
                  m.unit,
                  t(`programme.measureTypes.${m.type}`),
                  t(`programme.measureStatus.${m.status}`),
                ])}
              />
            ) : (
              <p className="empty">{f('noMeasures')}</p>
            )}
          </div>
        );
      })}
    </>
  );
}
