/**
 * The demo's report texts, short and Swedish like the real ones. No text holds personal data (checked in
 * demo-model.test.ts): they describe what happened, never who.
 */

/**
 * Indoor rooms: reports happen while they are open (staff and visitors are there to see and report), except
 * break-ins and vandalism at night, found at opening. Per category, the share of indoor reports that are
 * such after-hours events, and their texts (so that a row says which kind it is).
 */
export const AFTER_HOURS: Readonly<Record<string, { share: number; texts: readonly string[] }>> = {
  stold_inbrott: {
    share: 0.3,
    texts: [
      'Inbrott nattetid, larmet gick',
      'Inbrottsförsök nattetid, uppbruten dörr',
      'Inbrott i personalrummet under natten',
    ],
  },
  skadegorelse: {
    share: 0.35,
    texts: ['Krossad glasruta i entrédörren, upptäckt vid öppning', 'Sönderslagen fönsterruta under natten'],
  },
  klotter: { share: 0.4, texts: ['Klotter på fasaden vid entrén, upptäckt vid öppning'] },
};

/** Short Swedish report texts without personal data: outdoor and (where it occurs indoors) indoor variants. */
export const TEMPLATES: Readonly<Record<string, readonly [outdoor: readonly string[], indoor?: readonly string[]]>> = {
  skadegorelse: [
    [
      'Krossad glasruta i busskuren',
      'Sönderslagen parkbänk',
      'Vandaliserad papperskorg',
      'Trasig skylt vid gångvägen',
      'Bucklat och uppbrutet elskåp',
    ],
    ['Sönderskuren stolsdyna', 'Skadad toalettdörr', 'Sönderriven tidningshylla'],
  ],
  klotter: [
    [
      'Klotter på väggen vid entrén',
      'Nytt klotter på busskuren',
      'Taggar på elskåpet',
      'Klotter på fasaden mot torget',
      'Klotter i gångtunneln',
    ],
    ['Klotter på toaletten', 'Klotter på bord i läsesalen', 'Klotter på väggen i trapphuset'],
  ],
  nedskrapning: [
    [
      'Mycket skräp kring bänkarna',
      'Överfull papperskorg',
      'Glassplitter på gångbanan',
      'Nedskräpat efter helgen',
      'Fimpar och burkar vid trappan',
    ],
    ['Skräp kvarlämnat i läsesalen', 'Nedskräpat vid entrén'],
  ],
  trasig_belysning: [
    [
      'Trasig gatlampa på gångvägen',
      'Mörkt vid trappan, lampan är ur funktion',
      'Belysningen i gångtunneln är släckt',
      'Flera lampor ur funktion',
    ],
    ['Trasig belysning vid entrén'],
  ],
  otrygg_plats: [
    [
      'Mörkt och otryggt på kvällstid',
      'Skymd gångväg med tätt buskage',
      'Grupper samlas och det känns otryggt',
      'Otryggt att gå här ensam på kvällen',
    ],
    ['Otrygg stämning vid entrén på kvällen', 'Besökare upplever det otryggt vid stängning'],
  ],
  ordningsstorning: [
    [
      'Högljudd grupp sent på kvällen',
      'Bråk mellan besökare',
      'Störande musik och fest på natten',
      'Berusade personer stör förbipasserande',
    ],
    ['Störande grupp i läsesalen', 'Stök vid entrén, personal fick ingripa', 'Högljudda ungdomar på barnavdelningen'],
  ],
  narkotika: [
    ['Misstänkt narkotikaförsäljning', 'Sprutor hittade i buskaget', 'Misstänkt langning vid trappan'],
    ['Misstänkt narkotikaanvändning på toaletten'],
  ],
  vald: [
    ['Slagsmål på platsen', 'Misshandel, polis tillkallad', 'Knuffar och slag mellan två grupper'],
    ['Besökare knuffade personal', 'Slagsmål vid entrén'],
  ],
  hot: [
    ['Förbipasserande blev hotad', 'Hotfullt beteende mot väktare'],
    ['Hot mot personal vid informationsdisken', 'Besökare hotade en annan besökare'],
  ],
  stold_inbrott: [
    ['Cykelstöld', 'Inbrott i förråd', 'Ficktjuvar i rörelse'],
    ['Stöld av mobiltelefon i läsesalen', 'Väska stulen vid entrén', 'Plånbok stulen vid garderoben'],
  ],
  brand: [
    ['Brand i papperskorg', 'Anlagd brand i container', 'Brand i sopkärl'],
    ['Brandlarm utlöst, rök från papperskorg'],
  ],
  trafikfara: [
    ['Bilar kör mot rött i korsningen', 'Felparkerade bilar skymmer övergångsstället', 'Mopeder kör på gångbanan'],
  ],
  annat: [
    ['Övergivet föremål på platsen', 'Vattenläcka i gatan', 'Lösspringande hund'],
    ['Hissen är ur funktion', 'Vattenläcka i taket'],
  ],
};
