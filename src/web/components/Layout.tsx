import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useOrganisation } from '../api/use-reference-data.js';
import { SessionMenu } from '../features/auth/SessionMenu.js';
import { canReadAudit, useSession } from '../features/auth/use-session.js';
import { allows } from '../features/views/access.js';
import { DisclosureMenu } from './DisclosureMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The programme's follow-up pages, all reached through one header link. */
const FOLLOW_UP = /^\/(city|quality|annual|agreements|units)(\/|$)/;
/** The weekly situation picture: the city's, a district's and the frozen reports with their meetings. */
const SITUATION = /^\/(situation|districts\/[^/]+\/situation)(\/|$)/;
/** The tools under "Mer": the programme (for staff), importing, the safety surveys and walks, the audit log, the responsibility matrix and the service levels. */
const TOOLS = /^\/(programmes|imports|surveys|survey-areas|walks|admin|responsibility|service-levels)(\/|$)/;

/** Header with skip link, navigation and language switch; main content; footer with the data sources. */
export function Layout() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const session = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // Staff with the situation picture and the inbox have the widest header: their programme link goes under "Mer".
  const programmeInMore = allows(session.data, 'situation:read');
  const tools = [
    programmeInMore && (
      <li key="programmes">
        <NavLink to="/programmes">{t('programmes.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'imports:run') && (
      <li key="imports">
        <NavLink to="/imports">{t('imports.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'surveys:read') && (
      <li key="surveys">
        <NavLink to="/surveys">{t('surveys.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'walks:read') && (
      <li key="walks">
        <NavLink to="/walks">{t('walks.nav')}</NavLink>
      </li>
    ),
    canReadAudit(session.data) && (
      <li key="audit">
        <NavLink to="/admin/audit">{t('audit.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'records:export') && (
      <li key="records">
        <NavLink to="/admin/records">{t('records.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'users:manage') && (
      <li key="users">
        <NavLink to="/admin/users">{t('users.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'gdpr:manage') && (
      <li key="retention">
        <NavLink to="/admin/retention">{t('retention.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'jobs:read') && (
      <li key="jobs">
        <NavLink to="/admin/jobs">{t('jobs.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'programme:read') && (
      <li key="responsibility">
        <NavLink to="/responsibility">{t('responsibility.nav')}</NavLink>
      </li>
    ),
    allows(session.data, 'programme:read') && (
      <li key="service-levels">
        <NavLink to="/service-levels">{t('serviceLevels.nav')}</NavLink>
      </li>
    ),
  ].filter(Boolean);

  // After client-side navigation, move focus to the main region so screen readers start at the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: the skip link keeps its href for a page without script and moves the focus itself */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">
              {organisation.data
                ? t('app.tagline', { organisation: organisation.data.name })
                : t('app.taglineFallback')}
            </span>
          </NavLink>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.map')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/places">{t('nav.places')}</NavLink>
              </li>
              <li>
                <NavLink to="/report">{t('nav.report')}</NavLink>
              </li>
              {!programmeInMore && (
                <li>
                  <NavLink to="/programmes">{t('programmes.nav')}</NavLink>
                </li>
              )}
              {allows(session.data, 'situation:read') && (
                <li>
                  <NavLink to="/situation" className={SITUATION.test(pathname) ? 'active' : undefined}>
                    {t('situation.link')}
                  </NavLink>
                </li>
              )}
              {allows(session.data, 'inbox:read') && (
                <li>
                  <NavLink to="/inbox">{t('inbox.nav')}</NavLink>
                </li>
              )}
              {allows(session.data, 'programme:read') && (
                <li>
                  <NavLink to="/city" className={FOLLOW_UP.test(pathname) ? 'active' : undefined}>
                    {t('reports.nav')}
                  </NavLink>
                </li>
              )}
              {tools.length > 0 && (
                // The tools few roles have sit under one button, so the header stays one line at 1280 px for every role.
                <li>
                  <DisclosureMenu label={t('nav.more')} active={TOOLS.test(pathname)} className="nav-more">
                    <ul>{tools}</ul>
                  </DisclosureMenu>
                </li>
              )}
            </ul>
          </nav>
          <div className="header-tools">
            <SessionMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {/* A one-time password is changed before anything else (the API refuses other calls until then). */}
        {session.data?.must_change_password && pathname !== '/account/password' ? (
          <Navigate to="/account/password" replace />
        ) : (
          <Outlet />
        )}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <div>
            <h2 className="footer-heading">{t('footer.sources')}</h2>
            <ul>
              <li>{t('footer.boundaries')}</li>
              <li>{t('footer.police')}</li>
              <li>{t('footer.places')}</li>
              <li>
                <strong>{t('footer.demo')}</strong>
              </li>
            </ul>
          </div>
          <nav aria-labelledby="footer-about" className="footer-nav">
            <h2 id="footer-about" className="footer-heading">
              {t('about.heading')}
            </h2>
            <ul>
              <li>
                <Link to="/tillganglighet">{t('about.accessibility')}</Link>
              </li>
              <li>
                <Link to="/personuppgifter">{t('about.privacy')}</Link>
              </li>
              <li>
                <Link to="/overenskommelser">{t('publicAgreements.footerLink')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
