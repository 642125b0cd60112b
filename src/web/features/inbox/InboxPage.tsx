import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../../../domain/meetings.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { canActForUnit } from '../programme/access.js';
import { StatusBadge } from '../programme/StatusBadge.js';
import { canReadSituation, useInbox, useUpdateAction } from '../situation/use-situation.js';
import { RequestActions } from './RequestActions.js';
import '../situation/situation.css';

/**
 * What one of my units has to do: meeting actions, contribution requests, routed incidents, agreement reviews,
 * consultations to answer.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const session = useSession();
  const units = (session.data?.memberships ?? []).filter(
    (m, i, all) => all.findIndex((o) => o.unit_id === m.unit_id) === i,
  );
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!unitId && units[0]) setUnitId(units[0].unit_id);
  }, [unitId, units]);
  const inbox = useInbox(unitId);
  const update = useUpdateAction();
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  // The button pressed is gone once the item changes (or leaves the inbox): focus goes to what happened.
  const [doneRef, focusDone] = useFocusAfterRender<HTMLParagraphElement>();
  const announce = (message: string) => {
    setDone(message);
    focusDone();
  };

  return (
    <div className="page inbox-page">
      <h1>{t('inbox.title')}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : units.length === 0 ? (
        <p className="empty">{t('inbox.noUnits')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="inbox-unit">{t('inbox.unit')}</label>
            <select
              id="inbox-unit"
              value={unitId ?? ''}
              onChange={(e) => {
                setUnitId(e.target.value);
                setDone(null);
              }}
            >
              {units.map((u) => (
                <option key={u.unit_id} value={u.unit_id}>
                  {u.unit_name}
                </option>
              ))}
            </select>
          </div>
          <div role="status">
            {done && (
              <p ref={doneRef} tabIndex={-1} className="notice notice-success">
                {done}
              </p>
            )}
          </div>
          {update.error && (
            <p className="notice notice-error" role="alert">
              {errorText(update.error)}
            </p>
          )}
          <QueryState isPending={inbox.isPending} error={inbox.error} onRetry={() => void inbox.refetch()}>
            {inbox.data && (
              <>
                <p className="result-count">{t('inbox.count', { count: inbox.data.items.length })}</p>
                {inbox.data.items.length === 0 ? (
                  <p className="empty">{t('inbox.empty')}</p>
                ) : (
                  <ul className="inbox-list">
                    {inbox.data.items.map((item) => (
                      <li key={`${item.kind}-${item.id}`} className="inbox-item" data-kind={item.kind}>
                        <InboxEntry item={item} />
                        {item.kind === 'meeting_action' && (
                          <button
                            type="button"
                            className="button button-secondary"
                            aria-disabled={update.isPending || undefined}
                            onClick={() =>
                              update.isPending ||
                              update.mutate(
                                { id: item.id, body: { status: 'done' } },
                                { onSuccess: () => announce(t('inbox.markedDone', { title: item.title })) },
                              )
                            }
                          >
                            {t('inbox.markDone')}
                            <span className="visually-hidden">: {item.title}</span>
                          </button>
                        )}
                        {item.kind === 'contribution_request' &&
                          item.role === 'receiver' &&
                          unitId &&
                          canActForUnit(session.data, unitId) && (
                            <RequestActions
                              id={item.id}
                              title={item.title}
                              status={item.status}
                              onAnswered={announce}
                            />
                          )}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}

/** Where an item's title leads: the object to act on (a request's problem is linked in its own line). */
function itemLink(item: InboxItem): string | null {
  switch (item.kind) {
    case 'incident':
      return `/incidents/${item.id}`;
    case 'agreement_review':
      return `/agreements/${item.id}/review`;
    case 'consultation_response':
      return `/programmes/responses/${item.id}`;
    default:
      return null;
  }
}

function InboxEntry({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Partners act on a meeting's decisions without reading the running situation picture: no link they cannot follow.
  const canSituation = canReadSituation(useSession().data);
  const left = item.overdue ? (
    <span className="overdue">{t('inbox.overdue', { count: Math.abs(item.days_left) })}</span>
  ) : item.days_left === 0 ? (
    t('inbox.dueToday')
  ) : (
    t('inbox.daysLeft', { count: item.days_left })
  );
  const dueDay = item.due_date.slice(0, 10);
  const link = itemLink(item);
  return (
    <>
      <p className="inbox-kind">{t(`inbox.kind.${item.kind}`)}</p>
      <h2 className="h3">{link ? <Link to={link}>{item.title}</Link> : item.title}</h2>
      {item.kind === 'contribution_request' && (
        <p>
          {t(item.role === 'receiver' ? 'programme.inbox.from' : 'programme.inbox.to', { unit: item.counterpart.name })}{' '}
          · <StatusBadge kind="request" status={item.status} /> · {t('programme.inbox.problem')}{' '}
          <Link to={`/problems/${item.problem.id}`}>{item.problem.title}</Link>
          {item.place && (
            <>
              {' '}
              ·{' '}
              <Link to={`/places/${item.place.id}`}>{t('programme.request.atPlace', { place: item.place.name })}</Link>
            </>
          )}
          {item.role === 'sender' && (
            <>
              {' '}
              · <strong>{t('programme.inbox.escalated')}</strong>
            </>
          )}
        </p>
      )}
      <p>
        {t('inbox.due', { date: format.day(dueDay) })} · {left}
        {item.kind === 'meeting_action' && (
          <>
            {' '}
            ·{' '}
            {item.meeting.area_id && canSituation ? (
              <Link to={`/districts/${item.meeting.area_id}/situation?week=${item.meeting.week}`}>
                {t('inbox.meetingOf', { area: item.meeting.area_name, week: item.meeting.week })}
              </Link>
            ) : (
              t('inbox.meetingOf', { area: item.meeting.area_name, week: item.meeting.week })
            )}
          </>
        )}
      </p>
    </>
  );
}
