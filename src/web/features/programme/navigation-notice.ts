import { useIsMutating } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** What a form passes to the page it navigates to: the i18n key of a one-time message ("registered", "saved"). */
export interface NoticeState {
  notice: string;
}

/**
 * The message a form sent with the navigation here. It is taken out of the history entry at once (so a
 * reload or Back does not repeat it) and cleared by the next change made on the page, which has its own
 * message: "registered" must not stand above a page that has since been changed.
 */
export function useNavigationNotice(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as Partial<NoticeState> | null)?.notice ?? null,
  );
  const passed = location.state !== null && location.state !== undefined;
  useEffect(() => {
    if (passed)
      void navigate(
        { pathname: location.pathname, search: location.search, hash: location.hash },
        { replace: true, state: null },
      );
  }, [passed, navigate, location.pathname, location.search, location.hash]);
  const mutating = useIsMutating();
  useEffect(() => {
    if (mutating > 0) setNotice(null);
  }, [mutating]);
  return notice;
}
