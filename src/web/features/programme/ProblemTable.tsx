import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Problem } from '../../../domain/problems.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';
import { evidenceTally } from './evidence-tally.js';

/** Problems as a table: title (a link), owner, where, categories, SARA stage, baseline, evidence and measures. */
export function ProblemTable({ problems, caption, id }: { problems: readonly Problem[]; caption: string; id: string }) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const format = useFormat();
  const evidence = (p: Problem) => {
    const { items, incidents } = evidenceTally(p.evidence);
    if (items === 0) return <span className="muted">{t('programme.problem.missing')}</span>;
    const counted = t('programme.problemList.evidenceItems', { count: items, value: format.number(items) });
    return incidents === null
      ? counted
      : `${counted}, ${t('programme.problemList.evidenceIncidents', { count: incidents, value: format.number(incidents) })}`;
  };
  if (problems.length === 0)
    return (
      <p className="empty" id={id}>
        {t('programme.problemList.none')}
      </p>
    );
  return (
    <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0} id={id}>
      <table className="data-table problem-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programme.fields.problem')}</th>
            <th scope="col">{t('programme.fields.owner_unit')}</th>
            <th scope="col">{t('programme.fields.where')}</th>
            <th scope="col">{t('programme.fields.categories')}</th>
            <th scope="col">{t('programme.fields.stage')}</th>
            <th scope="col">{t('programme.fields.baseline')}</th>
            <th scope="col">{t('programme.problem.evidence')}</th>
            <th scope="col">{t('programme.problem.measures')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/problems/${p.id}`}>{p.title}</Link>
              </th>
              <td>{p.owner_unit.name}</td>
              <td>{[...p.places.map((x) => x.name), ...(p.area ? [p.area.name] : [])].join(', ')}</td>
              <td>{p.categories.map(categoryLabel).join(', ')}</td>
              <td>{t(`programme.stages.${p.stage}`)}</td>
              <td>{p.baseline ? p.baseline.value : <span className="muted">{t('programme.problem.missing')}</span>}</td>
              <td className="evidence-count">{evidence(p)}</td>
              <td>{p.measure_ids.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
