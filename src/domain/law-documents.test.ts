import { describe, expect, it } from 'vitest';
import {
  canChangeLawDocumentStatus,
  LAW_DOCUMENT_TRANSITIONS,
  LawDocumentAdoptSchema,
  LawDocumentStatusSchema,
} from './law-documents.js';

describe('law document status', () => {
  it('adopts a draft, replaces an adopted version, and leaves a replaced one as history', () => {
    expect(canChangeLawDocumentStatus('draft', 'adopted')).toBe(true);
    expect(canChangeLawDocumentStatus('adopted', 'replaced')).toBe(true);
  });

  it('refuses every other move, back to draft included', () => {
    const moves = LawDocumentStatusSchema.options.flatMap((from) =>
      LawDocumentStatusSchema.options.map((to) => [from, to] as const),
    );
    const allowed = moves.filter(([from, to]) => canChangeLawDocumentStatus(from, to));
    expect(allowed).toEqual([
      ['draft', 'adopted'],
      ['adopted', 'replaced'],
    ]);
    expect(LAW_DOCUMENT_TRANSITIONS.replaced).toEqual([]);
  });

  it('adopts only with a decision reference and a day', () => {
    expect(LawDocumentAdoptSchema.safeParse({ status: 'adopted', decision_ref: 'KF 2026/12' }).success).toBe(false);
    expect(
      LawDocumentAdoptSchema.safeParse({ status: 'replaced', decision_ref: 'x', adopted_on: '2026-12-01' }).success,
    ).toBe(false);
    expect(
      LawDocumentAdoptSchema.safeParse({ status: 'adopted', decision_ref: 'KF 2026/12', adopted_on: '2026-12-01' })
        .success,
    ).toBe(true);
  });
});
