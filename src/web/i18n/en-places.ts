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
  placeFigures: {
    title: 'Visitors and opening hours per month',
    intro:
      'With the number of visitors and opening hours an evaluation can count incidents per 10,000 visitors, so that more or fewer visitors are not mistaken for an effect.',
    none: 'No months are recorded.',
    caption: 'Recorded months, latest first',
    latest: 'The latest {{shown}} of {{count}} recorded months are shown.',
    month: 'Month',
    visitors: 'Visitors',
    openingHours: 'Opening hours',
    unknown: '–',
    formTitle: 'Record or correct a month',
    formHint: 'A month already recorded is overwritten. Leave a field blank if the figure is missing.',
    monthHint: 'For example 2024-03.',
    visitorsHint: "The whole month's visitors, for example from the visitor counter.",
    openingHoursHint: 'Hours the place was open during the month.',
    submit: 'Save the month',
    saving: 'Saving …',
    saved: 'The month {{month}} is saved.',
    summaryTitle: 'The month could not be saved',
    errors: {
      month: 'Give the month as year and month, for example 2024-03.',
      visitors: 'Give the number of visitors as a whole number, or opening hours if visitors are missing.',
      opening_hours: 'Give opening hours as a number between 0 and 744.',
    },
  },
};
