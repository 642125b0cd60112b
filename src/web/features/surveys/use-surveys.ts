import { useQuery } from '@tanstack/react-query';
import type { SurveyArea, SurveyCatalogue } from '../../../domain/surveys.js';
import { surveyEndpoints as api } from '../../api/survey-endpoints.js';

export function useSurveyCatalogue() {
  return useQuery({ queryKey: ['surveys', 'catalogue'], queryFn: api.catalogue });
}

export function useSurveySeries(questionId: string | undefined, surveyAreaId: string | undefined) {
  return useQuery({
    queryKey: ['surveys', 'series', questionId, surveyAreaId],
    queryFn: () => api.series(questionId!, surveyAreaId!),
    enabled: Boolean(questionId && surveyAreaId),
  });
}

/** The questions an area has figures for, with their years, in catalogue order. */
export function questionsOfArea(catalogue: SurveyCatalogue, areaId: string) {
  return catalogue.series
    .filter((s) => s.survey_area_id === areaId)
    .flatMap((s) => {
      const question = catalogue.questions.find((q) => q.id === s.question_id);
      const survey = question && catalogue.surveys.find((v) => v.id === question.survey_id);
      return question && survey ? [{ question, survey, years: s.years }] : [];
    })
    .sort(
      (a, b) =>
        a.survey.name.localeCompare(b.survey.name, 'sv') || a.question.text.localeCompare(b.question.text, 'sv'),
    );
}

/** Whether a survey area is a district that no longer exists (merged in Stockholm's 2023 reorganisation). */
export function endedOn(area: SurveyArea): string | null {
  return area.area?.valid_to ?? null;
}
