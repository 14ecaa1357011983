// Lands files in their table's landing prefix, as an upstream system would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { tablePrefixes, tables } from '@data-pipeline/model';
import { LandingError } from './errors';
import { repoPath } from './paths';

export interface FileToLand {
  table: string;
  path: string;
}

export interface LandedFile extends FileToLand {
  key: string;
  bytes: number;
}

/** The sample files of every declared table (data/samples/<table>/*.csv). */
export function sampleFiles(): FileToLand[] {
  return tables.flatMap((table) => {
    const dir = repoPath(join('data', 'samples', table.name));
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => ({ table: table.name, path: join(dir, name) }));
  });
}

/**
 * Files named on the command line: `<table>=<path>`, or a path whose folder or file name starts with a
 * declared table's name (longest name first, so sample_country_tx_fact wins over sample_country).
 */
export function filesFromArguments(args: string[]): FileToLand[] {
  const names = tables.map((table) => table.name).sort((a, b) => b.length - a.length);
  return args.map((arg) => {
    const [explicit, path] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [undefined, arg];
    const table = explicit ?? names.find((name) => basename(dirname(path)) === name || basename(path).startsWith(name));
    if (!table || !names.includes(table))
      throw new LandingError(
        `${arg}: no declared table ${explicit ? `named ${explicit}` : 'matches its folder or file name'} (tables: ${names.join(', ')}); write <table>=<file>`,
      );
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new LandingError(`${arg}: ${path} is not a file`);
    return { table, path };
  });
}

export async function landFiles(s3: S3Client, bucket: string, files: FileToLand[]): Promise<LandedFile[]> {
  const landed: LandedFile[] = [];
  for (const file of files) {
    const table = tables.find((candidate) => candidate.name === file.table);
    if (!table) throw new LandingError(`no declared table ${file.table}`);
    const body = readFileSync(file.path);
    const key = `${tablePrefixes(table).landing}${basename(file.path)}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    landed.push({ ...file, key, bytes: body.length });
  }
  return landed;
}
