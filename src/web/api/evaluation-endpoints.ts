import type { EvaluationDesign, PlaceMonthFigure } from '../../domain/evaluations.js';
import { evaluationsContract as routes } from '../../contracts/evaluations.contract.js';
import { call, routeUrl } from './call.js';

/** Evaluations of measures: a measure's evaluations, one design, its results and their PDF and Excel, and designing one. */
export const evaluationEndpoints = {
  ofMeasure: (measureId: string) => call(routes.listOfMeasure, { params: { id: measureId } }),
  evaluation: (id: string) => call(routes.get, { params: { id } }),
  results: (id: string) => call(routes.results, { params: { id } }),
  fileUrl: (id: string, format: 'pdf' | 'xlsx') => routeUrl(routes.file[format], { params: { id } }),
  create: (measureId: string, body: EvaluationDesign) => call(routes.create, { params: { id: measureId }, body }),
  /** `version`: of the evaluation the form was filled from; a newer one on the server is a 409. */
  update: (id: string, body: EvaluationDesign, version: number) =>
    call(routes.update, { params: { id }, body, version }),
  placeFigures: (placeId: string) => call(routes.placeFigures, { params: { id: placeId } }),
  savePlaceFigures: (placeId: string, months: PlaceMonthFigure[]) =>
    call(routes.savePlaceFigures, { params: { id: placeId }, body: { months } }),
  suggestComparisons: (query: {
    treatment_place_ids: string[];
    categories: string[];
    before_from: string;
    before_to: string;
  }) => call(routes.suggestComparisons, { query }),
};
