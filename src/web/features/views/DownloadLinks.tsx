import { useTranslation } from 'react-i18next';

/** The report as PDF and Excel: plain links, the browser downloads what the server sends as an attachment. */
export function DownloadLinks({ pdf, xlsx }: { pdf: string; xlsx: string }) {
  const { t } = useTranslation();
  return (
    <p className="download-links">
      <span>{t('reports.download.intro')}</span>
      <a className="button button-secondary" href={pdf} download>
        {t('reports.download.pdf')}
      </a>
      <a className="button button-secondary" href={xlsx} download>
        {t('reports.download.xlsx')}
      </a>
    </p>
  );
}
