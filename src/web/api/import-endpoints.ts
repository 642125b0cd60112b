import { importsContract as routes } from '../../contracts/imports.contract.js';
import { incidentsContract } from '../../contracts/incidents.contract.js';
import type { RouteResult } from '../../contracts/define-route.js';
import type { ImportFormat } from '../../domain/imports.js';
import { call } from './call.js';
import type { IncidentPage } from './endpoints.js';

export interface ImportUpload {
  file: File;
  dryRun: boolean;
  profile?: string | undefined;
  format?: ImportFormat | undefined;
  swapCoordinates?: boolean | undefined;
  skipInvalid?: boolean | undefined;
}

/** File imports for coordinators: saved column profiles, the upload (answered at once), and the run to poll. */
export const importEndpoints = {
  profiles: () => call(routes.profiles),
  /** Starts a run (wait=false): the server answers 202 with its id as soon as the file is received. */
  start: (u: ImportUpload) => {
    const form = new FormData();
    form.append('file', u.file, u.file.name);
    const query = {
      dry_run: u.dryRun,
      wait: false,
      profile: u.profile,
      format: u.format,
      swap_coordinates: u.swapCoordinates ? true : undefined,
      skip_invalid: u.skipInvalid ? true : undefined,
    };
    return call(routes.run, { query, body: form }) as Promise<
      Extract<RouteResult<typeof routes.run>, { status: 'running' }>
    >;
  },
  run: (id: string) => call(routes.getRun, { params: { id } }),
  /** The newest incidents a run wrote or updated. */
  incidentsOfRun: (id: string, limit: number) =>
    call(incidentsContract.list, { query: { import_run_id: id, limit, format: 'json' } }) as Promise<IncidentPage>,
};
