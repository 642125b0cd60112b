import type { ProcessingRecord, RetentionRule } from '../../domain/gdpr.js';

/** How long each kind of personal data is kept; aggregates (counts, categories, places) are kept. */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    target: 'incident_free_text',
    months: 24,
    what: {
      sv: 'Fritext, handläggningsanteckningar, foton och svar till den som anmälde rensas efter 24 månader; kategori, tid och plats behålls.',
      en: 'Free text, handling notes, photos and replies to the reporter are cleared after 24 months; category, time and place are kept.',
    },
  },
  {
    target: 'reporter_contact',
    months: 12,
    what: {
      sv: 'Bekräftade e-postadresser till rapportörer som bett om besked raderas efter 12 månader.',
      en: 'Confirmed e-mail addresses of reporters who asked for updates are deleted after 12 months.',
    },
  },
  {
    target: 'unconfirmed_reporter_contact',
    months: 1,
    what: {
      sv: 'E-postadresser för besked som inte bekräftats via länken i bekräftelsemeddelandet raderas efter en månad.',
      en: 'E-mail addresses for updates that were not confirmed through the link in the confirmation message are deleted after a month.',
    },
  },
  {
    target: 'session',
    months: 1,
    what: {
      sv: 'Inloggningssessioner raderas en månad efter att de gått ut.',
      en: 'Sign-in sessions are deleted a month after they expire.',
    },
  },
  {
    target: 'sign_in_throttle',
    months: 3,
    what: {
      sv: 'IP-adresser som misslyckade eller lyckade inloggningar kom från raderas tre månader efter senaste försöket.',
      en: 'Addresses that sign-ins failed or succeeded from are deleted three months after the last attempt.',
    },
  },
  {
    target: 'import_report',
    months: 12,
    what: {
      sv: 'Rapporter från importer och provkörningar (felrader med citerade värden) och filnamn rensas 12 månader efter körningen; antal rader behålls.',
      en: 'Reports of imports and dry runs (rows with errors and the values they quote) and file names are cleared 12 months after the run; row counts are kept.',
    },
  },
  {
    target: 'outbox_message',
    months: 12,
    what: {
      sv: 'Skickade och uppgivna e-postmeddelanden (mottagare, ämne, text) raderas efter 12 månader.',
      en: 'Sent and given-up e-mail messages (recipient, subject, text) are deleted after 12 months.',
    },
  },
  {
    target: 'release_draft',
    months: 1,
    what: {
      sv: 'Utkast till utlämnanden av allmänna handlingar (handlingarnas text före sekretessprövningen, mottagare) som ingen ändrat på en månad raderas.',
      en: "Drafts of records releases (the records' text before the secrecy review, the recipient) that no one has changed for a month are deleted.",
    },
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
        purpose: {
          sv: 'Att rikta brottsförebyggande och trygghetsskapande åtgärder mot identifierade problem (lag 2023:196).',
          en: 'To aim crime-prevention and safety measures at identified problems (Act 2023:196).',
        },
        legal_basis: {
          sv: 'Allmänt intresse och myndighetsutövning (GDPR art. 6.1 e); uppgifter om lagöverträdelser behandlas inte om personer.',
          en: 'Public interest (GDPR art. 6(1)(e)); no data on offences by identified persons is processed.',
        },
        data: {
          sv: 'Kategori, tid, plats, fritext efter automatisk borttagning av personnummer, e-post, telefon och registreringsnummer.',
          en: 'Category, time, place, free text after automatic removal of identity numbers, e-mail, phone and licence plates.',
        },
        recipients: {
          sv: 'Stadens nämnder och bolag med ansvar för platsen; polisen i samverkan (utan fritext om inte delad).',
          en: "The city's committees and companies responsible for the place; the police in partnership (no free text unless shared).",
        },
        retention: {
          sv: 'Fritext 24 månader, sammanställningar bevaras.',
          en: 'Free text 24 months, aggregates kept.',
        },
      },
      {
        name: { sv: 'Besked till den som rapporterat', en: 'Updates to the reporter' },
        purpose: {
          sv: 'Att ge besked när en rapport ändrar status, om rapportören bett om det.',
          en: 'To tell reporters when their report changes status, if they asked.',
        },
        legal_basis: {
          sv: 'Samtycke (GDPR art. 6.1 a), kan återkallas när som helst.',
          en: 'Consent (GDPR art. 6(1)(a)), which can be withdrawn at any time.',
        },
        data: {
          sv: 'E-postadress, kopplad till rapporten; besked skickas först när adressen bekräftats.',
          en: 'E-mail address, linked to the report; updates are sent only once the address is confirmed.',
        },
        recipients: { sv: 'Ingen utanför staden.', en: 'No one outside the city.' },
        retention: {
          sv: '12 månader; obekräftade adresser en månad; skickade meddelanden 12 månader.',
          en: '12 months; unconfirmed addresses a month; sent messages 12 months.',
        },
      },
      {
        name: { sv: 'Import av händelser från filer', en: 'Import of incidents from files' },
        purpose: {
          sv: 'Att läsa in händelser från andra system och visa vilka rader som inte kunde läsas.',
          en: 'To load incidents from other systems and show which rows could not be read.',
        },
        legal_basis: { sv: 'Allmänt intresse (GDPR art. 6.1 e).', en: 'Public interest (GDPR art. 6(1)(e)).' },
        data: {
          sv: 'Vem som importerade, filnamn och en rapport som citerar högst 40 tecken av felaktiga värden, efter samma automatiska borttagning av personnummer, e-post, telefon och registreringsnummer som i fritext.',
          en: 'Who imported, the file name and a report quoting at most 40 characters of wrong values, after the same automatic removal of identity numbers, e-mail, phone and licence plates as in free text.',
        },
        recipients: {
          sv: 'Den som importerar och systemförvaltningen.',
          en: 'The person importing and the system administrators.',
        },
        retention: {
          sv: 'Rapport och filnamn 12 månader efter körningen.',
          en: 'Report and file name 12 months after the run.',
        },
      },
      {
        name: { sv: 'Användarkonton och loggning', en: 'User accounts and logging' },
        purpose: {
          sv: 'Behörighetsstyrning och spårbarhet för ändringar.',
          en: 'Access control and traceability of changes.',
        },
        legal_basis: {
          sv: 'Rättslig förpliktelse och allmänt intresse (GDPR art. 6.1 c och e).',
          en: 'Legal obligation and public interest (GDPR art. 6(1)(c) and (e)).',
        },
        data: {
          sv: 'Namn, e-post, roll och enhet; logg över vem som ändrat vad och när; IP-adresser för inloggningsförsök.',
          en: 'Name, e-mail, role and unit; a log of who changed what and when; addresses of sign-in attempts.',
        },
        recipients: {
          sv: 'Systemförvaltning och dataskyddsombud.',
          en: 'System administrators and the data-protection officer.',
        },
        retention: {
          sv: 'Konton så länge de finns; loggen bevaras enligt stadens arkivregler; sessioner en månad efter utgång; inloggningsförsökens IP-adresser tre månader.',
          en: "Accounts as long as they exist; the log is kept under the city's archive rules; sessions a month after expiry; sign-in attempts' addresses three months.",
        },
      },
      {
        name: { sv: 'Kontaktvägar till enheter', en: 'Contact routes of units' },
        purpose: {
          sv: 'Att stadsdelsnämnder ska kunna nå de nämnder, bolag och partner de ber om bidrag i det lokala arbetet.',
          en: 'So that district committees can reach the committees, companies and partners they call on in the local work.',
        },
        legal_basis: { sv: 'Allmänt intresse (GDPR art. 6.1 e).', en: 'Public interest (GDPR art. 6(1)(e)).' },
        data: {
          sv: 'Enhetens funktionsbrevlåda och växelnummer. Det ska inte vara en enskild persons adress, men om en enhet anger en sådan är det en personuppgift.',
          en: "The unit's function mailbox and switchboard number. It should not be one person's address, but if a unit gives one, it is personal data.",
        },
        recipients: { sv: 'Alla som ser platsens sida.', en: "Everyone who sees the place's page." },
        retention: {
          sv: 'Så länge uppgiften gäller; den ersätts när enheten ändrar den.',
          en: 'As long as it is valid; it is replaced when the unit changes it.',
        },
      },
      {
        name: { sv: 'Protokoll från EST-möten', en: 'Meeting protocols' },
        purpose: {
          sv: 'Att visa vilka som deltog i veckomötet om lägesbilden, så att protokollet kan skickas till dem.',
          en: 'To show who took part in the weekly situation meeting, so that the protocol can be sent to them.',
        },
        legal_basis: {
          sv: 'Uppgift av allmänt intresse (GDPR art. 6.1 e).',
          en: 'Task in the public interest (GDPR art. 6(1)(e)).',
        },
        data: {
          sv: 'Deltagarnas namn och vilken enhet de kom från.',
          en: "The participants' names and the unit they came from.",
        },
        recipients: { sv: 'Mötets deltagare och enheter.', en: "The meeting's participants and units." },
        retention: {
          sv: 'Protokollet bevaras enligt stadens arkivregler.',
          en: "The protocol is kept under the city's archive rules.",
        },
      },
      {
        name: { sv: 'Utlämnande av allmänna handlingar', en: 'Release of official records' },
        purpose: {
          sv: 'Att visa vilka uppgifter som lämnats ut, till vem och med vilka maskeringar (tryckfrihetsförordningen 2 kap.).',
          en: 'To show which records were released, to whom and with which fields masked (Freedom of the Press Act, ch. 2).',
        },
        legal_basis: { sv: 'Rättslig förpliktelse (GDPR art. 6.1 c).', en: 'Legal obligation (GDPR art. 6(1)(c)).' },
        data: {
          sv: 'Mottagarens namn eller adress som den uppgett och ärendets referens; i utkast under sekretessprövning även handlingarnas text.',
          en: "The recipient's name or address as given and the request's reference; in drafts under secrecy review also the records' text.",
        },
        recipients: { sv: 'Registratur och dataskyddsombud.', en: 'The registry and the data-protection officer.' },
        retention: {
          sv: 'Utlämningsloggen bevaras enligt stadens arkivregler; utkast raderas när de lämnats ut eller avbrutits, och en månad efter senaste ändringen.',
          en: "The release log is kept under the city's archive rules; drafts are deleted when released or discarded, and a month after their last change.",
        },
      },
    ],
  };
}
