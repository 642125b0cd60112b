import { describe, expect, it } from 'vitest';
import { interpretMeanChange, interpretShareChange } from './interpretation-survey.js';
import { meanChange, proportionChange } from './survey.js';

describe('survey results in words', () => {
  it('a share: 48/80 before, 56/70 after (Newcombe 1998b: +0.20, 0.0524 to 0.3339)', () => {
    const change = proportionChange({ yes: 48, n: 80 }, { yes: 56, n: 70 });
    expect(interpretShareChange(change, 'sv')).toEqual({
      summary: 'Andelen gick från 60 % till 80 %, +20 procentenheter (95 % KI 5 till 33), sannolikt inte slump',
      caveats: [],
    });
    expect(interpretShareChange(change, 'en').summary).toBe(
      'The share went from 60% to 80%, +20 percentage points (95% CI 5 to 33), unlikely to be chance',
    );
  });

  it("a mean, with the small-sample caveat: R's sleep data (Welch: −1.58, CI −3.365 to 0.205)", () => {
    const change = meanChange(
      [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4],
      [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
    );
    const r = interpretMeanChange(change, 'sv');
    expect(r.summary).toBe(
      'Medelvärdet gick från 2,3 till 0,8, \u22121,6 (95 % KI \u22123,4 till 0,2), kan vara slump',
    );
    expect(r.caveats).toEqual([
      { code: 'small-sample', text: 'Färre än 30 svarande: ett eller två svar flyttar resultatet märkbart.' },
    ]);
  });
});
