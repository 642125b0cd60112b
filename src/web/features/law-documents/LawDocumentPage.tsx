import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LawDocumentVersion } from '../../../domain/law-documents.js';
import { lawDocumentEndpoints as api } from '../../api/law-document-endpoints.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { useDataLang } from '../../components/SvText.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useSession } from '../auth/use-session.js';
import { AdoptForm } from './AdoptForm.js';
import { canWriteLawDocuments, useLawDocument, useLawDocumentChange, useLawDocuments } from './use-law-documents.js';
import './law-documents.css';

/** One version of a law document: its facts, PDF, the other versions, the numbered sections, edit mode and adoption. */
export function LawDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const doc = useLawDocument(id);
  useDocumentTitle(doc.data?.title ?? t('lawDocuments.title'));
  return (
    <div className="page law-documents">
      <QueryState isPending={doc.isPending} error={doc.error} onRetry={() => void doc.refetch()}>
        {doc.data && <LawDocument key={doc.data.id} doc={doc.data} />}
      </QueryState>
    </div>
  );
}

function LawDocument({ doc }: { doc: LawDocumentVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const writes = canWriteLawDocuments(session.data, doc.district?.id ?? null);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/law-documents">← {t('lawDocuments.title')}</Link>
      </p>
      <h1>{doc.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('lawDocuments.colVersion')}</dt>
          <dd>
            {t('lawDocuments.version', { n: doc.version })}
            {doc.based_on !== null && ` (${t('lawDocuments.basedOn', { n: doc.based_on })})`}
          </dd>
        </div>
        <div>
          <dt>{t('lawDocuments.colStatus')}</dt>
          <dd>
            <span className={`programme-status status-${doc.status}`}>{t(`lawDocuments.status.${doc.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('lawDocuments.colDecision')}</dt>
          <dd>
            {doc.decision_ref && doc.adopted_on
              ? t('lawDocuments.decision', { ref: doc.decision_ref, day: format.day(doc.adopted_on) })
              : t('lawDocuments.noDecision')}
          </dd>
        </div>
        <div>
          <dt>{t('lawDocuments.colCreated')}</dt>
          <dd>{t('lawDocuments.createdBy', { who: doc.created_by, day: format.dateTime(doc.created_at) })}</dd>
        </div>
      </dl>
      <p className="law-actions">
        <a className="button button-secondary" href={api.pdfUrl(doc.id)}>
          {t('lawDocuments.pdf')}
        </a>
        {writes && !editing && (
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('lawDocuments.edit')}
          </button>
        )}
      </p>
      {editing ? <SectionsEditor doc={doc} onCancel={() => setEditing(false)} /> : <Sections doc={doc} />}
      {writes && doc.status === 'draft' && !editing && <AdoptForm doc={doc} />}
      <Versions doc={doc} />
    </>
  );
}

/** The document's text is Swedish whatever the interface language, and is marked so for screen readers. */
function Sections({ doc }: { doc: LawDocumentVersion }) {
  const lang = useDataLang();
  return (
    <div {...lang}>
      {doc.sections.map((s) => (
        <section key={s.position} className="law-section" aria-labelledby={`section-${s.number}`}>
          <h2 id={`section-${s.number}`}>
            {s.number}. {s.heading}
          </h2>
          <p className="law-section-body">{s.body}</p>
          {s.figures && (
            <DataTable
              id={`section-${s.number}-figures`}
              caption={s.figures.caption}
              head={s.figures.columns.map((c) => c.title)}
              rows={s.figures.rows}
              numeric={s.figures.columns.map((c) => c.numeric)}
            />
          )}
        </section>
      ))}
    </div>
  );
}

/** Every section as a text box; saving keeps this version and makes a new draft of the changed ones. */
function SectionsEditor({ doc, onCancel }: { doc: LawDocumentVersion; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [bodies, setBodies] = useState(() => doc.sections.map((s) => s.body));
  const [error, setError] = useState<string | null>(null);
  const save = useLawDocumentChange(() =>
    api.revise(doc.id, {
      sections: doc.sections
        .filter((s, i) => bodies[i] !== s.body)
        .map((s) => ({ position: s.position, body: bodies[s.position] ?? s.body })),
    }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    if (bodies.every((b, i) => b === doc.sections[i]?.body)) return onCancel();
    try {
      const next = await save.mutateAsync(undefined);
      navigate(`/law-documents/${next.id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('lawDocuments.editHint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {doc.sections.map((s, i) => (
        <div key={s.position} className="field law-section">
          <label htmlFor={`body-${s.position}`}>
            {s.number}. {s.heading}
          </label>
          <textarea
            id={`body-${s.position}`}
            value={bodies[i]}
            onChange={(e) => setBodies((b) => b.map((x, j) => (j === i ? e.target.value : x)))}
          />
        </div>
      ))}
      <p className="law-actions">
        <SubmitButton pending={save.isPending} pendingLabel={t('lawDocuments.saving')}>
          {t('lawDocuments.save')}
        </SubmitButton>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('lawDocuments.cancel')}
        </button>
      </p>
    </form>
  );
}

/** The document's other versions, newest first, as the reader may see them. */
function Versions({ doc }: { doc: LawDocumentVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const list = useLawDocuments(doc.district?.id ?? null, session.isPending ? undefined : Boolean(session.data));
  const versions = (list.data ?? []).filter((v) => v.kind === doc.kind);
  if (versions.length < 2) return null;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('lawDocuments.versions')}</h2>
      <ul className="law-versions">
        {versions.map((v) => (
          <li key={v.id}>
            {v.id === doc.id ? (
              <strong>{t('lawDocuments.version', { n: v.version })}</strong>
            ) : (
              <Link to={`/law-documents/${v.id}`}>{t('lawDocuments.version', { n: v.version })}</Link>
            )}{' '}
            <span className={`programme-status status-${v.status}`}>{t(`lawDocuments.status.${v.status}`)}</span>{' '}
            <span className="muted">
              {t('lawDocuments.createdBy', { who: v.created_by, day: format.dateTime(v.created_at) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
