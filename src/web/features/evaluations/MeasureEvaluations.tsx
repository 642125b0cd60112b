import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SvText } from '../../components/SvText.js';
import { useMeasureEvaluations } from './use-evaluations.js';

/** The measure page's way into its evaluations ("Utvärdera"). */
export function MeasureEvaluations({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const evaluations = useMeasureEvaluations(measureId);
  const list = evaluations.data ?? [];
  return (
    <section aria-labelledby="measure-evaluations">
      <h2 id="measure-evaluations">{t('evaluations.forMeasure')}</h2>
      {evaluations.isPending ? null : list.length === 0 ? (
        <p>{t('evaluations.none')}</p>
      ) : (
        <ul>
          {list.map((e) => (
            <li key={e.id}>
              <Link to={`/evaluations/${e.id}`}>
                {t('evaluations.evaluate')}: <SvText>{e.title}</SvText>
              </Link>{' '}
              ({t(`evaluations.${e.status}`)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
