import type { Shape } from './shape.js';
import type { svEvaluations } from './sv-evaluations.js';

/** English texts for evaluating a measure. */
export const enEvaluations: Shape<typeof svEvaluations> = {
  evaluations: {
    title: 'Evaluation',
    evaluate: 'Evaluate',
    none: 'The measure has no evaluation yet.',
    forMeasure: 'Evaluation of the measure',
    draft: 'Draft',
    published: 'Published',
    design: 'Design',
    designIntro:
      'An evaluation compares the place where the measure was taken with places where nothing changed, before and after. That separates the effect of the measure from what happened everywhere.',
    treatment: 'Treatment place',
    treatmentHelp: 'Where the measure was taken.',
    comparison: 'Comparison places',
    comparisonHelp:
      'Similar places where nothing changed. They show what would probably have happened without the measure: the same kind of place, a similar level and trend before.',
    buffer: 'Buffer area',
    bufferRing: 'A ring of {{metres}} metres around the treatment place',
    bufferNone: 'None',
    bufferHelp: 'Here we look for signs that the problem moved next door instead of falling.',
    before: 'Before period',
    after: 'After period',
    periodsHelp:
      'The periods are equally long so that they compare. The time the measure was being carried out is left out.',
    implementation: 'Implementation (not counted)',
    categories: 'Incidents counted',
    range: '{{from}} – {{to}}',
    results: 'Results',
    resultsIntro:
      'The effect is computed in four ways. If they agree the result is more certain. CI is a 95 % confidence interval: the true effect probably lies within it.',
    counts: 'Incidents',
    site: 'Area',
    countBefore: 'Before',
    countAfter: 'After',
    effects: 'Effects',
    method: 'Method',
    change: 'Change',
    interval: '95% CI',
    reading: 'Reading',
    methods: {
      relative_effect: 'Relative effect size (RES)',
      difference_in_differences: 'Difference in differences, weekly',
      rate_per_visitors: 'Per visitor',
      interrupted_time_series: 'Time series, treatment place alone',
    },
    displacement: 'Displacement',
    wdq: 'Weighted displacement quotient (WDQ): {{value}}',
    zones: 'Per zone of the building',
    zone: 'Zone',
    zoneChange: {
      higher: 'Larger share',
      lower: 'Smaller share',
      similar: 'No clear difference',
    },
    caveats: 'Things to bear in mind',
    noCaveats: 'No particular caveats.',
    conclusion: 'Conclusion',
    noConclusion: 'The evaluator has not written a conclusion yet.',
    measure: 'To the measure',
  },
};
