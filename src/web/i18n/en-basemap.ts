import type { Shape } from './shape.js';
import type { svBasemap } from './sv-basemap.js';

export const enBasemap: Shape<typeof svBasemap> = {
  basemap: {
    attribution: 'Map data © OpenStreetMap contributors (ODbL) · Water and districts: City of Stockholm (CC0)',
    noStreets:
      'Streets are available for the inner city and nearest suburbs only; here the map shows water, rail, stations and districts.',
    searchLabel: 'Search for a place, district or street',
    searchPlaceholder: 'Search place or street',
    searchResults_one: '{{count}} result',
    searchResults_other: '{{count}} results',
    searchNone: 'No place, district or street by that name.',
    shown: 'The map shows {{name}}.',
    kinds: {
      place: 'place',
      district: 'district',
      neighbourhood: 'neighbourhood',
      station: 'station',
      street: 'street',
    },
    keyboardHint:
      'With the keyboard: move the map with the arrow keys, zoom with + and −, and press Enter to set the point at the cross in the middle.',
    hotspotTooltip: '{{label}} · {{count}} incidents',
  },
};
