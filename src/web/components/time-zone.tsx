import { createContext, type ReactNode, useContext } from 'react';
import { DEFAULT_TIME_ZONE, today } from '../../domain/calendar/index.js';
import { useOrganisation } from '../api/use-reference-data.js';

const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/**
 * Holds the pages back until the organisation's time zone (`/api/organisation`) is known, so that no page
 * first shows a day, a week or a time on another clock. Should the organisation not load, the pages say so
 * through their own requests, and days are read on the calendar's default zone.
 */
export function OrganisationTimeZone({ children }: { children: ReactNode }) {
  const organisation = useOrganisation();
  if (organisation.isPending) return null;
  return (
    <TimeZoneContext.Provider value={organisation.data?.time_zone ?? DEFAULT_TIME_ZONE}>
      {children}
    </TimeZoneContext.Provider>
  );
}

/** The IANA zone the organisation's days, weeks and times are read in. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** Today as 'YYYY-MM-DD' on the organisation's wall clock. */
export function useToday(): string {
  return today(useTimeZone());
}
