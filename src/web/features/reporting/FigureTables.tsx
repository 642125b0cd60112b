import { useTranslation } from 'react-i18next';
import type { FigureIndicator, UnitFigures } from '../../../domain/reporting.js';
import { DataTable } from '../../components/DataTable.js';
import { useFormat } from '../../components/use-format.js';

/** An indicator's row cells: baseline, value, target, change and whether the target is reached. */
export function useIndicatorCells() {
  const { t } = useTranslation();
  const format = useFormat();
  return (i: Pick<FigureIndicator, 'baseline' | 'current' | 'target_value' | 'outcome' | 'target_met'>) => [
    format.number(i.baseline.value),
    format.number(i.current.value),
    i.target_value === null ? '–' : format.number(i.target_value),
    t(`programme.indicatorOutcomes.${i.outcome}`),
    t(`reporting.followup.targetMet.${i.target_met === null ? 'none' : i.target_met ? 'yes' : 'no'}`),
  ];
}

export function IndicatorTable({
  id,
  caption,
  rows,
  unitColumn,
}: {
  id: string;
  caption: string;
  rows: Array<FigureIndicator & { unit?: { name: string } }>;
  unitColumn?: boolean;
}) {
  const { t } = useTranslation();
  const cells = useIndicatorCells();
  const f = (k: string) => t(`reporting.followup.${k}`);
  return (
    <DataTable
      id={id}
      caption={caption}
      head={[
        f('colIndicator'),
        ...(unitColumn ? [t('reporting.colUnit')] : []),
        f('colBaseline'),
        f('colValue'),
        f('colTarget'),
        f('colOutcome'),
        f('colTargetMet'),
      ]}
      rows={rows.map((i) => [`${i.title} (${i.where})`, ...(unitColumn ? [i.unit?.name ?? ''] : []), ...cells(i)])}
    />
  );
}

/** A unit's figures: its measures, its problems' indicators and its requests, each a table. */
export function FigureTables({ figures }: { figures: UnitFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = (k: string) => t(`reporting.followup.${k}`);
  return (
    <>
      <h3>{f('measures')}</h3>
      {figures.measures.length ? (
        <DataTable
          id="figures-measures"
          caption={f('measures')}
          head={[f('colMeasure'), f('colType'), f('colStatus'), f('colDue'), f('colRecorded'), f('colOverdue')]}
          rows={figures.measures.map((m) => [
            m.title,
            t(`programme.measureTypes.${m.type}`),
            t(`programme.measureStatus.${m.status}`),
            format.number(m.followups_due),
            format.number(m.followups_recorded),
            format.number(m.followups_overdue),
          ])}
        />
      ) : (
        <p>{f('noMeasures')}</p>
      )}
      <h3>{f('indicators')}</h3>
      {figures.indicators.length ? (
        <IndicatorTable id="figures-indicators" caption={f('indicators')} rows={figures.indicators} />
      ) : (
        <p>{f('noIndicators')}</p>
      )}
      <h3>{f('requests')}</h3>
      {figures.requests.length ? (
        <DataTable
          id="figures-requests"
          caption={f('requests')}
          head={[f('colCounterpart'), f('colRole'), f('colStatus'), t('reporting.colDeadline'), f('colAnswered')]}
          rows={figures.requests.map((r) => [
            r.counterpart.name,
            f(`role.${r.role}`),
            t(`programme.requestStatus.${r.status}`),
            format.day(r.due_date),
            r.answered_on ? format.day(r.answered_on) : '–',
          ])}
        />
      ) : (
        <p>{f('noRequests')}</p>
      )}
    </>
  );
}
