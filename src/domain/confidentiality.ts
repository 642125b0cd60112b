import { z } from 'zod';

/**
 * Confidentiality tiers of a record, lowest first. Every record may be requested as a public document
 * (offentlighetsprincipen); the tier says who may browse it in Trygg, and `restricted` also marks the fields
 * a records-request export masks (e.g. details of security measures). Who sees which tier: docs/confidentiality.md
 * and `tierAccess` in core/policy.ts.
 */
export const CONFIDENTIALITY_TIERS = ['public', 'partner', 'municipal', 'restricted'] as const;
export const ConfidentialitySchema = z.enum(CONFIDENTIALITY_TIERS);
export type Confidentiality = z.infer<typeof ConfidentialitySchema>;

/** The kinds of record that carry a tier (and that a records request can ask for). */
export const RECORD_TYPES = [
  'incident',
  'problem',
  'measure',
  'request',
  'meeting',
  'meeting_action',
  'situation_report',
  'agreement',
] as const;
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

/**
 * The tier a record gets when its creator names none (the same defaults as the database columns): reports and
 * the programme's working records are the city's own; what is made to be worked with partners — EST meetings,
 * their frozen reports and actions, contribution requests — is shared with the partners taking part; local
 * agreements with the police are public by nature.
 */
export const DEFAULT_CONFIDENTIALITY: Record<RecordType | 'measure_component', Confidentiality> = {
  incident: 'municipal',
  problem: 'municipal',
  measure: 'municipal',
  measure_component: 'municipal',
  request: 'partner',
  meeting: 'partner',
  meeting_action: 'partner',
  situation_report: 'partner',
  agreement: 'public',
};
