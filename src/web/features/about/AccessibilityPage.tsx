import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/use-format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

/** The day of the latest review; update it (and the known gaps) after every review. */
export const ACCESSIBILITY_REVIEWED = '2026-11-25';
const CONTACT = 'tillganglighet@stockholm.example';
/** Digg's form for reporting a public body's website; a plain link, nothing is fetched from it. */
const DIGG_FORM = 'https://www.digg.se/tdosanmalan';
const GAPS = ['map', 'mapClick', 'dateInput', 'colours'] as const;

/**
 * "Tillgänglighetsredogörelse", required by lag (2018:1937) om tillgänglighet till digital offentlig service;
 * follows the structure of DIGG's template.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('a11y.title'));
  const mail = (
    <p>
      {t('a11y.email')} <a href={`mailto:${CONTACT}`}>{CONTACT}</a>
    </p>
  );
  return (
    <div className="page text-page accessibility-page">
      <h1>{t('a11y.title')}</h1>
      <p className="lead">{t('a11y.intro')}</p>
      <p>{t('a11y.responsible')}</p>

      <h2>{t('a11y.howAccessible')}</h2>
      <p>{t('a11y.howAccessibleText')}</p>

      <h2>{t('a11y.whatCanYouDo')}</h2>
      <p>{t('a11y.whatCanYouDoText')}</p>
      {mail}

      <h2>{t('a11y.report')}</h2>
      <p>{t('a11y.reportText')}</p>
      {mail}

      <h2>{t('a11y.supervision')}</h2>
      <p>{t('a11y.supervisionText')}</p>
      <p>
        <a href={DIGG_FORM} rel="noopener noreferrer">
          {t('a11y.supervisionLink')}
        </a>
      </p>

      <h2>{t('a11y.technical')}</h2>
      <p>{t('a11y.status')}</p>

      <h2>{t('a11y.gaps')}</h2>
      <p>{t('a11y.gapsIntro')}</p>
      <h3>{t('a11y.gapsLegal')}</h3>
      <ul className="gap-list">
        {GAPS.map((g) => (
          <li key={g}>{t(`a11y.gap.${g}`)}</li>
        ))}
      </ul>

      <h2>{t('a11y.testing')}</h2>
      <p>{t('a11y.testingText')}</p>
      <ul>
        <li>{t('a11y.testingAxe')}</li>
        <li>{t('a11y.testingKeyboard')}</li>
      </ul>
      <p>{t('a11y.reviewed', { date: format.longDay(ACCESSIBILITY_REVIEWED) })}</p>
      <p>{t('a11y.updated', { date: format.longDay(ACCESSIBILITY_REVIEWED) })}</p>
    </div>
  );
}
