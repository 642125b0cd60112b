import type { ProcessingRecord, RetentionRule } from '../../domain/gdpr.js';

/** How long each kind of personal data is kept; aggregates (counts, categories, places) are kept. */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    target: 'incident_free_text', months: 24,
    what: { sv: 'Fritext och handläggningsanteckningar i händelser rensas efter 24 månader; kategori, tid och plats behålls.', en: 'Free text and handling notes of incidents are cleared after 24 months; category, time and place are kept.' },
  },
  {
    target: 'reporter_contact', months: 12,
    what: { sv: 'Bekräftade e-postadresser till rapportörer som bett om besked raderas efter 12 månader.', en: 'Confirmed e-mail addresses of reporters who asked for updates are deleted after 12 months.' },
  },
  {
    target: 'unconfirmed_reporter_contact', months: 1,
    what: { sv: 'E-postadresser för besked som inte bekräftats via länken i bekräftelsemeddelandet raderas efter en månad.', en: 'E-mail addresses for updates that were not confirmed through the link in the confirmation message are deleted after a month.' },
  },
  {
    target: 'session', months: 1,
    what: { sv: 'Inloggningssessioner raderas en månad efter att de gått ut.', en: 'Sign-in sessions are deleted a month after they expire.' },
  },
  {
    target: 'sign_in_throttle', months: 3,
    what: { sv: 'IP-adresser som misslyckade eller lyckade inloggningar kom från raderas tre månader efter senaste försöket.', en: 'Addresses that sign-ins failed or succeeded from are deleted three months after the last attempt.' },
  },
];

/** The record of processing (GDPR art. 30) shown publicly; the municipality is the controller. */
export function processingRecord(organisationName: string): ProcessingRecord {
  return {
    controller: organisationName,
    contact: 'dataskyddsombud@stockholm.example',
    retention_rules: [...RETENTION_RULES],
    activities: [
      {
        name: { sv: 'Rapporter om platser och händelser', en: 'Reports about places and events' },
        purpose: { sv: 'Att rikta brottsförebyggande och trygghetsskapande åtgärder mot identifierade problem (lag 2023:196).', en: 'To aim crime-prevention and safety measures at identified problems (Act 2023:196).' },
        legal_basis: { sv: 'Allmänt intresse och myndighetsutövning (GDPR art. 6.1 e); uppgifter om lagöverträdelser behandlas inte om personer.', en: 'Public interest (GDPR art. 6(1)(e)); no data on offences by identified persons is processed.' },
        data: { sv: 'Kategori, tid, plats, fritext efter automatisk borttagning av personnummer, e-post, telefon och registreringsnummer.', en: 'Category, time, place, free text after automatic removal of identity numbers, e-mail, phone and licence plates.' },
        recipients: { sv: 'Stadens nämnder och bolag med ansvar för platsen; polisen i samverkan (utan fritext om inte delad).', en: "The city's committees and companies responsible for the place; the police in partnership (no free text unless shared)." },
        retention: { sv: 'Fritext 24 månader, sammanställningar bevaras.', en: 'Free text 24 months, aggregates kept.' },
      },
      {
        name: { sv: 'Besked till den som rapporterat', en: 'Updates to the reporter' },
        purpose: { sv: 'Att ge besked när en rapport ändrar status, om rapportören bett om det.', en: 'To tell reporters when their report changes status, if they asked.' },
        legal_basis: { sv: 'Samtycke (GDPR art. 6.1 a), kan återkallas när som helst.', en: 'Consent (GDPR art. 6(1)(a)), which can be withdrawn at any time.' },
        data: { sv: 'E-postadress, kopplad till rapporten; besked skickas först när adressen bekräftats.', en: 'E-mail address, linked to the report; updates are sent only once the address is confirmed.' },
        recipients: { sv: 'Ingen utanför staden.', en: 'No one outside the city.' },
        retention: { sv: '12 månader; obekräftade adresser en månad.', en: '12 months; unconfirmed addresses a month.' },
      },
      {
        name: { sv: 'Användarkonton och loggning', en: 'User accounts and logging' },
        purpose: { sv: 'Behörighetsstyrning och spårbarhet för ändringar.', en: 'Access control and traceability of changes.' },
        legal_basis: { sv: 'Rättslig förpliktelse och allmänt intresse (GDPR art. 6.1 c och e).', en: 'Legal obligation and public interest (GDPR art. 6(1)(c) and (e)).' },
        data: { sv: 'Namn, e-post, roll och enhet; logg över vem som ändrat vad och när; IP-adresser för inloggningsförsök.', en: 'Name, e-mail, role and unit; a log of who changed what and when; addresses of sign-in attempts.' },
        recipients: { sv: 'Systemförvaltning och dataskyddsombud.', en: 'System administrators and the data-protection officer.' },
        retention: { sv: 'Loggen bevaras enligt stadens arkivregler; sessioner en månad efter utgång; inloggningsförsökens IP-adresser tre månader.', en: "The log is kept under the city's archive rules; sessions a month after expiry; sign-in attempts' addresses three months." },
      },
    ],
  };
}
