import type { Store } from '../store/connect.ts';
import { CliFailure } from './cli-io.ts';

export interface ExportedActivity {
  readonly seq: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string>>;
}

/** The whole activity of one organization, oldest first (an export reads like a ledger). */
export async function readActivity(store: Store, orgId: string): Promise<ExportedActivity[]> {
  return store.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst();
    if (!org) throw new CliFailure(`No organization with id ${orgId}.`);
    const rows = await trx
      .selectFrom('activity')
      .select(['seq', 'at', 'actor', 'action', 'subject', 'details'])
      .where('org_id', '=', orgId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: new Date(Number(row.at)).toISOString(),
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details) as Record<string, string>,
    }));
  });
}

const CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'details'] as const;

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One header line, then one line per entry; details stay a JSON object in their own column. */
export function toCsv(entries: readonly ExportedActivity[]): string {
  const lines = entries.map((entry) =>
    [String(entry.seq), entry.at, entry.actor, entry.action, entry.subject ?? '', JSON.stringify(entry.details)]
      .map(csvField)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
