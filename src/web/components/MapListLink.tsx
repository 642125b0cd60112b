import { useTranslation } from 'react-i18next';

/**
 * "The map's content is also a list: go to it" — a same-page link that moves focus (not just the scroll
 * position) to the table that is the map's accessible alternative. The target needs tabIndex={-1}.
 */
export function MapListLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('common.mapListHint')}{' '}
      <a
        href={`#${targetId}`}
        className="map-list-link"
        onClick={(e) => {
          const target = document.getElementById(targetId);
          if (!target) return;
          e.preventDefault();
          target.scrollIntoView({ block: 'start' });
          target.focus();
        }}
      >
        {t('common.mapListLink')}
      </a>
    </>
  );
}
