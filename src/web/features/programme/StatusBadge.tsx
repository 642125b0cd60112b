import { useTranslation } from 'react-i18next';

/** A status as a word in a tinted box (the colour repeats what the word says, never replaces it). */
export function StatusBadge({ kind, status }: { kind: 'measure' | 'request'; status: string }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge-${status}`}>{t(`programme.${kind}Status.${status}`)}</span>;
}
