import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { SECTION_KIND_ORDER } from '../../../domain/programmes.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { AddSectionForm } from './AddSectionForm.js';
import { SectionEditor } from './SectionEditor.js';
import { StatusForm, VersionFieldsForm } from './VersionForms.js';
import { useProgrammeVersion } from './use-programmes.js';
import './programmes.css';

/** A draft's edit page (admins): title and period, each section, a new section, and the status. */
export function ProgrammeEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const version = useProgrammeVersion(id);
  const v = version.data;
  useDocumentTitle(v ? t('programmes.editTitle', { title: v.title }) : t('programmes.title'));
  return (
    <div className="page programme-doc">
      <p>
        <Link to={`/programmes/versions/${id}`}>{t('programmes.view')}</Link>
      </p>
      <h1>{v ? t('programmes.editTitle', { title: v.title }) : t('programmes.title')}</h1>
      <QueryState isPending={version.isPending} error={version.error} onRetry={() => void version.refetch()}>
        {v && (
          <>
            {v.status !== 'draft' ? (
              <p className="notice">{t('programmes.notDraft', { status: t(`programmes.status.${v.status}`) })}</p>
            ) : (
              <>
                <VersionFieldsForm key={`${v.title}-${v.period_from}-${v.period_to}`} version={v} />
                {SECTION_KIND_ORDER.map((kind, i) => (
                  <section key={kind} aria-labelledby={`edit-chapter-${kind}`}>
                    <h2 id={`edit-chapter-${kind}`}>
                      <span className="section-number">{i + 1}</span>
                      {t(`programmes.chapters.${kind}`)}
                    </h2>
                    <ol className="programme-sections">
                      {v.sections
                        .filter((s) => s.kind === kind)
                        .map((s, at, chapter) => (
                          // Keyed by id alone: a move or a removal renumbers sections without losing unsaved text.
                          <SectionEditor key={s.id} section={s} canUp={at > 0} canDown={at < chapter.length - 1} />
                        ))}
                    </ol>
                  </section>
                ))}
                <AddSectionForm version={v} />
              </>
            )}
            <StatusForm version={v} />
          </>
        )}
      </QueryState>
    </div>
  );
}
