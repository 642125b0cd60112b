import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.js';

/** Two buttons, each labelled in its own language; the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-button"
          aria-pressed={i18n.language === lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
