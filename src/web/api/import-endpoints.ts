import type { ImportFormat, ImportProfile, ImportRun } from '../../domain/imports.js';
import type { Incident } from '../../domain/incidents.js';
import { api, apiPath } from './client.js';

export interface ImportUpload {
  file: File;
  dryRun: boolean;
  profile?: string | undefined;
  format?: ImportFormat | undefined;
  swapCoordinates?: boolean | undefined;
  skipInvalid?: boolean | undefined;
}

const enc = encodeURIComponent;

/** File imports for coordinators: saved column profiles, the upload (answered at once), and the run to poll. */
export const importEndpoints = {
  profiles: () => api.get<ImportProfile[]>('/api/import-profiles'),
  /** Starts a run (wait=false): the server answers 202 with its id as soon as the file is received. */
  start: (u: ImportUpload) => {
    const form = new FormData();
    form.append('file', u.file, u.file.name);
    return api.upload<{ id: string; status: 'running' }>(apiPath('/api/imports', {
      dry_run: u.dryRun, wait: false, profile: u.profile, format: u.format,
      swap_coordinates: u.swapCoordinates ? true : undefined, skip_invalid: u.skipInvalid ? true : undefined,
    }), form);
  },
  run: (id: string) => api.get<ImportRun>(`/api/imports/${enc(id)}`),
  /** The newest incidents a run wrote or updated. */
  incidentsOfRun: (id: string, limit: number) =>
    api.get<{ items: Incident[]; next_cursor: string | null }>('/api/incidents', { import_run_id: id, limit, format: 'json' }),
};
