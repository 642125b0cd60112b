export const svBasemap = {
  basemap: {
    attribution: 'Kartdata © OpenStreetMap-bidragsgivare (ODbL) · Vatten och stadsdelar: Stockholms stad (CC0)',
    noStreets:
      'Gatunät finns bara för innerstaden och närmaste förorter; här visas vatten, spår, stationer och stadsdelar.',
    searchLabel: 'Sök plats, stadsdel eller gata',
    searchPlaceholder: 'Sök plats eller gata',
    searchResults_one: '{{count}} träff',
    searchResults_other: '{{count}} träffar',
    searchNone: 'Ingen plats, stadsdel eller gata med det namnet.',
    shown: 'Kartan visar {{name}}.',
    kinds: {
      place: 'plats',
      district: 'stadsdelsområde',
      neighbourhood: 'stadsdel',
      station: 'station',
      street: 'gata',
    },
    keyboardHint:
      'Med tangentbordet: flytta kartan med piltangenterna, zooma med + och −, och tryck Enter för att sätta punkten vid korset i mitten.',
    hotspotTooltip: '{{label}} · {{count}} händelser',
  },
};
