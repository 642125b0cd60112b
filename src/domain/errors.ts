/** Machine-readable error codes; each has a Swedish and an English message below. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNKNOWN_ORGANISATION',
  'UNKNOWN_CATEGORY',
  'INACTIVE_CATEGORY',
  'OUTSIDE_ORGANISATION',
  'OCCURRED_IN_FUTURE',
  'PLACE_ZONE_MISMATCH',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'WEAK_PASSWORD',
  'EMPTY_FILE',
  'UNREADABLE_FILE',
  'HEADER_ONLY',
  'MISSING_COLUMN',
  'RECORD_TOO_LARGE',
  'IMPORT_HAS_ERRORS',
  'INVALID_TRANSITION',
  'REVIEW_INCOMPLETE',
  'PASSWORD_CHANGE_REQUIRED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalisedMessage {
  sv: string;
  en: string;
}

export const ERROR_MESSAGES: Record<ErrorCode, LocalisedMessage> = {
  VALIDATION_FAILED: { sv: 'Uppgifterna är inte giltiga.', en: 'The input is not valid.' },
  NOT_FOUND: { sv: 'Hittades inte.', en: 'Not found.' },
  UNKNOWN_ORGANISATION: { sv: 'Okänd organisation.', en: 'Unknown organisation.' },
  UNKNOWN_CATEGORY: { sv: 'Okänd kategori.', en: 'Unknown category.' },
  INACTIVE_CATEGORY: { sv: 'Kategorin används inte längre.', en: 'The category is no longer in use.' },
  OUTSIDE_ORGANISATION: {
    sv: 'Platsen ligger utanför organisationens områden vid den tidpunkten.',
    en: "The location is outside the organisation's areas at that time.",
  },
  OCCURRED_IN_FUTURE: { sv: 'Tidpunkten ligger i framtiden.', en: 'The time is in the future.' },
  PLACE_ZONE_MISMATCH: {
    sv: 'Zonen hör inte till den valda platsen.',
    en: 'The zone does not belong to the chosen place.',
  },
  CONFLICT: { sv: 'Finns redan.', en: 'Already exists.' },
  PAYLOAD_TOO_LARGE: { sv: 'För mycket data i anropet.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { sv: 'Formatet stöds inte.', en: 'The content type is not supported.' },
  BAD_REQUEST: { sv: 'Felaktigt anrop.', en: 'Bad request.' },
  RATE_LIMITED: { sv: 'För många anrop, försök igen senare.', en: 'Too many requests, try again later.' },
  INTERNAL: { sv: 'Ett oväntat fel inträffade.', en: 'An unexpected error occurred.' },
  DATABASE_UNAVAILABLE: {
    sv: 'Databasen svarar inte just nu. Försök igen om en stund.',
    en: 'The database is not answering right now. Try again in a moment.',
  },
  UNAUTHENTICATED: { sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  INVALID_CREDENTIALS: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  ACCOUNT_LOCKED: {
    sv: 'För många misslyckade inloggningar härifrån. Vänta en stund och försök igen.',
    en: 'Too many failed sign-ins from here. Wait a while and try again.',
  },
  FORBIDDEN: { sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  CSRF_FAILED: { sv: 'Sidan behöver laddas om (säkerhetskontroll).', en: 'Reload the page (security check failed).' },
  WEAK_PASSWORD: { sv: 'Lösenordet är för svagt.', en: 'The password is too weak.' },
  PASSWORD_CHANGE_REQUIRED: {
    sv: 'Byt ditt engångslösenord innan du fortsätter.',
    en: 'Change your one-time password before you continue.',
  },
  EMPTY_FILE: { sv: 'Filen är tom.', en: 'The file is empty.' },
  UNREADABLE_FILE: {
    sv: 'Filen går inte att läsa som CSV, Excel, GeoJSON eller polisens händelser.',
    en: 'The file cannot be read as CSV, Excel, GeoJSON or police events.',
  },
  HEADER_ONLY: { sv: 'Filen har bara en rubrikrad och inga rader.', en: 'The file has a header row but no rows.' },
  MISSING_COLUMN: { sv: 'En obligatorisk kolumn saknas.', en: 'A required column is missing.' },
  RECORD_TOO_LARGE: { sv: 'En rad i filen är för lång.', en: 'A row in the file is too long.' },
  INVALID_TRANSITION: {
    sv: 'Statusen kan inte ändras så från nuvarande status.',
    en: 'The status cannot change that way from its current status.',
  },
  REVIEW_INCOMPLETE: {
    sv: 'Alla markeringar måste prövas (maskeras eller godkännas) innan handlingarna lämnas ut.',
    en: 'Every mark must be reviewed (masked or approved) before the records are released.',
  },
  IMPORT_HAS_ERRORS: {
    sv: 'Importen gjordes inte: rader har fel. Rätta filen eller hoppa över felaktiga rader.',
    en: 'Nothing was imported: rows have errors. Fix the file or skip the invalid rows.',
  },
};

/** One problem with one field, as shown next to that field in a form. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  /** The offending value where the caller needs it to point at it (e.g. which of several ids is unknown). */
  value?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messages: LocalisedMessage; details?: unknown };
}

/** The one error type of the application: a code, optional details; HTTP status comes from the code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly messages: LocalisedMessage;

  constructor(code: ErrorCode, options: { details?: unknown; messages?: LocalisedMessage } = {}) {
    const messages = options.messages ?? ERROR_MESSAGES[code];
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.messages = messages;
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNKNOWN_ORGANISATION: 404,
  UNKNOWN_CATEGORY: 400,
  INACTIVE_CATEGORY: 400,
  OUTSIDE_ORGANISATION: 400,
  OCCURRED_IN_FUTURE: 400,
  PLACE_ZONE_MISMATCH: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BAD_REQUEST: 400,
  RATE_LIMITED: 429,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  WEAK_PASSWORD: 400,
  EMPTY_FILE: 400,
  UNREADABLE_FILE: 400,
  HEADER_ONLY: 400,
  MISSING_COLUMN: 400,
  RECORD_TOO_LARGE: 413,
  IMPORT_HAS_ERRORS: 422,
  INVALID_TRANSITION: 409,
  REVIEW_INCOMPLETE: 409,
  PASSWORD_CHANGE_REQUIRED: 403,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};
