import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Measure, MEASURE_TRANSITIONS, type MeasureStatus } from '../../../domain/measures.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { canEditForUnit, canReadProgramme } from './access.js';
import { MeasureFollowups } from './MeasureFollowups.js';
import { MeasureEvaluations } from '../evaluations/MeasureEvaluations.js';
import { useNavigationNotice } from './navigation-notice.js';
import { StatusBadge } from './StatusBadge.js';
import { useChangeMeasure, useMeasure } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';
import { SvText } from '../../components/SvText.js';

/** One measure: what, who, where and when, its status, its components and its follow-ups. */
export function MeasurePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const allowed = canReadProgramme(session.data);
  const measure = useMeasure(allowed ? id : undefined);
  useDocumentTitle(measure.data?.title ?? t('programme.measure.title'));
  const notice = useNavigationNotice();
  return (
    <div className="page programme-page">
      {session.isPending ? (
        <h1>{t('programme.measure.title')}</h1>
      ) : !session.data ? (
        <>
          <h1>{t('programme.measure.title')}</h1>
          <SignInNotice />
        </>
      ) : !allowed ? (
        <>
          <h1>{t('programme.measure.title')}</h1>
          <p className="notice notice-info">{t('programme.noAccess')}</p>
        </>
      ) : (
        <QueryState isPending={measure.isPending} error={measure.error} onRetry={() => void measure.refetch()}>
          {measure.data && <MeasureBody measure={measure.data} notice={notice} />}
        </QueryState>
      )}
    </div>
  );
}

