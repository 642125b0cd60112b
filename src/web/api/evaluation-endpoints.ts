import { evaluationsContract as routes } from '../../contracts/evaluations.contract.js';
import { call, routeUrl } from './call.js';

/** Evaluations of measures: a measure's evaluations, one design, its computed results and their PDF and Excel. */
export const evaluationEndpoints = {
  ofMeasure: (measureId: string) => call(routes.listOfMeasure, { params: { id: measureId } }),
  evaluation: (id: string) => call(routes.get, { params: { id } }),
  results: (id: string) => call(routes.results, { params: { id } }),
  fileUrl: (id: string, format: 'pdf' | 'xlsx') => routeUrl(routes.file[format], { params: { id } }),
};
