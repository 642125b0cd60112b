/**
 * Swedish texts of an import's row issues, by the issue's code (the server's message is in English for the
 * API and the command line). `withValues` when the issue names what it found (params), `plain` otherwise.
 */
export const svImportIssues = {
  importIssues: {
    plain: {
      missing_value: 'Uppgiften saknas.',
      invalid_coordinates: 'Koordinaterna är ingen giltig position.',
      in_future: 'Tiden ligger i framtiden.',
      swapped_coordinates: 'Latitud och longitud (eller nordlig och östlig koordinat) verkar ha bytt plats.',
      outside_organisation: 'Punkten ligger utanför organisationens områden vid den tiden.',
      invalid_event: 'Det här är ingen händelse från polisens API.',
    },
    withValues: {
      invalid_time: '”{{value}}” är ingen tid på dygnet.',
      invalid_date: '”{{value}}” är inget datum.',
      invalid_precision: '”{{value}}” är inte exact, place, area eller municipality.',
      invalid_crs: '”{{value}}” är inte EPSG:4326, 3006 eller 3011.',
      invalid_number: '”{{value}}” är inget tal.',
      unknown_place: '”{{value}}” är ingen känd plats eller något känt område.',
      invalid_coordinates: '”{{value}}” är ingen giltig position (”lat,lng”).',
      unknown_category: '”{{value}}” motsvarar ingen kategori.',
      inactive_category: 'Kategorin ”{{value}}” används inte längre.',
      unknown_location: 'Ingen punkt är känd för polisens ort ”{{value}}”.',
      text_too_long: 'Texten är längre än {{max}} tecken.',
      duplicate_source_ref_in_file: 'Samma id som rad {{row}}.',
      duplicate_near_in_file: 'Samma kategori inom {{metres}} m och {{minutes}} minuter från rad {{row}}.',
      duplicate_near_in_database:
        'Samma kategori inom {{metres}} m och {{minutes}} minuter från en händelse som redan är sparad.',
    },
    suggestions: {
      invalid_time: 'Skriv till exempel 18:30 eller 18.30.',
      invalid_date: 'Skriv till exempel 2026-11-25T18:00+01:00, 2026-11-25 18:00, 2026-11-25 eller 25/11/2026.',
      unknown_place: 'Ange koordinater, eller lägg till platsen.',
      unknown_category: 'Koppla ordet till en kategorikod i profilens kategorilista (category_map).',
      swapped_coordinates:
        'Byt plats på kolumnerna, eller importera med byte av koordinater (swap_coordinates i profilen).',
      unknown_location: 'Ange i profilen (police_location) ett ortnamn som polisens API använder.',
    },
  },
};
