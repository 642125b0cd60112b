import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../domain/walks.js';
import { CHECKLIST_SETTINGS } from '../../../domain/walks.js';
import { useCategories, useCategoryLabel } from '../../api/use-reference-data.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { Field } from '../../forms/Field.js';
import { useChecklist } from './use-walks.js';
import './walks.css';

/** The organisation's walk checklist: reword items, take them out of use or back, and add new ones. */
export function WalkChecklistPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const checklist = useChecklist();
  const categories = useCategories();
  const categoryLabel = useCategoryLabel();
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState({ code: '', label: '', label_en: '', setting: 'outdoor', category: '' });
  useDocumentTitle(t('walks.checklist.title'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['walks', 'checklist'] });
  const toggle = useMutation({
    mutationFn: (item: ChecklistItem) => api.updateChecklistItem(item.id, { active: !item.active }),
    onSuccess: async (item) => {
      setMessage(t('walks.checklist.changed', { label: item.label }));
      await refresh();
    },
  });
  // The edit names the version it was made from: someone else's change in between is refused, not overwritten.
  const [editing, setEditing] = useState<{ item: ChecklistItem; label: string; label_en: string } | null>(null);
  const reword = useMutation({
    mutationFn: (e: NonNullable<typeof editing>) =>
      api.updateChecklistItem(e.item.id, { label: e.label, label_en: e.label_en }, e.item.version),
    onSuccess: async (item) => {
      setEditing(null);
      setMessage(t('walks.checklist.changed', { label: item.label }));
      await refresh();
    },
  });
  const add = useMutation({
    mutationFn: () =>
      api.createChecklistItem({
        code: draft.code,
        label: draft.label,
        label_en: draft.label_en,
        setting: draft.setting as ChecklistItem['setting'],
        category: draft.category || null,
      }),
    onSuccess: async (item) => {
      setMessage(t('walks.checklist.added', { label: item.label }));
      setDraft({ code: '', label: '', label_en: '', setting: 'outdoor', category: '' });
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    add.mutate();
  };
  const error = toggle.error ?? add.error ?? reword.error;
  return (
    <div className="page walk-checklist">
      <h1>{t('walks.checklist.title')}</h1>
      <p className="lead">{t('walks.checklist.intro')}</p>
      <StatusMessage message={message} />
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <QueryState isPending={checklist.isPending} error={checklist.error} onRetry={() => void checklist.refetch()}>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('walks.checklist.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('walks.checklist.label')}</th>
                <th scope="col">{t('walks.checklist.setting')}</th>
                <th scope="col">{t('walks.checklist.category')}</th>
                <th scope="col">{t('walks.checklist.active')}</th>
              </tr>
            </thead>
            <tbody>
              {checklist.data?.items.map((item) => (
                <Fragment key={item.id}>
                  <tr className={item.active ? undefined : 'muted'}>
                    <th scope="row">{i18n.language === 'en' ? item.label_en : item.label}</th>
                    <td>{t(`walks.setting.${item.setting}`)}</td>
                    <td>{item.category ? categoryLabel(item.category) : t('walks.checklist.categoryNone')}</td>
                    <td>
                      {item.active ? t('walks.checklist.active') : t('walks.checklist.inactive')}{' '}
                      <button type="button" className="button button-secondary" onClick={() => toggle.mutate(item)}>
                        {item.active ? t('walks.checklist.retire') : t('walks.checklist.restore')}
                        <span className="visually-hidden">: {item.label}</span>
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-expanded={editing?.item.id === item.id}
                        onClick={() => {
                          reword.reset();
                          setEditing({ item, label: item.label, label_en: item.label_en });
                        }}
                      >
                        {t('walks.checklist.edit')}
                        <span className="visually-hidden">: {item.label}</span>
                      </button>
                    </td>
                  </tr>
                  {editing?.item.id === item.id && (
                    <tr>
                      <td colSpan={4}>
                        <form
                          className="walk-checklist-edit"
                          onSubmit={(e) => {
                            e.preventDefault();
                            setMessage(null);
                            reword.mutate(editing);
                          }}
                        >
                          <Field id="edit-label" label={t('walks.checklist.label')} required>
                            {(aria) => (
                              <input
                                {...aria}
                                required
                                maxLength={120}
                                value={editing.label}
                                onChange={(e) => setEditing({ ...editing, label: e.target.value })}
                              />
                            )}
                          </Field>
                          <Field id="edit-label-en" label={t('walks.checklist.labelEn')} required>
                            {(aria) => (
                              <input
                                {...aria}
                                required
                                maxLength={120}
                                value={editing.label_en}
                                onChange={(e) => setEditing({ ...editing, label_en: e.target.value })}
                              />
                            )}
                          </Field>
                          <p className="hint">{t('walks.checklist.editHint')}</p>
                          <p className="walk-actions">
                            <button type="submit" className="button" disabled={reword.isPending}>
                              {t('walks.checklist.saveEdit')}
                            </button>
                            <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                              {t('walks.checklist.cancelEdit')}
                            </button>
                          </p>
                        </form>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <section aria-labelledby="checklist-add">
        <h2 id="checklist-add">{t('walks.checklist.add')}</h2>
        <form className="walk-plan-form" onSubmit={submit}>
          <Field id="item-label" label={t('walks.checklist.label')} required>
            {(aria) => (
              <input
                {...aria}
                required
                value={draft.label}
                onChange={(e) => setDraft({ ...draft, label: e.target.value })}
              />
            )}
          </Field>
          <Field id="item-label-en" label={t('walks.checklist.labelEn')} required>
            {(aria) => (
              <input
                {...aria}
                required
                value={draft.label_en}
                onChange={(e) => setDraft({ ...draft, label_en: e.target.value })}
              />
            )}
          </Field>
          <Field id="item-code" label={t('walks.checklist.code')} hint="a–z, 0–9, _" required>
            {(aria) => (
              <input
                {...aria}
                required
                pattern="[a-z0-9_]{2,60}"
                value={draft.code}
                onChange={(e) => setDraft({ ...draft, code: e.target.value })}
              />
            )}
          </Field>
          <Field id="item-setting" label={t('walks.checklist.setting')}>
            {(aria) => (
              <select {...aria} value={draft.setting} onChange={(e) => setDraft({ ...draft, setting: e.target.value })}>
                {CHECKLIST_SETTINGS.map((s) => (
                  <option key={s} value={s}>
                    {t(`walks.setting.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="item-category" label={t('walks.checklist.category')}>
            {(aria) => (
              <select
                {...aria}
                value={draft.category}
                onChange={(e) => setDraft({ ...draft, category: e.target.value })}
              >
                <option value="">{t('walks.checklist.categoryNone')}</option>
                {categories.data?.map((c) => (
                  <option key={c.code} value={c.code}>
                    {categoryLabel(c.code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={add.isPending}>
            {t('walks.checklist.addSubmit')}
          </button>
        </form>
      </section>
    </div>
  );
}
