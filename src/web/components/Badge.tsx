import { useTranslation } from 'react-i18next';

/** Marks generated demo rows so nobody mistakes them for real figures. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-demo" title={t('common.demo')}>
      {t('common.demo')}
    </span>
  );
}

export function ApproximateBadge({ kind }: { kind: 'borders' | 'position' }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge-approx">
      {t(kind === 'borders' ? 'common.approximateBorders' : 'common.approximatePosition')}
    </span>
  );
}
