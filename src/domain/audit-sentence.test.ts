import { describe, expect, it } from 'vitest';
import { auditFieldLabel, auditSentence, auditValueText } from './audit-sentence.js';

const anna = { actor: 'anna.andersson@stockholm.se', actor_name: 'Anna Andersson' };

describe('auditSentence', () => {
  it('names the actor, the record and the labels of a changed status', () => {
    const e = {
      ...anna,
      action: 'update',
      entity_type: 'measure',
      entity_name: 'Belysning Högdalen',
      changes: { status: { before: 'planned', after: 'ongoing' } },
    };
    expect(auditSentence(e, 'sv')).toBe(
      "Anna Andersson ändrade status på åtgärden 'Belysning Högdalen' från Planerad till Pågår",
    );
    expect(auditSentence(e, 'en')).toBe(
      "Anna Andersson changed the status of the measure 'Belysning Högdalen' from Planned to Ongoing",
    );
  });

  it('reads the same field name by the vocabulary of its kind of record', () => {
    const e = {
      ...anna,
      action: 'update',
      entity_type: 'incident',
      changes: { status: { before: 'new', after: 'closed' } },
    };
    expect(auditSentence(e, 'sv')).toBe('Anna Andersson ändrade status på händelsen från Ny till Avslutad');
  });

  it('lists several changed fields by their labels, never their column names', () => {
    const e = {
      ...anna,
      action: 'update',
      entity_type: 'problem',
      entity_name: 'Otrygghet vid torget',
      changes: {
        title: { before: '[text]', after: '[text]' },
        confidentiality: { before: 'public', after: 'municipal' },
        responsible_unit_id: { before: 'a', after: 'b' },
      },
    };
    const sv = auditSentence(e, 'sv');
    expect(sv).toBe(
      "Anna Andersson ändrade titel, sekretessnivå och ansvarig enhet på problemet 'Otrygghet vid torget'",
    );
    expect(sv).not.toMatch(/_/);
  });

  it('says a role change, a deactivation and a reactivation of an account in words', () => {
    const user = { ...anna, action: 'update', entity_type: 'user', entity_name: 'Bo Ek' };
    expect(
      auditSentence(
        {
          ...user,
          changes: {
            memberships: {
              before: [{ unit_id: 'u', role: 'analyst' }],
              after: [{ unit_id: 'u', role: 'coordinator' }],
            },
          },
        },
        'sv',
      ),
    ).toBe("Anna Andersson ändrade roller på kontot 'Bo Ek' från Analytiker till Samordnare");
    expect(auditSentence({ ...user, changes: { disabled: { before: false, after: true } } }, 'sv')).toBe(
      "Anna Andersson inaktiverade kontot 'Bo Ek'",
    );
    expect(auditSentence({ ...user, changes: { disabled: { before: true, after: false } } }, 'en')).toBe(
      "Anna Andersson reactivated the account 'Bo Ek'",
    );
  });

  it('tells sign-ins, creations and retention runs, and names the daily job and the system', () => {
    expect(auditSentence({ ...anna, action: 'sign_in', entity_type: 'user', changes: {} }, 'sv')).toBe(
      'Anna Andersson loggade in',
    );
    expect(
      auditSentence(
        { actor: 'system', action: 'create', entity_type: 'measure', entity_name: 'Vakter', changes: {} },
        'sv',
      ),
    ).toBe("Systemet skapade åtgärden 'Vakter'");
    expect(
      auditSentence(
        {
          actor: 'retention-job',
          action: 'delete',
          entity_type: 'retention_run',
          changes: {
            results: {
              before: null,
              after: [
                { target: 'import_report', affected: 3 },
                { target: 'session', affected: 0 },
              ],
            },
          },
        },
        'sv',
      ),
    ).toBe('Den dagliga gallringen gallrade personuppgifter enligt gallringsreglerna (Importrapporter: 3)');
  });

  it('keeps the e-mail of an actor that is no account of the organisation, and a record without a name by its kind', () => {
    expect(
      auditSentence({ actor: 'x@example.se', action: 'create', entity_type: 'api_token', changes: {} }, 'en'),
    ).toBe('x@example.se created the API token');
  });
});

describe('auditValueText', () => {
  it('shows redacted text, empty values and booleans in words', () => {
    expect(auditValueText('problem', 'statement', '[text]', 'sv')).toBe('(text)');
    expect(auditValueText('measure', 'cost', null, 'sv')).toBe('tomt');
    expect(auditValueText('user', 'disabled', true, 'en')).toBe('Yes');
    expect(auditValueText('user', 'method', 'oidc', 'sv')).toBe('SSO');
    expect(auditFieldLabel('revoked_api_tokens', 'sv')).toBe('återkallade API-nycklar');
    expect(auditFieldLabel('some_new_field', 'sv')).toBe('some new field');
  });
});