function MeasureBody({ measure: m, notice }: { measure: Measure; notice: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canEdit = canEditForUnit(session.data, m.responsible_unit.id);
  const change = useChangeMeasure(m.id);
  const errorText = useErrorText();
  // The button pressed is replaced by the next status's buttons: focus goes to what happened, in its section.
  const [outcome, setOutcome] = useState<{ section: 'status' | 'components'; text: string | null } | null>(null);
  const [statusRef, focusStatus] = useFocusAfterRender<HTMLParagraphElement>();
  const [componentsRef, focusComponents] = useFocusAfterRender<HTMLParagraphElement>();
  const changeStatus = (status: MeasureStatus, component?: { id: string; title: string }) => {
    if (change.isPending) return;
    const section = component ? 'components' : 'status';
    const focus = component ? focusComponents : focusStatus;
    setOutcome(null);
    const label = t(`programme.measureStatus.${status}`);
    change.mutate(component ? { kind: 'component', componentId: component.id, status } : { kind: 'status', status }, {
      onSuccess: () => {
        setOutcome({
          section,
          text: component
            ? t('programme.measure.componentChanged', { title: component.title, status: label })
            : t('programme.measure.statusChanged', { status: label }),
        });
        focus();
      },
      onError: () => {
        setOutcome({ section, text: null });
        focus();
      },
    });
  };
  const outcomeIn = (section: 'status' | 'components', ref: typeof statusRef) => (
    <>
      <StatusMessage ref={ref} message={outcome?.section === section ? outcome.text : null} />
      {outcome?.section === section && !outcome.text && change.error && (
        <p
          ref={ref}
          tabIndex={-1}
          className="notice notice-error"
          role="alert"
          data-testid={section === 'status' ? 'measure-error' : 'component-error'}
        >
          <strong>{t('programme.measure.refused')}</strong> {errorText(change.error)}
        </p>
      )}
    </>
  );
  const none = t('common.none');
  const period =
    m.period_start || m.period_end
      ? `${m.period_start ? format.day(m.period_start) : '…'} – ${m.period_end ? format.day(m.period_end) : '…'}`
      : none;

  return (
    <>
      <p className="inbox-kind">{t('programme.measure.title')}</p>
      <h1>
        <SvText>{m.title}</SvText>
      </h1>
      <StatusMessage message={notice ? t(notice) : null} />
      <dl className="facts">
        <div>
          <dt>{t('programme.fields.status')}</dt>
          <dd>
            <StatusBadge kind="measure" status={m.status} />
          </dd>
        </div>
        <div>
          <dt>{t('programme.fields.type')}</dt>
          <dd>{t(`programme.measureTypes.${m.type}`)}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.responsible_unit')}</dt>
          <dd>{m.responsible_unit.name}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.contributing_units')}</dt>
          <dd>{m.contributing_units.map((u) => u.name).join(', ') || none}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.problems')}</dt>
          <dd>
            {m.problems.map((p, i) => (
              <span key={p.id}>
                {i > 0 && ', '}
                <Link to={`/problems/${p.id}`}>
                  <SvText>{p.title}</SvText>
                </Link>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('programme.fields.places')}</dt>
          <dd>
            {m.places.length
              ? m.places.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ', '}
                    <Link to={`/places/${p.id}`}>
                      <SvText>{p.name}</SvText>
                    </Link>
                  </span>
                ))
              : none}
          </dd>
        </div>
        <div>
          <dt>{t('programme.fields.period')}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.cost')}</dt>
          <dd>{m.cost_estimate_sek === null ? none : `${format.number(m.cost_estimate_sek)} kr`}</dd>
        </div>
        <div>
          <dt>{t('programme.fields.target_groups')}</dt>
          <dd>{m.target_groups.map((g) => t(`programme.targetGroups.${g}`)).join(', ') || none}</dd>
        </div>
      </dl>
      {m.description && (
        <p className="description-text">
          <SvText>{m.description}</SvText>
        </p>
      )}
      {!m.has_indicator && <p className="notice notice-warning">{t('programme.measure.noIndicator')}</p>}
      {canEdit && (
        <p>
          <Link className="button button-secondary" to={`/measures/${m.id}/edit`}>
            {t('programmeEdit.measure.edit')}
          </Link>
        </p>
      )}

      <section className="section" aria-labelledby="measure-status-heading">
        <h2 id="measure-status-heading">{t('programme.measure.statusHeading')}</h2>
        <p>
          {t('programme.measure.statusNow')} <StatusBadge kind="measure" status={m.status} />
        </p>
        {canEdit && MEASURE_TRANSITIONS[m.status].length > 0 && (
          <div className="button-row">
            {MEASURE_TRANSITIONS[m.status].map((s) => (
              <button
                key={s}
                type="button"
                className={`button ${s === 'stopped' ? 'button-secondary' : 'button-primary'}`}
                aria-disabled={change.isPending}
                onClick={() => changeStatus(s)}
              >
                {t(`programme.measure.to.${s}`)}
              </button>
            ))}
          </div>
        )}
        {MEASURE_TRANSITIONS[m.status].length === 0 && <p className="hint">{t('programme.measure.final')}</p>}
        {outcomeIn('status', statusRef)}
      </section>

      <section className="section" aria-labelledby="measure-components-heading">
        <h2 id="measure-components-heading">{t('programme.fields.components')}</h2>
        {m.components.length === 0 ? (
          <p className="empty">{t('programme.measure.noComponents')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="measure-components-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="measure-components-caption">
                {t('programme.measure.componentsCaption', { count: m.components.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('programme.fields.title')}</th>
                  <th scope="col">{t('programme.fields.type')}</th>
                  <th scope="col">{t('programme.fields.status')}</th>
                  {canEdit && <th scope="col">{t('programme.measure.change')}</th>}
                </tr>
              </thead>
              <tbody>
                {m.components.map((c) => (
                  <tr key={c.id}>
                    <td>{c.position}</td>
                    <th scope="row">
                      <SvText>{c.title}</SvText>
                    </th>
                    <td>{t(`programme.measureTypes.${c.type}`)}</td>
                    <td>
                      <StatusBadge kind="measure" status={c.status} />
                    </td>
                    {canEdit && (
                      <td>
                        {MEASURE_TRANSITIONS[c.status].map((s: MeasureStatus) => (
                          <button
                            key={s}
                            type="button"
                            className="button button-secondary button-small"
                            aria-disabled={change.isPending}
                            onClick={() => changeStatus(s, { id: c.id, title: c.title })}
                          >
                            {t(`programme.measure.componentTo.${s}`)}
                            <span className="visually-hidden">: {c.title}</span>
                          </button>
                        ))}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {outcomeIn('components', componentsRef)}
      </section>

      <MeasureFollowups measure={m} canEdit={canEdit} />
      <MeasureEvaluations measure={m} />
    </>
  );
}
