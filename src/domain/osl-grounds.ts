import { z } from 'zod';

/**
 * The grounds in the Public Access to Information and Secrecy Act (offentlighets- och sekretesslagen, OSL)
 * an officer may cite when masking part of a released record. One list, for the API, the web page and the
 * released document.
 */
export const OSL_GROUNDS = [
  {
    code: 'osl-18-8',
    ref: '18 kap. 8 § OSL',
    sv: 'Säkerhets- eller bevakningsåtgärd',
    en: 'Security or surveillance measure',
  },
  {
    code: 'osl-21-3',
    ref: '21 kap. 3 § OSL',
    sv: 'Adress och kontaktuppgifter till en person som kan utsättas för hot eller våld',
    en: 'Address and contact details of a person who may be threatened or harmed',
  },
  {
    code: 'osl-21-7',
    ref: '21 kap. 7 § OSL',
    sv: 'Personuppgifter som inte får lämnas ut enligt dataskyddsreglerna',
    en: 'Personal data that data-protection law forbids releasing',
  },
  {
    code: 'osl-26-1',
    ref: '26 kap. 1 § OSL',
    sv: 'Enskilds personliga förhållanden inom socialtjänsten',
    en: "An individual's personal circumstances in social services",
  },
  {
    code: 'osl-35-1',
    ref: '35 kap. 1 § OSL',
    sv: 'Enskilds personliga förhållanden i brottsbekämpande verksamhet',
    en: "An individual's personal circumstances in crime prevention and investigation",
  },
] as const;
export type Ground = (typeof OSL_GROUNDS)[number]['code'];
export const GroundSchema = z.enum(OSL_GROUNDS.map((g) => g.code) as [Ground, ...Ground[]]);
/** The ground pre-set on what the personal-data recogniser masks automatically (the officer may change it). */
export const AUTOMATIC_GROUND: Ground = 'osl-21-7';

/** The ground's reference and label in a language, e.g. "21 kap. 7 § OSL – Personuppgifter …". */
export function groundLabel(code: Ground, lang: 'sv' | 'en' = 'sv'): string {
  const g = OSL_GROUNDS.find((x) => x.code === code)!;
  return `${g.ref} – ${g[lang]}`;
}

/** What the release log keeps of the review: who and when, and how much was masked under which ground — never the text. */
export const ReleaseReviewSchema = z.object({
  reviewed_by: z.array(z.string()),
  reviewed_at: z.string(),
  masks: z.array(z.object({ ground: GroundSchema, count: z.number().int() })),
  approved: z.number().int(),
});
export type ReleaseReview = z.infer<typeof ReleaseReviewSchema>;
