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
  PLACE_ZONE_MISMATCH: { sv: 'Zonen hör inte till den valda platsen.', en: 'The zone does not belong to the chosen place.' },
  CONFLICT: { sv: 'Finns redan.', en: 'Already exists.' },
  PAYLOAD_TOO_LARGE: { sv: 'För mycket data i anropet.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { sv: 'Formatet stöds inte.', en: 'The content type is not supported.' },
  BAD_REQUEST: { sv: 'Felaktigt anrop.', en: 'Bad request.' },
  RATE_LIMITED: { sv: 'För många anrop, försök igen senare.', en: 'Too many requests, try again later.' },
  INTERNAL: { sv: 'Ett oväntat fel inträffade.', en: 'An unexpected error occurred.' },
};

/** One problem with one field, as shown next to that field in a form. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
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
  INTERNAL: 500,
};
