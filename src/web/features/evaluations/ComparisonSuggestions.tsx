import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.js';
import { useComparisonSuggestions } from './use-evaluations.js';

interface Props {
  treatment: string[];
  categories: string[];
  before: { from: string; to: string };
  chosen: readonly string[];
  onAdd: (placeId: string) => void;
}

/** The system's comparison places for the design so far, each with why it is suggested and a one-click add. */
export function ComparisonSuggestions({ treatment, categories, before, chosen, onAdd }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const suggestions = useComparisonSuggestions({
    treatment_place_ids: treatment,
    categories,
    before_from: before.from,
    before_to: before.to,
  });
  const list = suggestions.data?.suggestions ?? [];
  return (
    <section className="evaluation-suggestions" aria-labelledby="evaluation-suggestions-title">
      <h3 id="evaluation-suggestions-title">{t('evaluationForm.suggestions')}</h3>
      {suggestions.fetchStatus === 'idle' && !suggestions.data ? (
        <p>{t('evaluationForm.suggestionsWaiting')}</p>
      ) : (
        <QueryState
          isPending={suggestions.isPending}
          error={suggestions.error}
          onRetry={() => void suggestions.refetch()}
        >
          {list.length === 0 ? (
            <p>{t('evaluationForm.suggestionsNone')}</p>
          ) : (
            <>
              <p>{t('evaluationForm.suggestionsIntro')}</p>
              <ul className="plain-list evaluation-suggestion-list">
                {list.map((s) => (
                  <li key={s.place.id}>
                    <strong>{s.place.name}</strong>
                    <p>{s.reason[lang]}</p>
                    {chosen.includes(s.place.id) ? (
                      <p className="evaluation-added">✓ {t('evaluationForm.added')}</p>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => onAdd(s.place.id)}
                      >
                        {t('evaluationForm.add')}
                        <span className="visually-hidden">: {s.place.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
