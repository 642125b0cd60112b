import type { QualityItem } from '../../../domain/quality.js';

/**
 * The page where a quality item is fixed: a problem or measure page; a follow-up on its measure's page, a
 * request on its problem's page; an agreement among its district's agreements. Null when the link is incomplete.
 * @example fixPath({ link: { entity: 'followup', id: 'f1' }, parent: { entity: 'measure', id: 'm1' }, unit: { id: 'u', name: 'U' } }) // '/measures/m1'
 */
export function fixPath(item: Pick<QualityItem, 'link' | 'parent' | 'unit'>): string | null {
  const enc = encodeURIComponent;
  switch (item.link.entity) {
    case 'problem':
      return `/problems/${enc(item.link.id)}`;
    case 'measure':
      return `/measures/${enc(item.link.id)}`;
    case 'followup':
      return item.parent?.entity === 'measure' ? `/measures/${enc(item.parent.id)}` : null;
    case 'request':
      return item.parent?.entity === 'problem' ? `/problems/${enc(item.parent.id)}` : null;
    case 'agreement':
      return `/agreements?district=${enc(item.unit.id)}#agreement-${enc(item.link.id)}`;
  }
}
