/** The language Trygg's data is written in: names of places and areas, categories, free texts, reasons. */
export const DATA_LANGUAGE = 'sv';

/**
 * The `lang` attribute for data text shown in a UI language (WCAG 3.1.2): Swedish data inside the English
 * page is marked so a screen reader pronounces it in Swedish; inside the Swedish page nothing is added.
 * @example dataLangProps('en') // { lang: 'sv' }
 * @example dataLangProps('sv') // {}
 */
export function dataLangProps(uiLanguage: string): { lang?: typeof DATA_LANGUAGE } {
  return uiLanguage.split('-')[0] === DATA_LANGUAGE ? {} : { lang: DATA_LANGUAGE };
}
