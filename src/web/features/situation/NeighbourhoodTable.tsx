import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RatingLevel, SituationReport } from '../../../domain/situation.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormat } from '../../components/use-format.js';
import { SvText } from '../../components/SvText.js';
import { ChangeCell, RATING_LEVELS, RatingBadge, RatingReasons, useRatingLabel } from './Rating.js';
import { useConfirmRatings } from './use-situation.js';

export function NeighbourhoodTable({
  areaId,
  report,
  canWrite,
}: {
  areaId: string | undefined;
  report: SituationReport;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ratingLabel = useRatingLabel();
  const errorText = useErrorText();
  const confirm = useConfirmRatings(areaId);
  const initial = useMemo(
    () =>
      Object.fromEntries(
        report.neighbourhoods.map((n) => [n.code, n.rating.confirmed?.level ?? n.rating.proposed]),
      ) as Record<string, RatingLevel>,
    [report],
  );
  const [levels, setLevels] = useState(initial);
  useEffect(() => setLevels(initial), [initial]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (confirm.isPending) return;
    confirm.mutate({
      week: report.week,
      ratings: report.neighbourhoods.map((n) => ({
        neighbourhood_code: n.code,
        level: levels[n.code] ?? n.rating.proposed,
      })),
    });
  };

  return (
    <section className="section" aria-labelledby="sit-nb-heading">
      <h2 id="sit-nb-heading">{t('situation.neighbourhoods')}</h2>
      <form onSubmit={submit}>
        <div className="table-wrap" role="region" aria-labelledby="sit-nb-caption" tabIndex={0}>
          <table className="data-table neighbourhood-table">
            <caption id="sit-nb-caption">{t('situation.neighbourhoodsCaption', { week: report.week })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.colName')}</th>
                <th scope="col">{t('situation.colCount')}</th>
                <th scope="col">{t('situation.colPrev')}</th>
                <th scope="col">{t('situation.colYear')}</th>
                <th scope="col">{t('situation.colRate')}</th>
                <th scope="col">{t('situation.colProposed')}</th>
                <th scope="col">{t('situation.colConfirmed')}</th>
              </tr>
            </thead>
            <tbody>
              {report.neighbourhoods.map((n) => (
                <tr key={n.code}>
                  <th scope="row">
                    <SvText>{n.name}</SvText>
                  </th>
                  <td>{n.count}</td>
                  <td>
                    <ChangeCell count={n.count} change={n.vs_previous_week} />
                  </td>
                  <td>
                    <ChangeCell count={n.count} change={n.vs_last_year} />
                  </td>
                  <td>{n.rate_per_1000 ? format.number(n.rate_per_1000.rate) : '–'}</td>
                  <td>
                    <RatingBadge level={n.rating.proposed} />
                    <RatingReasons reasons={n.rating.reasons} name={n.name} />
                  </td>
                  <td>
                    {canWrite ? (
                      <select
                        aria-label={t('situation.confirmFor', { name: n.name })}
                        value={levels[n.code] ?? n.rating.proposed}
                        onChange={(e) => setLevels({ ...levels, [n.code]: Number(e.target.value) as RatingLevel })}
                      >
                        {RATING_LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {ratingLabel(l)}
                          </option>
                        ))}
                      </select>
                    ) : n.rating.confirmed ? (
                      <>
                        <RatingBadge level={n.rating.confirmed.level} />
                        {/* Who confirmed it and when, and why when they said so: the record the meeting reads. */}
                        <span className="rating-confirmed muted">
                          {t('situation.confirmedWhen', {
                            at: format.dateTime(n.rating.confirmed.at),
                            by: n.rating.confirmed.by,
                          })}
                          {n.rating.confirmed.comment ? `: ${n.rating.confirmed.comment}` : ''}
                        </span>
                      </>
                    ) : (
                      <span className="muted">{t('situation.notConfirmed')}</span>
                    )}
                    {canWrite && n.rating.confirmed && <span className="muted"> ({t('situation.confirmedBy')})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('situation.significantMarker')}</p>
        {canWrite && report.neighbourhoods.length > 0 && (
          <div className="button-row">
            <SubmitButton variant="secondary" pending={confirm.isPending} pendingLabel={t('programme.saving')}>
              {t('situation.confirm')}
            </SubmitButton>
          </div>
        )}
        <div role="status">
          {confirm.isSuccess && <p className="notice notice-success">{t('situation.confirmed')}</p>}
        </div>
        {confirm.error && (
          <p className="notice notice-error" role="alert">
            {errorText(confirm.error)}
          </p>
        )}
      </form>
    </section>
  );
}
