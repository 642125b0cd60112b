/**
 * Swedish words that often open a sentence or a note in records (and so are capitalised) but are never names:
 * function words, and the common words of incident and meeting notes. Kept small on purpose — a word missing
 * here only costs the reviewing officer one more "approve"; a name wrongly listed here would never be offered.
 */
export const COMMON_WORDS_SV: readonly string[] = [
  // function words
  'alla', 'allt', 'andra', 'att', 'av', 'bara', 'de', 'dem', 'den', 'denna', 'dessa', 'det', 'detta', 'där', 'efter', 'eftersom',
  'eller', 'en', 'enligt', 'ett', 'flera', 'from', 'för', 'före', 'genom', 'han', 'hans', 'har', 'hen', 'hon', 'hennes', 'här',
  'i', 'ibland', 'ingen', 'inga', 'inget', 'innan', 'inte', 'kan', 'man', 'med', 'mellan', 'men', 'mot', 'många', 'nu', 'när',
  'någon', 'några', 'något', 'och', 'också', 'om', 'på', 'sedan', 'senare', 'ska', 'som', 'så', 'till', 'tom', 'under', 'ut',
  'utan', 'vi', 'vid', 'vad', 'var', 'varje', 'vilka', 'vilken', 'åt', 'över', 'även',
  // time words
  'idag', 'igår', 'imorgon', 'ikväll', 'inatt', 'morgon', 'kväll', 'natt', 'helg', 'helgen', 'vecka', 'veckan',
  'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag',
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december',
  // words of incident, problem and meeting notes
  'anmälan', 'belysning', 'boende', 'brand', 'cykel', 'cyklar', 'entré', 'entrén', 'grupp', 'gruppen', 'klotter', 'kameror',
  'larm', 'larmet', 'lampa', 'lampor', 'nedskräpning', 'personal', 'personalen', 'polis', 'polisen', 'skadegörelse', 'stöld',
  'trygghet', 'trygghetsvandring', 'ungdomar', 'väktare', 'väktarna', 'åtgärd', 'åtgärden', 'återkoppling', 'ärende', 'ärendet',
  'beslut', 'kontakta', 'möte', 'mötet', 'ring', 'samtal', 'tel', 'uppföljning', 'inget', 'ok', 'åtgärdat', 'åtgärdad', 'klart', 'ny', 'nya', 'skadad', 'trasig', 'trasiga',
];
