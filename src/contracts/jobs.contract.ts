import { JobListSchema } from '../domain/jobs.js';
import { defineRoute } from './define-route.js';

export const jobsContract = {
  list: defineRoute({
    method: 'GET',
    path: '/admin/jobs',
    policy: 'jobs:read',
    tags: ['audit'],
    summary: 'The newest background jobs: state, tries and last error',
    response: { 200: JobListSchema },
  }),
};
