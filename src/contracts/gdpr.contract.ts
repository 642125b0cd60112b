import { z } from 'zod';
import {
  DataSubjectRequestSchema,
  ErasureResultSchema,
  ProcessingRecordSchema,
  RegisterExtractSchema,
  RetentionOverviewSchema,
  RetentionRunResultSchema,
} from '../domain/gdpr.js';
import { defineRoute } from './define-route.js';

const tags = ['gdpr'];

export const gdprContract = {
  processingRecord: defineRoute({
    method: 'GET',
    path: '/gdpr/processing-record',
    policy: 'public',
    tags,
    summary: 'What is stored, why and for how long',
    response: { 200: ProcessingRecordSchema },
  }),
  extract: defineRoute({
    method: 'POST',
    path: '/gdpr/extract',
    policy: 'gdpr:manage',
    tags,
    summary: 'Register extract for an e-mail address',
    body: DataSubjectRequestSchema,
    response: { 200: RegisterExtractSchema },
  }),
  erase: defineRoute({
    method: 'POST',
    path: '/gdpr/erase',
    policy: 'gdpr:manage',
    tags,
    summary: "Erase a reporter's e-mail address",
    body: DataSubjectRequestSchema,
    response: { 200: ErasureResultSchema },
  }),
  retentionOverview: defineRoute({
    method: 'GET',
    path: '/gdpr/retention',
    policy: 'gdpr:manage',
    tags,
    summary: 'The retention rules, what a run now would remove (dry run) and the last runs',
    response: { 200: RetentionOverviewSchema },
  }),
  retention: defineRoute({
    method: 'POST',
    path: '/gdpr/retention',
    policy: 'gdpr:manage',
    tags,
    summary: 'Apply the retention rules now (dry_run counts only)',
    body: z.strictObject({ dry_run: z.boolean().default(true) }),
    response: { 200: RetentionRunResultSchema },
  }),
};
