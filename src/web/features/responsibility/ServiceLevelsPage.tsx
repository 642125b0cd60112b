import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ServiceLevel } from '../../../domain/responsibility.js';
import type { ComplianceRow } from '../../../domain/responsibility.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { useUnitOptions } from '../views/use-reports.js';
import { LevelForm } from './LevelForm.js';
import { useCompliance, useServiceLevels } from './use-responsibility.js';
import '../programme/programme.css';
import '../views/reports.css';
import './responsibility.css';

/** "Servicenivåer": the response rule per category (admins set them) and how well each unit keeps them. */
export function ServiceLevelsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = allows(session.data, 'programme:read');
  const levels = useServiceLevels(allowed);
  useDocumentTitle(t('serviceLevels.title'));
  return (
    <div className="page programme-page responsibility-page">
      <h1>{t('serviceLevels.title')}</h1>
      <p className="lead">{t('serviceLevels.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <p className="card-links">
            <Link to="/responsibility">{t('serviceLevels.matrixLink')}</Link>
          </p>
          <section className="section" aria-labelledby="levels-heading">
            <h2 id="levels-heading">{t('serviceLevels.rulesTitle')}</h2>
            <QueryState isPending={levels.isPending} error={levels.error} onRetry={() => void levels.refetch()}>
              {levels.data && <Levels levels={levels.data} admin={allows(session.data, 'responsibility:manage')} />}
            </QueryState>
          </section>
          <Compliance />
        </>
      )}
    </div>
  );
}

function Levels({ levels, admin }: { levels: readonly ServiceLevel[]; admin: boolean }) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  // The row's "Ändra" starts the form below afresh with its category (each click a new form, so a new focus).
  const [picked, setPicked] = useState<{ category: string; at: number } | null>(null);
  const sorted = [...levels].sort((a, b) => categoryLabel(a.category).localeCompare(categoryLabel(b.category), 'sv'));
  return (
    <>
      {!admin && <p className="notice notice-info">{t('serviceLevels.readOnly')}</p>}
      {sorted.length === 0 ? (
        <p className="empty">{t('serviceLevels.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table service-levels">
            <caption>{t('serviceLevels.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('serviceLevels.category')}</th>
                <th scope="col" className="numeric">
                  {t('serviceLevels.time')}
                </th>
                <th scope="col">{t('serviceLevels.rule')}</th>
                {admin && <th scope="col">{t('serviceLevels.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((l) => (
                <tr key={l.category}>
                  <th scope="row">{categoryLabel(l.category)}</th>
                  <td className="numeric nowrap">{t('serviceLevels.hours', { count: l.hours })}</td>
                  <td className="description">{l.rule}</td>
                  {admin && (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => setPicked({ category: l.category, at: Date.now() })}
                      >
                        {t('serviceLevels.edit')}
                        <span className="visually-hidden">: {categoryLabel(l.category)}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && <LevelForm key={picked?.at ?? 0} levels={levels} picked={picked?.category ?? null} />}
    </>
  );
}

/** Per unit and category: closed, closed in time and the share, as numbers; open and late ones beside them. */
function Compliance() {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const units = useUnitOptions();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit_id') ?? '';
  const [chosen, setChosen] = useState(unitId);
  useEffect(() => setChosen(unitId), [unitId]);
  const compliance = useCompliance(unitId || undefined);
  const unitName = units.find((u) => u.id === unitId)?.name;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(chosen ? { unit_id: chosen } : {});
  };
  const share = (r: ComplianceRow) =>
    r.share === null ? (
      <span className="muted">{t('serviceLevels.compliance.noClosed')}</span>
    ) : (
      t('serviceLevels.compliance.percent', { value: format.number(Math.round(r.share * 1000) / 10) })
    );

  return (
    <section className="section" aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">{t('serviceLevels.compliance.title')}</h2>
      <p>{t('serviceLevels.compliance.intro')}</p>
      <form className="scope-form filters" onSubmit={submit} aria-label={t('serviceLevels.compliance.unit')}>
        <div className="field">
          <label htmlFor="compliance-unit">{t('serviceLevels.compliance.unit')}</label>
          <select id="compliance-unit" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('serviceLevels.compliance.all')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field scope-submit">
          <button type="submit" className="button button-secondary">
            {t('serviceLevels.compliance.show')}
          </button>
        </div>
      </form>
      <QueryState isPending={compliance.isPending} error={compliance.error} onRetry={() => void compliance.refetch()}>
        {compliance.data &&
          (compliance.data.length === 0 ? (
            <p className="empty">{t('serviceLevels.compliance.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table compliance">
                <caption>
                  {unitId && unitName
                    ? t('serviceLevels.compliance.captionFor', { unit: unitName })
                    : t('serviceLevels.compliance.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('serviceLevels.compliance.unit')}</th>
                    <th scope="col">{t('serviceLevels.category')}</th>
                    <th scope="col" className="numeric">
                      {t('serviceLevels.compliance.level')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('serviceLevels.compliance.closed')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('serviceLevels.compliance.within')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('serviceLevels.compliance.share')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('serviceLevels.compliance.openLate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {compliance.data.map((r) => (
                    <tr key={`${r.unit_id}|${r.category}`}>
                      <th scope="row">{units.find((u) => u.id === r.unit_id)?.name ?? r.unit_name}</th>
                      <td>{categoryLabel(r.category)}</td>
                      <td className="numeric nowrap">{t('serviceLevels.hours', { count: r.hours })}</td>
                      <td className="numeric">{format.number(r.closed)}</td>
                      <td className="numeric">{format.number(r.within)}</td>
                      <td className="numeric nowrap">{share(r)}</td>
                      <td className="numeric">{format.number(r.open_late)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </QueryState>
    </section>
  );
}
