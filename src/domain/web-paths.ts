// Pages of the web app that server-written messages link to. Kept apart from the zod schemas, so the web's
// router can name them without loading zod on the first page.

/** The web page that confirms a reporter's address; the token travels in the fragment, which no server logs. */
export const CONFIRM_CONTACT_PATH = '/report/confirm';

/** The web page where a report is followed by its receipt code (the code follows as the last segment). */
export const FOLLOW_PATH = '/follow';
