import type { ClosureReason, Status } from '../../domain/incidents.js';

/** What a reporter is told about a report: facts the public may see, never staff notes. */
export interface ReportFacts {
  receiptCode: string | null;
  categoryLabel: string;
  where: string | null;
  status: Status;
  closureReason: ClosureReason | null;
  forwardedTo: string | null;
}

/** A message for the outbox. */
export interface OutboxText {
  subject: string;
  body: string;
}

const CLOSED_SV: Record<ClosureReason, string> = {
  fixed: 'avslutad – åtgärdad',
  not_ours: 'avslutad – inte stadens ansvar',
  wont_fix: 'avslutad – kommer inte att åtgärdas',
  duplicate: 'avslutad – redan rapporterad',
};

/**
 * A status in Swedish words, e.g. for a reporter.
 * @example statusInWords({ status: 'closed', closureReason: 'not_ours', forwardedTo: 'Trafiknämnden' }) // 'avslutad – inte stadens ansvar, skickad vidare till Trafiknämnden'
 */
export function statusInWords(f: Pick<ReportFacts, 'status' | 'closureReason' | 'forwardedTo'>): string {
  if (f.status === 'new') return 'mottagen';
  if (f.status === 'in_progress') return 'under handläggning';
  const words = CLOSED_SV[f.closureReason ?? 'fixed'];
  return f.closureReason === 'not_ours' && f.forwardedTo ? `${words}, skickad vidare till ${f.forwardedTo}` : words;
}

const reportLabel = (f: ReportFacts) => `${f.categoryLabel}${f.where ? `, ${f.where}` : ''}`;

/**
 * The message to a reporter who asked for updates when their report changes status. Only the status in
 * words and public facts: staff notes can name people and never leave the city this way.
 * @example statusChangeMessage({ receiptCode: 'TR-AAAA-BBBB', categoryLabel: 'Klotter', where: null, status: 'in_progress', closureReason: null, forwardedTo: null }).subject
 * // 'Din anmälan TR-AAAA-BBBB: under handläggning'
 */
export function statusChangeMessage(f: ReportFacts): OutboxText {
  const status = statusInWords(f);
  const name = f.receiptCode ? `Din anmälan ${f.receiptCode}` : 'Din anmälan';
  return {
    subject: `${name}: ${status}`,
    body: [
      'Hej!',
      '',
      `${name} (${reportLabel(f)}) har fått ny status: ${status}.`,
      ...(f.receiptCode
        ? [
            '',
            `Du kan följa anmälan med kvittokoden ${f.receiptCode}. Är du inte nöjd när den avslutats kan du öppna den igen med koden.`,
          ]
        : []),
      '',
      'Du får det här meddelandet för att du bad om uppdateringar. Det går inte att svara på det.',
    ].join('\n'),
  };
}

/**
 * The receipt, sent once the reporter has confirmed the address: the code and the page to follow the report by.
 * @example receiptMessage({ receiptCode: 'TR-AAAA-BBBB', categoryLabel: 'Klotter', where: null, status: 'new', closureReason: null, forwardedTo: null }, 'https://trygg.example/follow/TR-AAAA-BBBB').subject
 * // 'Kvitto på din anmälan TR-AAAA-BBBB'
 */
export function receiptMessage(f: ReportFacts, followUrl: string): OutboxText {
  return {
    subject: `Kvitto på din anmälan ${f.receiptCode ?? ''}`.trim(),
    body: [
      'Hej!',
      '',
      `Tack för din anmälan (${reportLabel(f)}). Adressen är nu bekräftad och du får besked här när anmälan ändrar status eller när vi svarar dig.`,
      '',
      ...(f.receiptCode ? [`Din kvittokod: ${f.receiptCode}`, `Följ anmälan här: ${followUrl}`, ''] : []),
      'Det går inte att svara på det här meddelandet.',
    ].join('\n'),
  };
}

/**
 * A reply staff wrote to the reporter (already redacted), with the report's status in words.
 * @example publicUpdateMessage({ receiptCode: 'TR-AAAA-BBBB', categoryLabel: 'Klotter', where: null, status: 'in_progress', closureReason: null, forwardedTo: null }, 'Vi sanerar i morgon.').subject
 * // 'Svar om din anmälan TR-AAAA-BBBB'
 */
export function publicUpdateMessage(f: ReportFacts, reply: string): OutboxText {
  return {
    subject: `Svar om din anmälan ${f.receiptCode ?? ''}`.trim(),
    body: [
      'Hej!',
      '',
      `Vi har svarat på din anmälan (${reportLabel(f)}), som nu är ${statusInWords(f)}:`,
      '',
      reply,
      '',
      ...(f.receiptCode ? [`Du kan följa anmälan med kvittokoden ${f.receiptCode}.`, ''] : []),
      'Du får det här meddelandet för att du bad om uppdateringar. Det går inte att svara på det.',
    ].join('\n'),
  };
}

/**
 * The message asking a reporter to confirm the address given for updates. Until the link is opened no status
 * mail goes to the address, so an address typed in by someone else gets this one message and nothing more.
 * @example contactConfirmationMessage({ receiptCode: null, categoryLabel: 'Klotter', where: null, status: 'new', closureReason: null, forwardedTo: null }, 'https://trygg.example/report/confirm#t').subject
 * // 'Bekräfta din e-postadress för besked om din anmälan'
 */
export function contactConfirmationMessage(f: ReportFacts, link: string): OutboxText {
  return {
    subject: 'Bekräfta din e-postadress för besked om din anmälan',
    body: [
      'Hej!',
      '',
      `Någon har angett den här adressen för besked om en anmälan (${reportLabel(f)}).`,
      'Om det var du, bekräfta adressen genom att öppna länken:',
      '',
      link,
      '',
      'Om det inte var du behöver du inte göra något: adressen får inga fler meddelanden och raderas inom en månad.',
      'Det går inte att svara på det här meddelandet.',
    ].join('\n'),
  };
}

/** One report in a partner unit's weekly digest. */
export interface DigestItem extends ReportFacts {
  reportedOn: string;
}

/**
 * The weekly digest for an EST partner unit: what became of each report it filed that week, with a count
 * per status first. Pure: the same items give the same text.
 * @example weeklyDigestMessage('Polisen Söderort', '2026-W47', []).subject // 'Veckosammanställning 2026-W47: 0 rapporter från Polisen Söderort'
 */
export function weeklyDigestMessage(unitName: string, week: string, items: readonly DigestItem[]): OutboxText {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(statusInWords(i), (counts.get(statusInWords(i)) ?? 0) + 1);
  const sorted = [...items].sort(
    (a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.categoryLabel.localeCompare(b.categoryLabel),
  );
  return {
    subject: `Veckosammanställning ${week}: ${items.length} ${items.length === 1 ? 'rapport' : 'rapporter'} från ${unitName}`,
    body: [
      'Hej!',
      '',
      `Så här har stadens enheter hanterat det ${unitName} rapporterade vecka ${week.slice(-2)} (${week}):`,
      '',
      ...[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([status, n]) => `  ${n} ${status}`),
      '',
      ...sorted.map((i) => `- ${i.reportedOn} ${reportLabel(i)}: ${statusInWords(i)}`),
      '',
      'Sammanställningen skickas varje vecka till er enhet inom EST-samverkan. Det går inte att svara på den.',
    ].join('\n'),
  };
}
