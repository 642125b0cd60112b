import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PLACE_TYPES } from '../../../domain/org.js';
import type { ResponsibilityRule } from '../../../domain/responsibility.js';
import { useCategoryLabel, useUnitNames } from '../../api/use-reference-data.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { RuleForm } from './RuleForm.js';
import { useRemoveRule, useRules } from './use-responsibility.js';
import '../programme/programme.css';
import './responsibility.css';

/** "Ansvarsmatris": place type × category → responsible unit, for everyone reading the programme; admins change it. */
export function ResponsibilityPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = allows(session.data, 'programme:read');
  const rules = useRules(allowed);
  useDocumentTitle(t('responsibility.title'));
  return (
    <div className="page programme-page responsibility-page">
      <h1>{t('responsibility.title')}</h1>
      <p className="lead">{t('responsibility.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <p className="card-links">
            <Link to="/service-levels">{t('responsibility.serviceLevelsLink')}</Link>
          </p>
          <QueryState isPending={rules.isPending} error={rules.error} onRetry={() => void rules.refetch()}>
            {rules.data && <Matrix rules={rules.data} admin={allows(session.data, 'responsibility:manage')} />}
          </QueryState>
        </>
      )}
    </div>
  );
}

/** A rule named for people: "Park, Klotter". */
function useRuleName(): (r: Pick<ResponsibilityRule, 'place_type' | 'category'>) => string {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  return (r) =>
    t('responsibility.ruleName', {
      placeType: t(`places.types.${r.place_type}`, { defaultValue: r.place_type }),
      category: r.category ? categoryLabel(r.category) : t('responsibility.allCategories'),
    });
}

function Matrix({ rules, admin }: { rules: readonly ResponsibilityRule[]; admin: boolean }) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const unitNames = useUnitNames();
  const ruleName = useRuleName();
  const errorText = useErrorText();
  const remove = useRemoveRule();
  const [editing, setEditing] = useState<ResponsibilityRule | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [messageRef, focusMessage] = useFocusAfterRender<HTMLParagraphElement>();
  const [formHeadingRef, focusFormHeading] = useFocusAfterRender<HTMLHeadingElement>();
  const [confirmRef, focusConfirm] = useFocusAfterRender<HTMLButtonElement>();
  const table = useRef<HTMLTableElement>(null);
  // After a cancel, the row's button the reader came from, once it is back in the table.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (returnTo) table.current?.querySelector<HTMLButtonElement>(returnTo)?.focus();
  }, [returnTo]);

  const placeLabel = (type: string) => t(`places.types.${type}`, { defaultValue: type });
  // Within a place type, the rule for all categories (the fallback) comes first.
  const sorted = [...rules].sort(
    (a, b) =>
      placeLabel(a.place_type).localeCompare(placeLabel(b.place_type), 'sv') ||
      Number(a.category !== null) - Number(b.category !== null) ||
      categoryLabel(a.category ?? '').localeCompare(categoryLabel(b.category ?? ''), 'sv'),
  );
  // A tenant's own place types stay choosable alongside the known ones.
  const placeTypes = [...new Set<string>([...PLACE_TYPES, ...rules.map((r) => r.place_type)])];

  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
    focusMessage();
  };
  const startEdit = (r: ResponsibilityRule) => {
    setMessage(null);
    setConfirming(null);
    setReturnTo(null);
    setEditing(r);
    focusFormHeading();
  };
  const askRemove = (id: string) => {
    setMessage(null);
    setReturnTo(null);
    setConfirming(id);
    focusConfirm();
  };
  const cancelRemove = (id: string) => {
    setConfirming(null);
    setReturnTo(`[data-remove="${id}"]`);
  };
  const confirmRemove = (r: ResponsibilityRule) => {
    if (remove.isPending) return;
    remove.mutate(r.id, {
      onSuccess: () => {
        setConfirming(null);
        if (editing?.id === r.id) setEditing(null);
        done(t('responsibility.removed', { rule: ruleName(r) }));
      },
    });
  };

  return (
    <>
      {!admin && <p className="notice notice-info">{t('responsibility.readOnly')}</p>}
      <p className="hint">{t('responsibility.streetNote')}</p>
      <StatusMessage ref={messageRef} message={message} />
      {remove.error && !remove.isPending && (
        <p className="notice notice-error" role="alert">
          {errorText(remove.error)}
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="empty">{t('responsibility.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table ref={table} className="data-table responsibility-matrix">
            <caption>{t('responsibility.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('responsibility.placeType')}</th>
                <th scope="col">{t('responsibility.category')}</th>
                <th scope="col">{t('responsibility.responsible')}</th>
                <th scope="col">{t('responsibility.note')}</th>
                {admin && <th scope="col">{t('responsibility.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <th scope="row">{placeLabel(r.place_type)}</th>
                  <td>{r.category ? categoryLabel(r.category) : <em>{t('responsibility.allCategories')}</em>}</td>
                  <td>
                    {r.unit ? (unitNames.get(r.unit.id) ?? r.unit.name) : t(`responsibility.targets.${r.target}`)}
                  </td>
                  <td className="description">{r.note ?? <span className="muted">{t('common.none')}</span>}</td>
                  {admin && (
                    <td className="rule-actions">
                      {confirming === r.id ? (
                        <>
                          <span id={`confirm-${r.id}`} className="confirm-question">
                            {t('responsibility.confirmQuestion', { rule: ruleName(r) })}
                          </span>
                          <button
                            ref={confirmRef}
                            type="button"
                            className="button button-primary button-small"
                            aria-describedby={`confirm-${r.id}`}
                            aria-disabled={remove.isPending || undefined}
                            onClick={() => confirmRemove(r)}
                          >
                            {t('responsibility.confirmRemove')}
                          </button>
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            onClick={() => cancelRemove(r.id)}
                          >
                            {t('responsibility.cancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            data-edit={r.id}
                            onClick={() => startEdit(r)}
                          >
                            {t('responsibility.edit')}
                            <span className="visually-hidden">: {ruleName(r)}</span>
                          </button>
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            data-remove={r.id}
                            onClick={() => askRemove(r.id)}
                          >
                            {t('responsibility.remove')}
                            <span className="visually-hidden">: {ruleName(r)}</span>
                          </button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <section className="section" aria-labelledby="rule-form-heading">
          <h2 id="rule-form-heading" ref={formHeadingRef} tabIndex={-1}>
            {editing ? t('responsibility.editTitle', { rule: ruleName(editing) }) : t('responsibility.addTitle')}
          </h2>
          <RuleForm
            key={editing?.id ?? 'new'}
            rule={editing}
            placeTypes={placeTypes}
            onSaved={(saved) =>
              done(t(editing ? 'responsibility.saved' : 'responsibility.created', { rule: ruleName(saved) }))
            }
            onCancel={() => {
              setReturnTo(`[data-edit="${editing?.id}"]`);
              setEditing(null);
            }}
          />
        </section>
      )}
    </>
  );
}
