// Rows the pipeline kept out of the warehouse, as the table's zones record them: files quarantined by
// stage-landed-files (`<quarantine prefix><RunId>/`, with `_report.json`), and rows a load refuses, in a
// rejects folder when the layout has one. Shaped into the red flags of a table and the counts of a run.
import type { Flag } from './table-view';

export const REPORT_NAME = '_report.json';

export interface QuarantinedFileView {
  file: string;
  key: string;
  /** Rows of the file (its lines less the header rows). */
  rows: number;
  problemCount: number;
  problems: { line: number; reason: string }[];
}

export interface QuarantineReportView {
  table: string;
  runId: string;
  reportKey: string;
  writtenAt?: string;
  files: QuarantinedFileView[];
}

export interface RejectedObject {
  table: string;
  /** The run folder the object sits in, when it sits in one. */
  runId?: string;
  key: string;
  rows: number;
}

/** What the rows of a table kept out of the warehouse come to: quarantined files and, when recorded, rejected rows. */
export interface KeptOut {
  reports: QuarantineReportView[];
  /** undefined: the layout has no rejects folder (nothing records rejected rows). */
  rejected?: RejectedObject[];
}

/**
 * The folder name stage-landed-files gives a run: characters other than letters, digits, `.`, `_` and `-`
 * become `_` (see packages/lambdas/stage-landed-files).
 */
export const runFolderOf = (executionName: string) => executionName.replace(/[^A-Za-z0-9._-]/g, '_');

interface ReportFile {
  File?: unknown;
  Key?: unknown;
  Problems?: { Line?: unknown; Reason?: unknown }[];
  ProblemCount?: unknown;
}

/** A `_report.json` under `<prefix><RunId>/`; `rowsOf` gives a quarantined file's rows. */
export function quarantineReport(
  table: string,
  prefix: string,
  key: string,
  text: string,
  rowsOf: (key: string) => number,
): QuarantineReportView {
  const runId = key.slice(prefix.length).split('/')[0] ?? '';
  let parsed: { writtenAt?: unknown; files?: ReportFile[] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // an unreadable report still says that the run quarantined something: the folder is where to look
  }
  return {
    table,
    runId,
    reportKey: key,
    writtenAt: typeof parsed.writtenAt === 'string' ? parsed.writtenAt : undefined,
    files: (parsed.files ?? []).map((file) => {
      const fileKey = String(file.Key ?? '');
      return {
        file: String(file.File ?? fileKey.split('/').pop() ?? ''),
        key: fileKey,
        rows: rowsOf(fileKey),
        problemCount: Number(file.ProblemCount ?? file.Problems?.length ?? 0),
        problems: (file.Problems ?? [])
          .slice(0, 3)
          .map((problem) => ({ line: Number(problem.Line), reason: String(problem.Reason ?? '') })),
      };
    }),
  };
}

const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);

/** The red flags for what a table kept out: quarantined files (with their reports) and rejected rows. */
export function keptOutFlags(keptOut: KeptOut, bucket: string, executionOf: (runId: string) => string | undefined): Flag[] {
  const flags: Flag[] = [];
  const files = keptOut.reports.flatMap((report) => report.files);
  if (keptOut.reports.length > 0) {
    const rows = sum(files, (file) => file.rows);
    flags.push({
      kind: 'quarantined',
      title: `${rows} row${rows === 1 ? '' : 's'} quarantined: ${files.length} file${files.length === 1 ? '' : 's'} that did not fit the declared format, in ${keptOut.reports.length} run${keptOut.reports.length === 1 ? '' : 's'}`,
      rows,
      where: keptOut.reports.map((report) => `s3://${bucket}/${report.reportKey}`),
      executions: keptOut.reports.flatMap((report) => executionOf(report.runId) ?? []),
    });
  }
  const rejected = keptOut.rejected ?? [];
  if (rejected.length > 0) {
    const rows = sum(rejected, (object) => object.rows);
    flags.push({
      kind: 'rejected',
      title: `${rows} row${rows === 1 ? '' : 's'} rejected by the load`,
      rows,
      where: rejected.map((object) => `s3://${bucket}/${object.key}`),
      executions: [...new Set(rejected.flatMap((object) => (object.runId ? (executionOf(object.runId) ?? []) : [])))],
    });
  }
  return flags;
}

export interface RunKeptOut {
  table: string;
  quarantined: number;
  quarantinedFiles: number;
  /** undefined when nothing records rejected rows. */
  rejected?: number;
}

/** Per table, the rows a run's executions (by name) kept out. */
export function keptOutByRun(byTable: Record<string, KeptOut>, executionNames: string[]): RunKeptOut[] {
  const folders = new Set(executionNames.map(runFolderOf));
  return Object.entries(byTable).map(([table, keptOut]) => {
    const files = keptOut.reports.filter((report) => folders.has(report.runId)).flatMap((report) => report.files);
    return {
      table,
      quarantined: sum(files, (file) => file.rows),
      quarantinedFiles: files.length,
      rejected: keptOut.rejected
        ? sum(
            keptOut.rejected.filter((object) => object.runId && folders.has(object.runId)),
            (object) => object.rows,
          )
        : undefined,
    };
  });
}
