import type { svAbout } from './sv-about.js';
import type { Shape } from './shape.js';

/** English texts of the public information pages (same keys as sv-about.ts). */
export const enAbout: Shape<typeof svAbout> = {
  about: {
    heading: 'About this website',
    accessibility: 'Accessibility statement',
    privacy: 'Processing of personal data',
    newTab: '(opens in a new tab)',
  },
  a11y: {
    title: 'Accessibility statement',
    intro:
      'The City of Stockholm is behind Trygg. We want as many people as possible to be able to use this website. This statement describes how Trygg complies with the Swedish Act (2018:1937) on accessibility to digital public services, the known accessibility problems, and how you can report shortcomings to us so that we can fix them.',
    responsible: 'The City of Stockholm is responsible for this website.',
    howAccessible: 'How accessible is the website?',
    howAccessibleText:
      'We know that parts of the website are not fully accessible. See the section on content that is not accessible below.',
    whatCanYouDo: 'What can you do if you cannot use parts of the website?',
    whatCanYouDoText:
      'If you need content from Trygg in another format, or cannot use some part of the website, you can contact us. We normally answer within five working days.',
    email: 'E-mail:',
    contactEmail: 'tillganglighet@stockholm.example',
    report: 'Report accessibility problems',
    reportText:
      'We are always working to improve the accessibility of the website. If you find problems that are not described on this page, or if you think we do not meet the requirements of the law, tell us so that we know the problem exists.',
    supervision: 'Enforcement',
    supervisionText:
      'The Agency for Digital Government (Digg) is responsible for enforcing the Act on accessibility to digital public services. If you are not satisfied with how we handle your feedback, you can contact Digg and tell them.',
    supervisionLink: 'Report to Digg through their web form (digg.se, external website)',
    technical: 'Technical information about the accessibility of the website',
    status:
      'This website is partially compliant with the Act on accessibility to digital public services, due to the shortcomings described below.',
    gaps: 'Content that is not accessible',
    gapsIntro: 'The content described below is not fully accessible in one way or another.',
    gapsLegal: 'Non-compliance with the legal requirements',
    gap: {
      map: 'The maps are a visual complement. Screen readers cannot read individual areas, hexagons or points on the map. The same information is available in tables and lists on the same page: districts with incident counts, the legend and the latest incidents. (WCAG 1.1.1)',
      mapClick:
        'In the report form, an exact point can only be chosen by clicking the map, which needs a mouse or a touch screen. With a keyboard, choose a place from the list or use your position instead. (WCAG 2.1.1)',
      dateInput:
        'The date and time field uses the browser’s built-in picker. How the date is shown and typed (for example 2026-11-25 or 25/11/2026) depends on the browser and its language settings, and screen readers announce the field differently. (WCAG 3.3.2)',
      colours:
        'The lightest colours of the map’s hexagons have low contrast against the map background. The count for each colour is written in the legend, and counts per district are in the table. (WCAG 1.4.11)',
    },
    testing: 'How we tested the website',
    testingText: 'We have carried out our own review of Trygg.',
    testingAxe:
      'Automated tests with axe-core against WCAG 2.1 level A and AA run on every page – signed out and signed in, with and without error messages – on every change to the website.',
    testingKeyboard:
      'Keyboard tests: reporting an incident, signing in and changing the status of an incident are tried with the keyboard only, and visible focus is checked at every step.',
    reviewed: 'The latest review was made on {{date}}.',
    updated: 'This statement was last updated on {{date}}.',
  },
  gdpr: {
    title: 'Processing of personal data',
    intro:
      'This page describes which personal data Trygg processes, why, on what legal basis, who receives it and how long it is kept. It is the city’s record of processing activities under Article 30 of the General Data Protection Regulation (GDPR).',
    controller: 'Controller',
    contact: 'Contact',
    activities: 'Processing activities',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    data: 'Personal data',
    recipients: 'Recipients',
    retention: 'Retention',
    retentionRules: 'Deletion',
    retentionIntro: 'The data is deleted automatically when the time has passed.',
    retentionCaption: 'Retention rules',
    colWhat: 'Data',
    colMonths: 'Kept for',
    months_one: '{{count}} month',
    months_other: '{{count}} months',
    rights: 'Your rights',
    rightsText:
      'You have the right to know which data we hold about you (a register extract), to have incorrect data corrected and, in some cases, to have data erased. Contact us at the address above.',
  },
};
