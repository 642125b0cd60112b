import { useTranslation } from 'react-i18next';

/** One button that switches to the other language, labelled in that language (lang set, so it is read aloud right). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'sv' : 'en';
  return (
    <button type="button" lang={other} className="language-button" onClick={() => void i18n.changeLanguage(other)}>
      {t(`lang.${other}`)}
    </button>
  );
}
