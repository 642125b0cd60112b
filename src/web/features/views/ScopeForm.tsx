import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../forms/RadioGroup.js';
import type { ScopeChoice, ScopeKind } from './scope.js';
import { useUnitOptions } from './use-reports.js';

interface Props {
  id: string;
  kinds: readonly ScopeKind[];
  value: ScopeChoice;
  onSubmit: (choice: ScopeChoice) => void;
  /** More fields (the annual report's year) before the button. */
  children?: ReactNode;
}

/** Chooses what a report covers: the city, a district (its unit) or any unit; applied with the button. */
export function ScopeForm({ id, kinds, value, onSubmit, children }: Props) {
  const { t } = useTranslation();
  const units = useUnitOptions();
  const [scope, setScope] = useState<ScopeKind>(value.scope);
  const [unitId, setUnitId] = useState(value.unitId ?? '');
  useEffect(() => {
    setScope(value.scope);
    setUnitId(value.unitId ?? '');
  }, [value.scope, value.unitId]);
  const choices = scope === 'district' ? units.filter((u) => u.kind === 'district') : units;
  const selected = choices.some((u) => u.id === unitId) ? unitId : (choices[0]?.id ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(scope === 'city' ? { scope, unitId: null } : { scope, unitId: selected || null });
  };

  return (
    <form className="scope-form filters" onSubmit={submit} aria-label={t('reports.scope.legend')}>
      {kinds.length > 1 && (
        <RadioGroup
          name={`${id}-scope`}
          legend={t('reports.scope.legend')}
          value={scope}
          onChange={setScope}
          options={kinds.map((k) => ({ value: k, label: t(`reports.scope.${k}`) }))}
        />
      )}
      {scope !== 'city' && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>
            {t(scope === 'district' ? 'reports.scope.district_label' : 'reports.scope.unit_label')}
          </label>
          <select id={`${id}-unit`} value={selected} onChange={(e) => setUnitId(e.target.value)}>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {children}
      <div className="field scope-submit">
        <button type="submit" className="button button-secondary">
          {t('reports.scope.show')}
        </button>
      </div>
    </form>
  );
}
