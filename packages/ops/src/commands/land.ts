// `land <table> <files…>`: check every file against the table's declared format, then upload them all
// to the table's landing prefix. A file that does not fit refuses the whole command: nothing is uploaded.
import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Upload } from '@aws-sdk/lib-storage';
import { checkTableFile, type FileProblem, getTable, type TableDefinition, tablePrefixes, tables } from '@data-pipeline/model';
import type { OpsContext } from '../context';
import { RefusedError, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { CommandResult } from './result';

const MAX_PROBLEMS = 20;

export interface FileVerdict {
  file: string;
  rows: number;
  ok: boolean;
  problems: FileProblem[];
  problemCount: number;
}

export interface LandData {
  table: string;
  bucket: string;
  files: Array<FileVerdict & { key?: string; bytes?: number }>;
}

function tableNamed(name: string): TableDefinition {
  try {
    return getTable(name);
  } catch (error) {
    throw new UsageError(`unknown table ${JSON.stringify(name)}: one of ${tables.map((table) => table.name).join(', ')}`, { cause: error });
  }
}

export async function checkFiles(table: TableDefinition, paths: string[]): Promise<FileVerdict[]> {
  const verdicts: FileVerdict[] = [];
  for (const path of paths) {
    const result = await checkTableFile(table, createReadStream(path), { maxProblems: MAX_PROBLEMS });
    verdicts.push({ file: path, rows: result.rows, ok: result.ok, problems: result.problems, problemCount: result.problemCount });
  }
  return verdicts;
}

function describeProblems(verdicts: FileVerdict[]): string {
  return verdicts
    .filter((verdict) => !verdict.ok)
    .map((verdict) => {
      const more = verdict.problemCount > verdict.problems.length ? `\n  … and ${verdict.problemCount - verdict.problems.length} more` : '';
      return `${verdict.file}:\n${verdict.problems.map((problem) => `  line ${problem.line}: ${problem.reason}`).join('\n')}${more}`;
    })
    .join('\n');
}

export async function landCommand(
  ctx: OpsContext,
  tableName: string,
  files: string[],
  options: { yes?: boolean } = {},
): Promise<CommandResult<LandData>> {
  const table = tableNamed(tableName);
  if (files.length === 0) throw new UsageError('land needs at least one file');
  const paths = files.map((file) => resolve(ctx.cwd, file));
  for (const path of paths) if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${path} is not a file`);

  const verdicts = await checkFiles(table, paths);
  const refused = verdicts.filter((verdict) => !verdict.ok);
  if (refused.length > 0) {
    throw new RefusedError(
      `${refused.length} of ${verdicts.length} files do not fit ${table.name}; nothing was uploaded\n${describeProblems(verdicts)}`,
      { reason: 'file-does-not-fit', files: verdicts },
    );
  }
  if (ctx.env.name === 'prod' && !options.yes) {
    if (!ctx.ask) throw new RefusedError('prod needs confirmation: run it on a terminal, or add --yes', { reason: 'not-confirmed' });
    if (!(await ctx.ask(`Upload ${paths.length} files to ${table.name} in prod?`)))
      throw new RefusedError('not confirmed: nothing was uploaded', { reason: 'not-confirmed' });
  }

  const prefix = tablePrefixes(table).landing;
  const landed: LandData['files'] = [];
  for (const verdict of verdicts) {
    const key = `${prefix}${basename(verdict.file)}`;
    const bytes = statSync(verdict.file).size;
    // One PutObject for a small file, a multipart upload of 8 MiB parts (each retried on its own) for a large one.
    const upload = new Upload({
      client: ctx.clients.s3,
      params: { Bucket: ctx.bucket, Key: key, Body: createReadStream(verdict.file) },
      partSize: 8 * 1024 * 1024,
    });
    await upload.done();
    landed.push({ ...verdict, key, bytes });
  }
  return {
    code: EXIT.ok,
    data: { table: table.name, bucket: ctx.bucket, files: landed },
    render: (c) =>
      landed.map((file) => `${c.green('landed')} ${basename(file.file)}  ${file.rows} rows  s3://${ctx.bucket}/${file.key}`).join('\n'),
  };
}
