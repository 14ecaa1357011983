// Whether the pipeline has anything to do: for each table, how many files wait in its landing prefix
// and in its staging prefix (a batch a failed run staged, or loaded and did not archive). It only lists.
import type { S3Client } from '@aws-sdk/client-s3';
import { listFiles } from '@data-pipeline/core';
import { type TableDefinition, tablePrefixes } from '@data-pipeline/model';
import { ZoneListingError } from './errors';

export interface TableFiles {
  Table: string;
  /** Files under the table's landing prefix. */
  Landed: number;
  /** Files under the table's staging prefix. */
  Staged: number;
}

export interface SurveyResult {
  /** FOUND: some table has files landed or staged; NOTHING: no table has any. */
  Status: 'FOUND' | 'NOTHING';
  Landed: number;
  Staged: number;
  Tables: TableFiles[];
  /** A message for the notification, when there is nothing to load. */
  Notice?: string;
}

export interface SurveyTarget {
  bucket: string;
  table: TableDefinition;
}

/** How many files wait under `prefix` (folder markers left out). */
export async function countFiles(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  try {
    return (await listFiles(s3, bucket, prefix)).length;
  } catch (error) {
    throw new ZoneListingError(`s3://${bucket}/${prefix}`, { cause: error });
  }
}

export function nothingNotice(tables: TableFiles[]): string {
  const names = tables.map((entry) => entry.Table).join(', ');
  return `Nothing to load: no file has landed and none is staged for ${tables.length === 1 ? 'the table' : `any of the ${tables.length} tables`} (${names}). No cluster was launched.`;
}

export async function surveyLandedFiles(s3: S3Client, targets: SurveyTarget[]): Promise<SurveyResult> {
  const tables: TableFiles[] = [];
  for (const { bucket, table } of targets) {
    const prefixes = tablePrefixes(table);
    tables.push({
      Table: table.name,
      Landed: await countFiles(s3, bucket, prefixes.landing),
      Staged: await countFiles(s3, bucket, prefixes.stage),
    });
  }
  const landed = tables.reduce((sum, entry) => sum + entry.Landed, 0);
  const staged = tables.reduce((sum, entry) => sum + entry.Staged, 0);
  if (landed + staged > 0) return { Status: 'FOUND', Landed: landed, Staged: staged, Tables: tables };
  return { Status: 'NOTHING', Landed: 0, Staged: 0, Tables: tables, Notice: nothingNotice(tables) };
}
