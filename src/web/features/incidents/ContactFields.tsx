import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HONEYPOT_FIELD } from '../../../domain/public-reports.js';
import { Field } from '../../forms/Field.js';

interface Props {
  notify: boolean;
  email: string;
  honeypot: string;
  emailError?: string | undefined;
  onChange: (patch: { notify?: boolean; email?: string; honeypot?: string }) => void;
}

/** Optional e-mail for updates (kept only when asked for), and the honeypot field people never see. */
export function ContactFields({ notify, email, honeypot, emailError, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field checkbox-field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={notify}
            aria-describedby="report-notify-help"
            onChange={(e) => onChange({ notify: e.target.checked })}
          />
          <span>{t('report.notify')}</span>
        </label>
        <p id="report-notify-help" className="hint">
          {t('report.notifyHelp')} {/* A new tab, so the half-filled form stays as it is. */}
          <Link to="/personuppgifter" target="_blank" rel="noopener" className="privacy-link">
            {t('report.privacyLink')} <span className="nowrap">{t('about.newTab')}</span>
          </Link>
        </p>
      </div>
      {notify && (
        <Field id="report-email" label={t('report.email')} hint={t('report.emailHelp')} error={emailError}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => onChange({ email: e.target.value })}
            />
          )}
        </Field>
      )}
      {/* Off-screen and out of the tab order; screen readers skip it too. Bots fill in every field. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="report-website">Website</label>
        <input
          id="report-website"
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={honeypot}
          onChange={(e) => onChange({ honeypot: e.target.value })}
        />
      </div>
    </>
  );
}
