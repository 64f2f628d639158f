import type { ExportedEntry } from '../core/index.ts';

export interface ExportedActivity {
  readonly seq: number;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly details: Readonly<Record<string, string>>;
}

/** The entries as an export shows them: times in ISO 8601, UTC. */
export function toExported(entries: readonly ExportedEntry[]): ExportedActivity[] {
  return entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() }));
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
