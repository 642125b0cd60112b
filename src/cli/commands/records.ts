import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { z } from 'zod';
import { RecordsExportSchema } from '../../domain/records.js';
import { createDraft, releaseDocument, releaseDraft } from '../../features/records/records-review.service.js';
import { listReleases } from '../../features/records/records.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

const ExportOptionsSchema = z.object({
  org: z.string().default('stockholm'),
  requestRef: z.string(),
  type: z.string(),
  ids: z.string().optional(),
  filter: z.string().optional(),
  recipient: z.string().default('se ärendet'),
  format: z.string().default('json'),
  by: z.string().optional(),
});

/** `from=2026-01-01,to=2026-06-30,unit=<id>` → the filter object (unknown keys are refused by the schema). */
function parseFilter(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [key, ...rest] = pair.split('=');
        return [key === 'unit' ? 'unit_id' : key!.trim(), rest.join('=').trim()];
      }),
  );
}

export function registerRecords(program: Command): void {
  const records = program.command('records').description('records requests (begäran om allmän handling)');
  records
    .command('draft')
    .description(
      'start a release for a records request: restricted fields masked, candidate personal data marked for review on the page /admin/records',
    )
    .requiredOption('--request-ref <ref>', "the request's registry reference (diarienummer)")
    .requiredOption(
      '--type <type>',
      'incident, problem, measure, request, meeting, meeting_action, situation_report or agreement',
    )
    .option('--ids <ids>', 'comma-separated record ids')
    .option('--filter <filter>', 'from=YYYY-MM-DD,to=YYYY-MM-DD,unit=<unit id>')
    .option('--recipient <who>', 'to whom the records are released', 'se ärendet')
    .option('--format <format>', 'json, xlsx or pdf', 'json')
    .option('--by <name>', 'who prepares it (audited); default the operating-system user')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (raw: unknown) => {
      const opts = ExportOptionsSchema.parse(raw);
      const input = RecordsExportSchema.parse({
        request_ref: opts.requestRef,
        recipient: opts.recipient,
        type: opts.type,
        format: opts.format,
        ids: opts.ids
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        filter: opts.filter === undefined ? undefined : parseFilter(opts.filter),
      });
      const handle = await openDatabase();
      try {
        const draft = await createDraft(
          await cliContext(handle, opts.org, opts.by ?? `cli:${userInfo().username}`),
          input,
        );
        process.stdout.write(
          `${JSON.stringify({ draft_id: draft.id, records: draft.records.length, marks: draft.marks.length, undecided: draft.undecided }, null, 2)}\n`,
        );
      } finally {
        await handle.close();
      }
    });

  records
    .command('release')
    .description(
      'release a reviewed draft (refused while a mark is undecided): masks applied, the release logged and audited',
    )
    .requiredOption('--draft <id>', 'the draft id')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--by <name>', 'who releases (logged); default the operating-system user')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (raw: { draft: string; out?: string; by?: string; org: string }) => {
      const handle = await openDatabase();
      try {
        const ctx = await cliContext(handle, raw.org, raw.by ?? `cli:${userInfo().username}`);
        const result = await releaseDraft(ctx, z.uuid().parse(raw.draft));
        const body =
          result.release.format === 'json'
            ? Buffer.from(`${JSON.stringify(result, null, 2)}\n`)
            : (await releaseDocument(ctx, result)).body;
        if (raw.out) writeFileSync(raw.out, body);
        else process.stdout.write(body);
        process.stderr.write(
          `released ${result.records.length} record(s), ${result.release.masked.length} with masked fields; release ${result.release.id}\n`,
        );
      } finally {
        await handle.close();
      }
    });

  records
    .command('releases')
    .description('the release log, newest first')
    .option('--request-ref <ref>', 'only this request')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (raw: { requestRef?: string; org: string }) => {
      const handle = await openDatabase();
      try {
        const releases = await listReleases(await cliContext(handle, raw.org), { request_ref: raw.requestRef });
        process.stdout.write(`${JSON.stringify(releases, null, 2)}\n`);
      } finally {
        await handle.close();
      }
    });
}
