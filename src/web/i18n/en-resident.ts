import type { Shape } from './shape.js';
import type { svResident } from './sv-resident.js';

/** English texts of the resident's loop. */
export const enResident: Shape<typeof svResident> = {
  resident: {
    photo: {
      label: 'Photo',
      hint: "Optional. JPEG, PNG or HEIC, at most 10 MB. We remove the camera's data (such as position and time) and shrink the picture. Avoid photographing faces or number plates.",
      wrongType: 'The photo must be a JPEG, PNG or HEIC image.',
      tooLarge: 'The photo may be at most 10 MB.',
      remove: 'Remove the photo',
      sending: 'Sending the photo …',
      sent: 'The photo has been sent.',
      failed: 'The report was received, but the photo could not be sent: {{message}}',
      alt: 'The photo sent with the report',
      open: 'Show the photo at full size',
    },
    follow: {
      historyHeading: 'What has happened',
      updatesHeading: 'Replies from the city',
      noUpdates: 'No replies yet.',
      handlingHeading: 'Expected handling time',
      handling: '{{rule}} Expect an answer by {{due}}.',
      handlingNone: 'There is no promised handling time for this category.',
      mapHeading: 'The place',
      mapLabel: 'Map with the place of the report',
      mapNote: 'The point is rounded to about 100 metres.',
      photoHeading: 'Your photo',
      photoNote: "The photo is shown only to whoever holds the receipt code and to the city's staff.",
    },
    staff: {
      heading: 'The reporter',
      receipt: 'Receipt code',
      photo: 'Photo from the reporter',
      photoAlt: 'Photo sent with the report',
      replyLabel: 'Reply to the reporter',
      replyHint:
        'Shown on the page where the report is followed by its receipt code, and e-mailed if the reporter confirmed an address. Identity numbers, phone numbers and the like are masked.',
      replyRequired: 'Write a reply.',
      replyTooLong: 'The reply may be at most 2000 characters.',
      replySubmit: 'Send reply',
      replySending: 'Sending …',
      replySent: 'The reply has been sent.',
      summaryTitle: 'The reply could not be sent',
      summaryIntro: 'Correct the following:',
      replies: 'Replies sent',
      noReplies: 'No replies sent yet.',
    },
    lookup: {
      heading: 'Find a report',
      label: 'Receipt code',
      hint: 'For example TR-K7QM-4XPA.',
      submit: 'Search',
      invalid: 'Enter a receipt code such as TR-K7QM-4XPA.',
      notFound: 'No report with that receipt code that you can see.',
    },
  },
};
