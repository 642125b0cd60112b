import type { IncidentFilter } from '../../api/endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useCanReadIncidents } from '../auth/use-session.js';
import { IncidentTable } from './IncidentTable.js';
import { useLatestIncidents } from './use-incidents.js';

interface Props {
  filter: IncidentFilter;
  caption: string;
  limit?: number;
  id?: string;
  showPlace?: boolean;
}

/** The latest incidents for signed-in staff; a sign-in notice for visitors (single incidents are not public). */
export function LatestIncidents({ filter, caption, limit = 25, id, showPlace }: Props) {
  const canRead = useCanReadIncidents();
  const latest = useLatestIncidents(filter, limit, canRead === true);
  if (canRead === false) return <SignInNotice />;
  return (
    <QueryState
      isPending={canRead === undefined || latest.isPending}
      error={latest.error}
      onRetry={() => void latest.refetch()}
    >
      <IncidentTable
        incidents={latest.data?.items ?? []}
        caption={caption}
        {...(id ? { id } : {})}
        {...(showPlace === undefined ? {} : { showPlace })}
      />
    </QueryState>
  );
}
