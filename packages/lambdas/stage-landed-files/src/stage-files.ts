// One table's landed files: check each against the declared format, quarantine those that do not
// fit, move the others to staging (a source_file=<file> folder each). Safe to repeat at any point.
import type { S3Client } from '@aws-sdk/client-s3';
import { listFiles } from '@data-pipeline/core';
import { checkTableFile, stagedFileKey, type TableDefinition, tablePrefixes } from '@data-pipeline/model';
import { archivedAfterStaging } from './loaded-batch';
import { emptyNotice, loadedNotice, quarantineNotice } from './notice';
import { moveObject, readObject } from './objects';
import { type QuarantinedFile, quarantineFile, writeQuarantineReport } from './quarantine';

/** How many quarantined files the result lists. */
export const LISTED_QUARANTINED = 20;

export type StageStatus = 'STAGED' | 'EMPTY' | 'LOADED';

export interface StageResult {
  Table: string;
  /** STAGED: files wait in staging to be loaded; EMPTY: nothing to load; LOADED: staging holds a batch loaded already, to archive. */
  Status: StageStatus;
  /** Files in staging now. */
  Staged: number;
  /** Landed files this call moved to staging. */
  Moved: number;
  /** The first quarantined files (at most LISTED_QUARANTINED, to keep the workflow state small); the report lists them all. */
  Quarantined: QuarantinedFile[];
  QuarantinedCount: number;
  /** The quarantine report, when files were quarantined. */
  QuarantineReport?: string;
  /** A message for the notification, when something other than a plain load happened. */
  Notice?: string;
}

export interface StageRequest {
  s3: S3Client;
  bucket: string;
  table: TableDefinition;
  runId: string;
  /** How many problems the report keeps per file. */
  maxProblems?: number;
}

export async function stageLandedFiles(request: StageRequest): Promise<StageResult> {
  const { s3, bucket, table, runId } = request;
  const prefixes = tablePrefixes(table);
  const staged = await listFiles(s3, bucket, prefixes.stage);
  const base = { Table: table.name, Quarantined: [] as QuarantinedFile[], QuarantinedCount: 0, Moved: 0 };

  if (staged.length > 0 && (await archivedAfterStaging(s3, bucket, table, staged))) {
    return { ...base, Status: 'LOADED', Staged: staged.length, Notice: loadedNotice(table.name, staged.length) };
  }

  const quarantined: QuarantinedFile[] = [];
  let moved = 0;
  for (const object of await listFiles(s3, bucket, prefixes.landing)) {
    const file = object.key.slice(prefixes.landing.length);
    const check = await checkTableFile(table, await readObject(s3, bucket, object.key), { maxProblems: request.maxProblems });
    if (check.ok) {
      await moveObject(s3, bucket, object, stagedFileKey(table, file));
      moved += 1;
    } else {
      quarantined.push(await quarantineFile(s3, bucket, table, runId, { object, file }, check));
    }
  }

  const stagedNow = (await listFiles(s3, bucket, prefixes.stage)).length;
  const status: StageStatus = stagedNow > 0 ? 'STAGED' : 'EMPTY';
  if (quarantined.length === 0) {
    return { ...base, Status: status, Staged: stagedNow, Moved: moved, ...(status === 'EMPTY' ? { Notice: emptyNotice(table.name) } : {}) };
  }
  const report = await writeQuarantineReport(s3, bucket, table, runId, quarantined);
  return {
    ...base,
    Status: status,
    Staged: stagedNow,
    Moved: moved,
    Quarantined: quarantined.slice(0, LISTED_QUARANTINED),
    QuarantinedCount: quarantined.length,
    QuarantineReport: report,
    Notice: quarantineNotice(table.name, quarantined, `s3://${bucket}/${report}`, stagedNow),
  };
}
