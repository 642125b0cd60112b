import { surveysContract as routes } from '../../contracts/surveys.contract.js';
import { call } from './call.js';

/** Safety surveys: the catalogue, one area's series, and the import of published results. */
export const surveyEndpoints = {
  catalogue: () => call(routes.catalogue),
  series: (questionId: string, surveyAreaId: string) =>
    call(routes.series, { query: { question_id: questionId, survey_area_id: surveyAreaId } }),
  importResults: (file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call(routes.importResults, { query: { dry_run: dryRun }, body: form });
  },
};
