/**
 * The calendar: ISO weeks, local days and wall-clock time in a zone, for the server, the CLI and the browser
 * alike (Intl and Date only). Every function that reads a wall clock takes the zone as a parameter.
 */
export * from './days.js';
export * from './weeks.js';
export * from './zone.js';
