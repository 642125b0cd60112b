import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Measure } from '../../../domain/measures.js';
import { SvText } from '../../components/SvText.js';
import { useSession } from '../auth/use-session.js';
import { mayEvaluate } from './access.js';
import { useMeasureEvaluations } from './use-evaluations.js';

/** The measure page's way into its evaluations, and "Utvärdera" to design a new one. */
export function MeasureEvaluations({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const session = useSession();
  const evaluations = useMeasureEvaluations(measure.id);
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
      {mayEvaluate(session.data, measure) && (
        <p>
          <Link className="button button-secondary" to={`/measures/${measure.id}/evaluations/new`}>
            {t('evaluations.evaluate')}
          </Link>
        </p>
      )}
    </section>
  );
}
