import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ProgrammeDiff, TextPart } from '../../../domain/programmes.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { CompareForm } from './ProgrammesPage.js';
import { useProgrammeDiff, useProgrammes } from './use-programmes.js';
import './programmes.css';

/**
 * Two versions compared section by section: each section's change in words (not colour alone), the added
 * text underlined and the removed struck through, each run also named for screen readers.
 */
export function ProgrammeComparePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('programmes.diffTitle'));
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const diff = useProgrammeDiff(from, to);
  const programmes = useProgrammes();
  // Without two versions chosen, the form offers the first programme that has two to compare.
  const versions = (
    programmes.data?.find((p) => p.versions.some((v) => v.id === to)) ??
    programmes.data?.find((p) => p.versions.length > 1)
  )?.versions;
  const [onlyChanged, setOnlyChanged] = useState(true);
  return (
    <div className="page programme-doc">
      <p>
        <Link to="/programmes">{t('programmes.back')}</Link>
      </p>
      <h1>{t('programmes.diffTitle')}</h1>
      {versions && versions.length > 1 && (
        <CompareForm
          key={`${from}-${to}`}
          versions={versions}
          idPrefix="compare"
          level={2}
          {...(from && to ? { initial: { from, to } } : {})}
        />
      )}
      {!from || !to ? null : from === to ? (
        <p className="empty">{t('programmes.sameVersion')}</p>
      ) : (
        <QueryState isPending={diff.isPending} error={diff.error} onRetry={() => void diff.refetch()}>
          {diff.data && (
            <>
              <p className="lead">
                {t('programmes.diffIntro', { from: diff.data.from.title, to: diff.data.to.title })}
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
                {t('programmes.diffOnlyChanged')}
              </label>
              <DiffSections diff={diff.data} onlyChanged={onlyChanged} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

function DiffSections({ diff, onlyChanged }: { diff: ProgrammeDiff; onlyChanged: boolean }) {
  const { t } = useTranslation();
  const shown = diff.sections.filter((s) => !onlyChanged || s.change !== 'unchanged');
  if (!shown.length) return <p className="empty">{t('programmes.noChanges')}</p>;
  return (
    <ol className="programme-sections" aria-label={t('programmes.diffTitle')}>
      {shown.map((s) => (
        <li key={s.key} className="diff-section" data-change={s.change}>
          <h2>
            <span className="section-number">{s.number_to ?? s.number_from}</span>
            {t(`programmes.chapters.${s.kind}`)}
          </h2>
          <p>
            <span className="diff-change">{t(`programmes.change.${s.change}`)}</span>
            {s.number_from && s.number_to && s.number_from !== s.number_to && (
              <> · {t('programmes.sectionNumbers', { from: s.number_from, to: s.number_to })}</>
            )}
          </p>
          {s.heading.length > 0 && (
            <h3>
              <Parts parts={s.heading} />
            </h3>
          )}
          <p className="section-body">
            <Parts parts={s.body} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Runs of text; `ins` and `del` with a hidden word say added and removed to screen readers, the styles show it. */
function Parts({ parts }: { parts: readonly TextPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {/* The runs of one text in order never move: their index is their identity. */}
      {parts.map((p, i) => {
        if (p.op === 'same') return <span key={i}>{p.text}</span>;
        const Tag = p.op === 'added' ? 'ins' : 'del';
        return (
          <Tag key={i} className={`diff-${p.op}`}>
            <span className="visually-hidden">{t(`programmes.${p.op}Marker`)} </span>
            {p.text}
          </Tag>
        );
      })}
    </>
  );
}
