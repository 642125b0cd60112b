/**
 * Numbers as the interpretation texts write them. Swedish: decimal comma, a space between thousands and the
 * minus sign "−" (U+2212), a space before "%" ("32 %"), as Språkrådet's Svenska skrivregler recommend.
 * English: decimal point, comma between thousands, "32%".
 */
import type { LabelLanguage } from '../../../domain/labels.js';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: LabelLanguage, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format)
    formats.set(
      key,
      (format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })),
    );
  return format;
}

/**
 * x with `digits` decimals; a value that rounds to zero is written without a sign ("0", never "−0").
 * @example formatNumber(-12345.67, 'sv', 1) // '−12 345,7'; formatNumber(-12345.67, 'en', 1) // '-12,345.7'
 */
export function formatNumber(x: number, lang: LabelLanguage, digits = 0): string {
  const rounded = Math.round(x * 10 ** digits) / 10 ** digits;
  const text = numberFormat(lang, digits).format(rounded === 0 ? 0 : rounded);
  // Intl writes a no-break (or narrow no-break) space between thousands; a plain space copies and prints alike.
  return lang === 'sv' ? text.replace(/[\u00a0\u202f]/g, ' ').replace(/-/g, '\u2212') : text;
}

/**
 * A percentage: '32 %' in Swedish, '32%' in English.
 * @example formatPercent(-12.4, 'sv') // '−12 %'
 */
export function formatPercent(x: number, lang: LabelLanguage, digits = 0): string {
  return lang === 'sv' ? `${formatNumber(x, lang, digits)} %` : `${formatNumber(x, lang, digits)}%`;
}

/**
 * A number with its sign always written: '+0,7', '−1,2', '0'.
 * @example formatSigned(0.7, 'sv', 1) // '+0,7'
 */
export function formatSigned(x: number, lang: LabelLanguage, digits = 0): string {
  const text = formatNumber(x, lang, digits);
  return Math.round(x * 10 ** digits) > 0 ? `+${text}` : text;
}
