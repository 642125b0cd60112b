import type { Shape } from './shape.js';
import type { svLawDocuments } from './sv-law-documents.js';

/** The law's documents (Lag 2023:196): situation picture, cause analysis, action plan. */
export const enLawDocuments: Shape<typeof svLawDocuments> = {
  lawDocuments: {
    title: "The law's documents",
    link: 'Situation picture, cause analysis and action plan',
    city: 'the whole city',
    intro:
      'Since 1 July 2023 the municipality must, under Lag (2023:196), produce a situation picture, a cause analysis and an action plan adopted by the council. Drafts are written from the data and can be edited before adoption. Problems and measures of the Restricted tier are never included. Anyone can read an adopted version, so read the text through before adoption.',
    none: 'No versions yet.',
    kind: { situation_picture: 'Situation picture', cause_analysis: 'Cause analysis', action_plan: 'Action plan' },
    about: {
      situation_picture:
        'Incidents per category and neighbourhood over the last year against the year before, trends and where they concentrate.',
      cause_analysis: 'The problems the work addresses: what, where, when, the analysis and the evidence.',
      action_plan:
        'The measures against each problem with responsible units, period, status, follow-ups and indicators.',
    },
    generate: {
      situation_picture: 'Draft a situation picture',
      cause_analysis: 'Draft a cause analysis',
      action_plan: 'Draft an action plan',
    },
    version: 'Version {{n}}',
    basedOn: 'edited from version {{n}}',
    status: { draft: 'Draft', adopted: 'Adopted', replaced: 'Replaced' },
    decision: 'Decision {{ref}}, {{day}}',
    noDecision: 'Not adopted',
    created: 'Created {{day}}',
    createdBy: '{{who}}, {{day}}',
    colVersion: 'Version',
    colStatus: 'Status',
    colDecision: 'Decision',
    colCreated: 'Created by',
    pdf: 'Download as PDF',
    edit: 'Edit',
    editHint: 'Change the text of the sections. Saving makes a new version; this one is kept.',
    save: 'Save as a new version',
    saving: 'Saving …',
    cancel: 'Cancel',
    versions: 'All versions',
    adoptTitle: 'Adopt version',
    decisionRef: 'Decision reference',
    adoptedOn: 'Day of decision',
    adopt: 'Mark as adopted',
    adopted: 'The version is adopted.',
    adoptMissing: 'Fill in the decision reference and day.',
  },
};
