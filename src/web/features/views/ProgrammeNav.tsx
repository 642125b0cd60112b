import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/use-session.js';
import { allows } from './access.js';
import { defaultScope } from './scope.js';

/** The follow-up pages of the programme, one header link away: a local menu on each of them. */
export function ProgrammeNav() {
  const { t } = useTranslation();
  const me = useSession().data;
  const own = me?.memberships.find((m) => m.role !== 'admin');
  const district = defaultScope(me).scope === 'district' ? defaultScope(me).unitId : null;
  const links: Array<[string, string]> = [
    ['/city', t('city.title')],
    ...(allows(me, 'quality:read')
      ? ([
          ['/quality', t('quality.title')],
          ['/annual', t('annual.title')],
        ] as Array<[string, string]>)
      : []),
    [district ? `/agreements?district=${district}` : '/agreements', t('agreements.title')],
    ...(own ? ([[`/units/${own.unit_id}`, own.unit_name]] as Array<[string, string]>) : []),
  ];
  return (
    <nav className="programme-nav" aria-label={t('reports.subnav')}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to}>{label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
