import type { Shape } from './shape.js';
import type { svPlaces } from './sv-places.js';

/** English texts of a place as a resource (same keys as sv-places.ts). */
export const enPlaces: Shape<typeof svPlaces> = {
  placeResource: {
    hours: 'Opening hours',
    noHours: 'No opening hours given.',
    closed: 'Closed',
    contact: 'Contact',
    noContact: 'no contact given',
    byZone: 'Incidents by zone and month',
    byZoneCaption: 'Incidents at the place by zone, the last twelve months and the current month',
    byZoneIntro: 'The zone is given when the incident is reported, for example the entrance or the reading room.',
    month: 'Month',
    noZone: 'No zone given',
    total: 'Total',
    measures: 'Measures at the place',
    noMeasures: 'No measures aimed at the place that you can see.',
    measureOf: '{{type}} · {{unit}}',
    untitled: 'Measure ({{type}})',
    period: '{{from}} – {{to}}',
  },
};
