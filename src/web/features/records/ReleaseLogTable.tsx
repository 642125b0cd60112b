import { useTranslation } from 'react-i18next';
import { OSL_GROUNDS } from '../../../domain/osl-grounds.js';
import type { RecordsRelease } from '../../../domain/records.js';
import { useFormat } from '../../components/use-format.js';

/** What a release masked: how many records, and which fields (the same names for every record of a type). */
function Masked({ masked }: { masked: RecordsRelease['masked'] }) {
  const { t } = useTranslation();
  if (masked.length === 0) return <>{t('records.maskedNone')}</>;
  const fields = [...new Set(masked.flatMap((m) => m.fields))].join(', ');
  return <>{t('records.masked', { count: masked.length, fields })}</>;
}

/** Who reviewed the release and when, and how many passages were masked under which ground. */
function Reviewed({ review }: { review: NonNullable<RecordsRelease['review']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const grounds = review.masks
    .map((m) => `${OSL_GROUNDS.find((g) => g.code === m.ground)?.ref ?? m.ground}: ${format.number(m.count)}`)
    .join('; ');
  return (
    <>
      {review.reviewed_by.join(', ')}, <time dateTime={review.reviewed_at}>{format.timestamp(review.reviewed_at)}</time>
      {grounds ? ` – ${t('records.reviewMasks', { grounds })}` : ''}
    </>
  );
}

/** The release log, newest first: when, who, reference, recipient, what and how much, and what was masked. */
export function ReleaseLogTable({ releases }: { releases: readonly RecordsRelease[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-labelledby="release-log-caption" tabIndex={0}>
      <table className="data-table release-log">
        <caption id="release-log-caption">{t('records.logCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('records.colWhen')}</th>
            <th scope="col">{t('records.colWho')}</th>
            <th scope="col">{t('records.colRef')}</th>
            <th scope="col">{t('records.colRecipient')}</th>
            <th scope="col">{t('records.colType')}</th>
            <th scope="col" className="numeric">
              {t('records.colCount')}
            </th>
            <th scope="col">{t('records.colFormat')}</th>
            <th scope="col">{t('records.colMasked')}</th>
            <th scope="col">{t('records.colReviewed')}</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.id} data-release-id={r.id}>
              <td className="nowrap">
                <time dateTime={r.released_at}>{format.timestamp(r.released_at)}</time>
              </td>
              <td className="actor">{r.released_by}</td>
              <td>{r.request_ref}</td>
              <td>{r.recipient}</td>
              <td>{t(`records.types.${r.record_type}`)}</td>
              <td className="numeric">{format.number(r.record_ids.length)}</td>
              <td>{t(`records.formats.${r.format}`)}</td>
              <td className="masked-cell">
                <Masked masked={r.masked} />
              </td>
              <td className="actor">{r.review ? <Reviewed review={r.review} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
