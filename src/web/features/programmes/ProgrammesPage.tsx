import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Programme, ProgrammeVersionSummary } from '../../../domain/programmes.js';
import { QueryState } from '../../components/QueryState.js';
import { ConsultationLinks } from '../consultations/ConsultationLinks.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { useProgrammeReader, useProgrammes } from './use-programmes.js';
import './programmes.css';

/** The programmes and their versions; staff see drafts and consultations too, the public adopted versions only. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programmes.title'));
  const { staff } = useProgrammeReader();
  const programmes = useProgrammes();
  const session = useSession();
  return (
    <div className="page programme-doc">
      <h1>{t('programmes.title')}</h1>
      <p className="lead">{t('programmes.intro')}</p>
      {staff === false && <p>{t('programmes.publicIntro')}</p>}
      <ul className="programme-links">
        <li>
          <Link to="/law-documents">{t('lawDocuments.link')}</Link>
        </li>
        {allows(session.data, 'reporting:read') && (
          <li>
            <Link to="/programmes/reporting">{t('reporting.link')}</Link>
          </li>
        )}
      </ul>
      <QueryState isPending={programmes.isPending} error={programmes.error} onRetry={() => void programmes.refetch()}>
        {programmes.data?.length === 0 && <p className="empty">{t('programmes.none')}</p>}
        {programmes.data?.map((p) => (
          <ProgrammeVersions key={p.id} programme={p} />
        ))}
      </QueryState>
      <ConsultationLinks />
    </div>
  );
}

function ProgrammeVersions({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `programme-${programme.id}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{programme.name}</h2>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t('programmes.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programmes.colTitle')}</th>
              <th scope="col">{t('programmes.colPeriod')}</th>
              <th scope="col">{t('programmes.colStatus')}</th>
              <th scope="col">{t('programmes.colDecision')}</th>
            </tr>
          </thead>
          <tbody>
            {programme.versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`/programmes/versions/${v.id}`}>{v.title}</Link>
                </th>
                <td>{t('programmes.period', { from: v.period_from, to: v.period_to })}</td>
                <td>
                  <span className={`programme-status status-${v.status}`}>{t(`programmes.status.${v.status}`)}</span>
                </td>
                <td>
                  {v.decision_ref && v.adopted_on
                    ? t('programmes.decision', { ref: v.decision_ref, day: format.day(v.adopted_on) })
                    : t('programmes.noDecision')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {programme.versions.length > 1 && <CompareForm versions={programme.versions} idPrefix={headingId} />}
    </section>
  );
}

/** Picks two versions to compare; the older one defaults to what the newest replaces. */
export function CompareForm({
  versions,
  idPrefix,
  initial,
  level = 3,
}: {
  versions: readonly ProgrammeVersionSummary[];
  idPrefix: string;
  initial?: { from: string; to: string };
  /** The heading's level where the form stands: under a programme's h2, or right under the page's h1. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const newest = versions[0]!;
  const [from, setFrom] = useState(initial?.from ?? newest.replaces?.id ?? versions[1]!.id);
  const [to, setTo] = useState(initial?.to ?? newest.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/programmes/compare?from=${from}&to=${to}`);
  };
  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.title} ({t(`programmes.status.${v.status}`)})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="compare-form" onSubmit={submit} aria-labelledby={`${idPrefix}-compare`}>
      <Heading id={`${idPrefix}-compare`}>{t('programmes.compareTitle')}</Heading>
      <div className="compare-fields">
        {select(`${idPrefix}-from`, t('programmes.compareFrom'), from, setFrom)}
        {select(`${idPrefix}-to`, t('programmes.compareTo'), to, setTo)}
        <button type="submit" className="button button-secondary">
          {t('programmes.compareSubmit')}
        </button>
      </div>
    </form>
  );
}
