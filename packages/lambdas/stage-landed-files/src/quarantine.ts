// Files that do not fit their table's declared format go to the table's quarantine folder, in a
// folder of the run, beside a report that names each file, line and reason. Nothing is deleted.
import type { S3Client } from '@aws-sdk/client-s3';
import type { StoredObject } from '@data-pipeline/core';
import { type FileProblem, type TableDefinition, tablePrefixes } from '@data-pipeline/model';
import { moveObject, putJson } from './objects';

export interface QuarantinedFile {
  /** The file's key relative to the table's landing folder. */
  File: string;
  /** Where it is now. */
  Key: string;
  Problems: Array<{ Line: number; Reason: string }>;
  ProblemCount: number;
}

export const REPORT_NAME = '_report.json';

export function quarantineFolder(table: TableDefinition, runId: string): string {
  return `${tablePrefixes(table).quarantine}${runId}/`;
}

export async function quarantineFile(
  s3: S3Client,
  bucket: string,
  table: TableDefinition,
  runId: string,
  landed: { object: StoredObject; file: string },
  check: { problems: FileProblem[]; problemCount: number },
): Promise<QuarantinedFile> {
  const key = `${quarantineFolder(table, runId)}${landed.file}`;
  await moveObject(s3, bucket, landed.object, key);
  return {
    File: landed.file,
    Key: key,
    Problems: check.problems.map((problem) => ({ Line: problem.line, Reason: problem.reason })),
    ProblemCount: check.problemCount,
  };
}

/** Writes the run's report beside the quarantined files; returns its key. */
export async function writeQuarantineReport(
  s3: S3Client,
  bucket: string,
  table: TableDefinition,
  runId: string,
  files: QuarantinedFile[],
): Promise<string> {
  const key = `${quarantineFolder(table, runId)}${REPORT_NAME}`;
  await putJson(s3, bucket, key, { table: table.name, runId, writtenAt: new Date().toISOString(), files });
  return key;
}
