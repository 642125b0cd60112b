import { type Kysely, sql } from 'kysely';

/**
 * Audit rows keep field names, codes, ids, numbers and dates, not free text (features/audit/audit-values.ts):
 * retention and erasure clear descriptions, notes and addresses from the records, and the same text must not
 * live on in the log. This rewrites the rows written before, with the rule as it stands today (frozen here),
 * as the owner, with the append-only trigger lifted for this transaction only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION audit_redact_free_text(v jsonb, k text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $fn$
    BEGIN
      CASE jsonb_typeof(v)
        WHEN 'string' THEN
          IF k IN ('label_sv', 'label_en', 'request_ref')
            OR (v #>> '{}') ~ '^(?:[a-z0-9][a-z0-9_.:-]{0,99}|[A-Z][A-Z0-9]*_[A-Z0-9_]*|\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{4}-W\\d{2}|\\[[a-z_]+\\])$'
          THEN RETURN v; END IF;
          RETURN to_jsonb('[text]'::text);
        WHEN 'array' THEN
          RETURN (SELECT coalesce(jsonb_agg(audit_redact_free_text(e, k) ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(v) WITH ORDINALITY AS a(e, n));
        WHEN 'object' THEN
          RETURN (SELECT coalesce(jsonb_object_agg(key, audit_redact_free_text(value, key)), '{}'::jsonb) FROM jsonb_each(v));
        ELSE RETURN v;
      END CASE;
    END $fn$;
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
    UPDATE audit_events SET before = audit_redact_free_text(before, NULL), after = audit_redact_free_text(after, NULL)
    WHERE before IS DISTINCT FROM audit_redact_free_text(before, NULL) OR after IS DISTINCT FROM audit_redact_free_text(after, NULL);
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;
    DROP FUNCTION audit_redact_free_text(jsonb, text);
  `.execute(db);
}

/** The text is gone; going back leaves the rows as they are. */
export async function down(): Promise<void> {}
