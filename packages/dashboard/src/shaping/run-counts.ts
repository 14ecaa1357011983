// A run's rows per table: what the warehouse held after it (the row-count snapshot recorded when the
// dashboard saw it end), the change since the run recorded before it, and the rows its executions kept
// out (quarantined, and rejected where that is recorded).
import type { RunKeptOut } from './quarantine';
import type { CountsSnapshot } from './series';

export interface RunTableCounts {
  table: string;
  /** Rows in the table after the run; undefined when no snapshot recorded the table after it. */
  rows?: number;
  /** Change since the run recorded before it; undefined without both snapshots. */
  change?: number;
  quarantined: number;
  quarantinedFiles: number;
  /** undefined when nothing records rejected rows. */
  rejected?: number;
}

const total = (counts: Record<string, number> | undefined) =>
  counts === undefined ? undefined : Object.values(counts).reduce((sum, count) => sum + count, 0);

export function runTableCounts(snapshots: CountsSnapshot[], masterArn: string, tables: string[], keptOut: RunKeptOut[]): RunTableCounts[] {
  const ordered = [...snapshots].sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
  const index = ordered.findIndex((snapshot) => snapshot.execution === masterArn);
  const after = ordered[index];
  const before = index > 0 ? ordered[index - 1] : undefined;
  return tables.map((table) => {
    const rows = total(after?.counts[table]);
    const previous = total(before?.counts[table]);
    const kept = keptOut.find((candidate) => candidate.table === table);
    return {
      table,
      rows,
      change: rows !== undefined && previous !== undefined ? rows - previous : undefined,
      quarantined: kept?.quarantined ?? 0,
      quarantinedFiles: kept?.quarantinedFiles ?? 0,
      rejected: kept?.rejected,
    };
  });
}
