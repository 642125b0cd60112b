import type { RecordsExport, RecordsRelease } from '../../domain/records.js';
import { api } from './client.js';

/** Records requests (begäran om allmän handling): the release itself, a file to save, and the release log. */
export const recordsEndpoints = {
  /** A JSON release has no file name from the server: it is named like the server names its xlsx and pdf files. */
  release: (body: RecordsExport) =>
    api.postForFile('/api/records/releases', body, `utlamnande-${body.request_ref.replace(/[^\w.-]+/g, '_')}.json`),
  releases: (requestRef?: string) => api.get<RecordsRelease[]>('/api/records/releases', { request_ref: requestRef }),
};
