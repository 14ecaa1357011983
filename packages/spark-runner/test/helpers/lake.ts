import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stagedFileKey, type TableDefinition, tableLocations, tablePrefixes } from '@data-pipeline/model';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A scratch folder standing for the work-area bucket (file:// URIs), plus the runner's warehouse and metastore. */
export function createLake(): { dir: string; root: string; warehouseDir: string; metastoreDir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'spark-runner-test-'));
  return {
    dir,
    root: pathToFileURL(join(dir, 'bucket')).href,
    warehouseDir: join(dir, 'warehouse'),
    metastoreDir: join(dir, 'metastore'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The folder behind a file:// location. */
export function folderOf(location: string): string {
  return fileURLToPath(location);
}

/** Replaces what is in the table's stage folder with the given files, each in its source_file folder (as stage-landed-files leaves them). */
export function stageFiles(table: TableDefinition, root: string, files: string[]): void {
  const folder = folderOf(tableLocations(table, '', { root }).stage);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const target = join(folder, stagedFileKey(table, basename(file)).slice(tablePrefixes(table).stage.length));
    mkdirSync(join(target, '..'), { recursive: true });
    copyFileSync(file, target);
  }
}

export function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(folder, name));
}

/** Runs data/generate.mjs and returns its summary. */
export function generateFacts(args: string[]): {
  files: string[];
  rows: number;
  dates: string[];
  rowsPerDate: Record<string, number>;
  totalAmount: string;
} {
  const output = execFileSync(process.execPath, [join(repoRoot, 'data', 'generate.mjs'), ...args], { encoding: 'utf8' });
  return JSON.parse(output);
}
