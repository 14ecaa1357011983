// data/generate.mjs --table: files for any declared table, from its declaration alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTableFile, tables } from '../src/index';

const GENERATE = join(__dirname, '..', '..', '..', 'data', 'generate.mjs');

describe('Function: data/generate.mjs --table', () => {
  it.each(tables.map((table) => [table.name, table] as const))('returns files of %s that fit its declared format', async (name, table) => {
    // Prepare
    const out = mkdtempSync(join(tmpdir(), 'generate-'));
    try {
      // Act
      const summary = JSON.parse(
        execFileSync(process.execPath, [GENERATE, '--table', name, '--rows', '11', '--files', '2', '--out', out], { encoding: 'utf8' }),
      ) as { table: string; files: string[]; rows: number };
      const results = await Promise.all(summary.files.map((file) => checkTableFile(table, readFileSync(file))));
      const lines = summary.files.map((file) => readFileSync(file, 'utf8').trimEnd().split('\n').length - table.source.headerRows);

      // Assess
      expect(summary).toMatchObject({ table: name, rows: 11 });
      expect(results.map((result) => result.problems)).toEqual([[], []]);
      expect(lines).toEqual([6, 5]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('throws, exiting 2 with the declared tables named, when the table is not declared', () => {
    // Act
    const act = () => execFileSync(process.execPath, [GENERATE, '--table', 'nope', '--out', tmpdir()], { encoding: 'utf8', stdio: 'pipe' });

    // Assess
    expect(act).toThrow(/unknown table "nope": expected one of/);
  });
});
