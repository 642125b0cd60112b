import { evaluationsContract as routes } from '../../contracts/evaluations.contract.js';
import { call } from './call.js';

/** Evaluations of measures: a measure's evaluations, one design and its computed results. */
export const evaluationEndpoints = {
  ofMeasure: (measureId: string) => call(routes.listOfMeasure, { params: { id: measureId } }),
  evaluation: (id: string) => call(routes.get, { params: { id } }),
  results: (id: string) => call(routes.results, { params: { id } }),
};
