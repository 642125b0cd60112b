import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LawDocumentKindSchema, type LawDocumentKind } from '../../../domain/law-documents.js';
import { lawDocumentEndpoints as api } from '../../api/law-document-endpoints.js';
import { NotFound, QueryState, useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { useArea } from '../areas/use-areas.js';
import { canWriteLawDocuments, useLawDocumentChange, useLawDocuments } from './use-law-documents.js';
import './law-documents.css';

/**
 * The law's documents of a district (route 'districts/:id/law-documents', the district's area) or of the
 * whole city ('law-documents'): every version the reader may see, and for its coordinators a button per
 * document that drafts a new version from the data as it is now.
 */
export function LawDocumentsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const session = useSession();
  const area = useArea(id);
  const districtId = id ? (area.data?.owner_unit?.id ?? null) : null;
  const ready = !id || area.data !== undefined;
  const docs = useLawDocuments(districtId, ready && !session.isPending ? Boolean(session.data) : undefined);
  const scope = id ? area.data?.name : t('lawDocuments.city');
  const heading = scope ? `${t('lawDocuments.title')} – ${scope}` : t('lawDocuments.title');
  useDocumentTitle(heading);
  // An area that no district committee owns (a neighbourhood) has no documents of its own.
  const notADistrict = area.data !== undefined && districtId === null;
  const writes = canWriteLawDocuments(session.data, districtId) && (!id || districtId !== null);
  const [error, setError] = useState<string | null>(null);
  const generate = useLawDocumentChange((kind: LawDocumentKind) => api.generate({ kind, district_id: districtId }));
  const draft = async (kind: LawDocumentKind) => {
    try {
      const doc = await generate.mutateAsync(kind);
      navigate(`/law-documents/${doc.id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="page law-documents">
      <p className="breadcrumb">
        <Link to={id ? `/districts/${id}` : '/programmes'}>← {id ? t('situation.back') : t('programmes.title')}</Link>
      </p>
      <h1>{heading}</h1>
      <p className="lead">{t('lawDocuments.intro')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {notADistrict ? (
        <NotFound />
      ) : (
        <QueryState
          isPending={docs.isPending}
          error={(id ? area.error : null) ?? docs.error}
          onRetry={() => void (area.error ? area.refetch() : docs.refetch())}
        >
          {LawDocumentKindSchema.options.map((kind) => {
            const versions = (docs.data ?? []).filter((d) => d.kind === kind);
            return (
              <section key={kind} className="law-kind" aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>{t(`lawDocuments.kind.${kind}`)}</h2>
                <p className="muted">{t(`lawDocuments.about.${kind}`)}</p>
                {versions.length === 0 ? (
                  <p>{t('lawDocuments.none')}</p>
                ) : (
                  <ul className="law-versions">
                    {versions.map((v) => (
                      <li key={v.id}>
                        <Link to={`/law-documents/${v.id}`}>{t('lawDocuments.version', { n: v.version })}</Link>{' '}
                        <span className={`programme-status status-${v.status}`}>
                          {t(`lawDocuments.status.${v.status}`)}
                        </span>{' '}
                        <span className="muted">
                          {v.decision_ref && v.adopted_on
                            ? t('lawDocuments.decision', { ref: v.decision_ref, day: format.day(v.adopted_on) })
                            : t('lawDocuments.created', { day: format.dateTime(v.created_at) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {writes && (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-disabled={generate.isPending}
                    onClick={() => !generate.isPending && void draft(kind)}
                  >
                    {t(`lawDocuments.generate.${kind}`)}
                  </button>
                )}
              </section>
            );
          })}
        </QueryState>
      )}
    </div>
  );
}
