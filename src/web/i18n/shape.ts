/** The same shape as the Swedish resources, with any strings: every language has exactly the Swedish keys. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
