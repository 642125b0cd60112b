/** Swedish texts of a place as a resource of the local work: hours, contacts, zones over time, measures. */
export const svPlaces = {
  placeResource: {
    hours: 'Öppettider',
    noHours: 'Inga öppettider angivna.',
    closed: 'Stängt',
    contact: 'Kontakt',
    noContact: 'ingen kontaktväg angiven',
    byZone: 'Händelser per zon och månad',
    byZoneCaption: 'Händelser på platsen per zon, de senaste tolv månaderna och innevarande månad',
    byZoneIntro: 'Zonen anges när händelsen rapporteras, till exempel entrén eller läsesalen.',
    month: 'Månad',
    noZone: 'Ingen zon angiven',
    total: 'Totalt',
    measures: 'Åtgärder på platsen',
    noMeasures: 'Inga åtgärder riktade mot platsen som du kan se.',
    measureOf: '{{type}} · {{unit}}',
    untitled: 'Åtgärd ({{type}})',
    period: '{{from}} – {{to}}',
  },
};
