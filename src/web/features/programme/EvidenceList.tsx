import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Evidence, EvidenceInput } from '../../../domain/problems.js';
import { useCategoryLabel, useNeighbourhoods } from '../../api/use-reference-data.js';
import { useFormat } from '../../components/use-format.js';
import { usePlaceNames } from '../places/use-places.js';

type AnyEvidence = EvidenceInput | Pick<Evidence, 'kind' | 'ref' | 'filter' | 'note' | 'incident_count' | 'survey'>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * One evidence link in words: a hotspot (with a link to its week's report), an incident filter, a note, a
 * document, a survey item (its first and latest figures, with a link to its chart). `knownAreas` names areas the neighbourhood list lacks (a problem's district).
 */
export function EvidenceText({
  evidence,
  knownAreas,
}: {
  evidence: AnyEvidence;
  knownAreas?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const placeNames = usePlaceNames();
  const { byId: areaNames } = useNeighbourhoods();
  const format = useFormat();
  const filter = ('filter' in evidence ? evidence.filter : null) as Record<string, unknown> | null;
  const ref = 'ref' in evidence ? evidence.ref : null;
  const note = evidence.note ?? null;
  switch (evidence.kind) {
    case 'hotspot': {
      const week = str(filter?.week) ?? '';
      const area = str(filter?.area_id);
      const text = t('programme.evidence.hotspot', { cell: ref, week });
      return (
        <>
          {area ? <Link to={`/districts/${area}/situation?week=${week}`}>{text}</Link> : text}
          {note && <> – {note}</>}
        </>
      );
    }
    case 'incident_filter': {
      const cats = Array.isArray(filter?.category)
        ? (filter.category as string[]).map(categoryLabel).join(', ')
        : t('programme.evidence.allCategories');
      const place = str(filter?.place_id);
      const area = str(filter?.area_id);
      const where = place
        ? (placeNames.get(place) ?? t('programme.evidence.aPlace'))
        : area
          ? (knownAreas?.get(area) ?? areaNames.get(area) ?? t('programme.evidence.anArea'))
          : t('programme.evidence.everywhere');
      const period = filter?.from || filter?.to ? ` ${str(filter.from) ?? '…'} – ${str(filter.to) ?? '…'}` : '';
      const count =
        'incident_count' in evidence && evidence.incident_count !== null
          ? `: ${t('programme.evidence.incidents', { count: evidence.incident_count })}`
          : '';
      return (
        <>
          {t('programme.evidence.filter', { categories: cats, where })}
          {period}
          {count}
          {note && <> – {note}</>}
        </>
      );
    }
    case 'document':
      return (
        <>
          {t('programme.evidence.document')}: {ref}
          {note && <> – {note}</>}
        </>
      );
    case 'survey_item': {
      const survey = 'survey' in evidence ? evidence.survey : null;
      const area = str(filter?.survey_area_id);
      const figure = (f: { year: number; share: number } | null | undefined) =>
        f ? `${f.year} ${format.number(f.share)} %` : '';
      const text = survey
        ? t(survey.latest ? 'surveys.evidence' : 'surveys.evidenceOne', {
            question: survey.question,
            area: survey.area,
            first: figure(survey.first),
            latest: figure(survey.latest),
            direction: t(`surveys.direction.${survey.direction}`),
          })
        : t('surveys.title');
      return (
        <>
          {text}
          {area && ref && (
            <>
              {' '}
              <Link to={`/survey-areas/${area}?question=${ref}`}>{t('surveys.evidenceLink')}</Link>
            </>
          )}
          {note && <> – {note}</>}
        </>
      );
    }
    case 'walk_observation': {
      const walk = str(filter?.walk_id);
      return (
        <>
          {t('walks.evidence')}
          {note && <>: {note}</>}
          {walk && ref && (
            <>
              {' '}
              <Link to={`/walks/${walk}/report#obs-${ref}`}>{t('walks.evidenceLink')}</Link>
            </>
          )}
        </>
      );
    }
    case 'note':
      return (
        <>
          {t('programme.evidence.note')}: {note ?? t('programme.evidence.hidden')}
        </>
      );
    default:
      return (
        <>
          {evidence.kind}
          {note && <>: {note}</>}
        </>
      );
  }
}
