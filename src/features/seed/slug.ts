/**
 * An ASCII kebab-case code from a Swedish name: å/ä → a, ö → o, é → e (and any other diacritic
 * dropped), everything that is not a letter or digit becomes one hyphen.
 * @example slugify('Ulvsunda industriområde') // 'ulvsunda-industriomrade'
 * @example slugify('S:t Eriksplan') // 's-t-eriksplan'
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
