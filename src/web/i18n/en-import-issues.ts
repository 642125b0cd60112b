import type { svImportIssues } from './sv-import-issues.js';
import type { Shape } from './shape.js';

/** English texts of an import's row issues, by code (see the Swedish file). */
export const enImportIssues: Shape<typeof svImportIssues> = {
  importIssues: {
    plain: {
      missing_value: 'The value is missing.',
      invalid_coordinates: 'The coordinates are not a valid position.',
      in_future: 'The time is in the future.',
      swapped_coordinates: 'Latitude and longitude (or northing and easting) look swapped.',
      outside_organisation: 'The point lies outside the organisation’s areas at that time.',
      invalid_event: 'This is not an event from the police API.',
    },
    withValues: {
      invalid_time: '“{{value}}” is not a time of day.',
      invalid_date: '“{{value}}” is not a date.',
      invalid_precision: '“{{value}}” is not exact, place, area or municipality.',
      invalid_crs: '“{{value}}” is not EPSG:4326, 3006 or 3011.',
      invalid_number: '“{{value}}” is not a number.',
      unknown_place: '“{{value}}” is not a known place or area.',
      invalid_coordinates: '“{{value}}” is not a valid position (“lat,lng”).',
      unknown_category: '“{{value}}” maps to no category.',
      inactive_category: 'The category “{{value}}” is no longer in use.',
      unknown_location: 'No point is known for the police location “{{value}}”.',
      text_too_long: 'The text is longer than {{max}} characters.',
      duplicate_source_ref_in_file: 'Same id as row {{row}}.',
      duplicate_near_in_file: 'Same category within {{metres}} m and {{minutes}} minutes of row {{row}}.',
      duplicate_near_in_database: 'Same category within {{metres}} m and {{minutes}} minutes of a stored incident.',
    },
    suggestions: {
      invalid_time: 'Write for example 18:30 or 18.30.',
      invalid_date: 'Write for example 2026-11-25T18:00+01:00, 2026-11-25 18:00, 2026-11-25 or 25/11/2026.',
      unknown_place: 'Give coordinates, or add the place.',
      unknown_category: 'Map the word to a category code in the profile’s category_map.',
      swapped_coordinates: 'Swap the columns, or import with swapped coordinates (swap_coordinates in the profile).',
      unknown_location: 'Set police_location in the profile to a location name the police API uses.',
    },
  },
};
