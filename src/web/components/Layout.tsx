import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useOrganisation } from '../api/use-reference-data.js';
import { SessionMenu } from '../features/auth/SessionMenu.js';
import { canReadAudit, useSession } from '../features/auth/use-session.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Header with skip link, navigation and language switch; main content; footer with the data sources. */
export function Layout() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const session = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

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
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">
              {organisation.data ? t('app.tagline', { organisation: organisation.data.name }) : t('app.taglineFallback')}
            </span>
          </NavLink>
          <nav aria-label={t('nav.label')} className="main-nav">
            <ul>
              <li><NavLink to="/" end>{t('nav.map')}</NavLink></li>
              <li><NavLink to="/places">{t('nav.places')}</NavLink></li>
              <li><NavLink to="/report">{t('nav.report')}</NavLink></li>
              {session.data && <li><NavLink to="/inbox">{t('inbox.nav')}</NavLink></li>}
              {canReadAudit(session.data) && <li><NavLink to="/admin/audit">{t('audit.nav')}</NavLink></li>}
            </ul>
          </nav>
          <div className="header-tools">
            <SessionMenu />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <div>
            <h2 className="footer-heading">{t('footer.sources')}</h2>
            <ul>
              <li>{t('footer.boundaries')}</li>
              <li>{t('footer.police')}</li>
              <li>{t('footer.places')}</li>
              <li><strong>{t('footer.demo')}</strong></li>
            </ul>
          </div>
          <nav aria-labelledby="footer-about" className="footer-nav">
            <h2 id="footer-about" className="footer-heading">{t('about.heading')}</h2>
            <ul>
              <li><Link to="/tillganglighet">{t('about.accessibility')}</Link></li>
              <li><Link to="/personuppgifter">{t('about.privacy')}</Link></li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
