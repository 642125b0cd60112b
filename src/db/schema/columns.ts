import type { ColumnType } from 'kysely';

/** Dates (SQL `date`) travel as 'YYYY-MM-DD' strings on both engines; see connect.ts. */
export type DateString = string;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb columns take plain objects (never top-level arrays: pg would send those as SQL arrays). */
export type Json<T> = ColumnType<T, T, T>;
