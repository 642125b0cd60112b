import type { Shape } from './shape.js';
import type { svSurveys } from './sv-surveys.js';

export const enSurveys: Shape<typeof svSurveys> = {
  surveys: {
    title: 'Safety surveys',
    nav: 'Safety surveys',
    noAccess: "The safety surveys are for the city's and the police's staff.",
    intro:
      "Published results of the city's and the police's safety surveys and related surveys, by area, question and year. Areas are at the source's own level.",
    importLink: 'Import results',
    ended: 'the district ended on {{day}}',
    levels: {
      kommun: 'Municipality',
      stadsdelsomrade: 'District',
      lokalpolisomrade: 'Local police area',
      polisregion: 'Police region',
      lan: 'County',
    },
    question: 'Question',
    direction: { lower: 'a lower share is better', higher: 'a higher share is better' },
    keyOption: 'share answering “{{option}}”',
    average: '{{area}} (whole survey)',
    chartSummary:
      'Chart of the share in {{area}} by year, first year {{first}}, latest year {{last}}. The figures are in the table below.',
    ciNote:
      'Whiskers show 95 % confidence intervals (Wilson) for years where the source gives the number of respondents. The interval ignores the sampling design and weighting.',
    ciResponseRate:
      'The response rate is a share of those asked, not of respondents, so no confidence interval is shown.',
    ciMissing_one:
      'For {{count}} year the source gives no number of respondents, so the uncertainty cannot be computed.',
    ciMissing_other:
      'For {{count}} years the source gives no number of respondents, so the uncertainty cannot be computed.',
    noAverage: 'The survey has no figure for the whole city or region for this question to compare with.',
    tableCaption: 'Share by year in {{area}}',
    year: 'Year',
    ci: '95 % confidence interval',
    respondents: 'Respondents',
    sources: 'Sources',
    indicator: {
      title: 'Use as an indicator for a problem',
      intro:
        "The question in this area becomes evidence and indicator of the problem; the problem's page shows the first and latest figures.",
      problem: 'Problem',
      placeholder: 'Choose a problem',
      choose: 'Choose the problem the question is to be an indicator for.',
      none: 'There are no problems owned by your units.',
      submit: 'Link to the problem',
      pending: 'Linking …',
      summary: 'The question could not be linked',
      done: 'The question is now an indicator for “{{title}}”.',
      open: 'Open the problem',
    },
    evidence: 'Safety survey: {{question}}, {{area}}: {{first}} → {{latest}} ({{direction}})',
    evidenceOne: 'Safety survey: {{question}}, {{area}}: {{first}} ({{direction}})',
    evidenceLink: 'Show the survey',
    import: {
      title: 'Import safety survey results',
      intro:
        'A CSV or Excel file with the columns survey, year, area_name, area_level and question, and the share in value_percent (the question’s key answer) or a column “share: <answer option>” per option. respondents and source may be present. Survey, area and question must be in the catalogue. The whole file is imported, or nothing.',
      formTitle: 'Choose a file',
      file: 'File',
      fileHelp: 'CSV or Excel (.xlsx), at most 5 MB.',
      fileMissing: 'Choose a file to import.',
      submit: 'Import',
      pending: 'Importing …',
      summary: 'The file was not imported',
      issues_one: '{{count}} error in the file',
      issues_other: '{{count}} errors in the file',
      row: 'Row',
      column: 'Column',
      problem: 'Error',
      done: 'Import done: {{inserted}} new results, {{updated}} replaced.',
      toCatalogue: 'To the safety surveys',
    },
  },
};
