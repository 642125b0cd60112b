import { describe, expect, it } from 'vitest';
import { incidentsContract } from '../../contracts/incidents.contract.js';
import { open311Contract } from '../../contracts/open311.contract.js';
import { problemsContract } from '../../contracts/problems.contract.js';
import { routeUrl } from './call.js';

describe('the URL of a route from its contract', () => {
  it('fills in the params, encoded, below /api', () => {
    expect(routeUrl(problemsContract.removeEvidence, { params: { id: 'a/b', evidence_id: 'c d' } })).toBe(
      '/api/problems/a%2Fb/evidence/c%20d',
    );
  });

  it('appends the defined query values, lists as comma-separated text', () => {
    expect(
      routeUrl(incidentsContract.list, {
        query: { category: ['klotter', 'brand'], status: undefined, limit: 5, format: 'json' },
      }),
    ).toBe('/api/incidents?category=klotter%2Cbrand&limit=5&format=json');
  });

  it('keeps a route mounted elsewhere where it is', () => {
    expect(routeUrl(open311Contract.services, { params: { format: 'json' } })).toBe('/open311/v2/services.json');
  });
});
