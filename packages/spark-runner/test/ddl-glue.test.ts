import { join } from 'node:path';
import { type GlueTableDefinition, glueTableDefinitions, hiveDdlPath, hiveScriptVariables, tables } from '@data-pipeline/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HiveSession, startHiveSession } from '../src/index';
import { createLake, repoRoot } from './helpers/lake';

/** The environment whose databases the scripts load here (local_stg_fact_db, local_fact_db, …). */
const LOCAL = { name: 'local' };

/** What the Hive metastore says about a table after the checked-in DDL created it. */
interface CatalogTable {
  columns: { Name: string; Type: string; Comment?: string }[];
  partitionKeys: { Name: string; Type: string; Comment?: string }[];
  details: Record<string, string>;
  tableProperties: Record<string, string>;
  serdeProperties: Record<string, string>;
}

const lake = createLake();
let session: HiveSession;

async function rowsOf(sql: string): Promise<string[][]> {
  const result = await session.run({ sql });
  if (result.exitCode !== 0) throw new Error(`${sql} failed:\n${result.stderr}`);
  return result.statements.at(-1)?.rows ?? [];
}

function column([name, type, comment]: string[]): { Name: string; Type: string; Comment?: string } {
  const trimmedComment = comment?.trim();
  return { Name: name?.trim() ?? '', Type: type?.trim() ?? '', ...(trimmedComment ? { Comment: trimmedComment } : {}) };
}

async function describeTable(qualifiedName: string): Promise<CatalogTable> {
  const described = await rowsOf(`DESCRIBE FORMATTED ${qualifiedName}`);
  const firstSection = described.findIndex(([name]) => name?.trim().startsWith('#') || name?.trim() === '');
  const dataRows = described.slice(0, firstSection < 0 ? described.length : firstSection);
  const partitionStart = described.findIndex(([name]) => name?.trim() === '# Partition Information');
  const partitionRows =
    partitionStart < 0
      ? []
      : described.slice(partitionStart + 2).filter((_, index, rows) => index < rows.findIndex(([name]) => !name?.trim()));
  const details = Object.fromEntries(described.map(([name, value]) => [name?.trim() ?? '', value?.trim() ?? '']));
  const tableProperties = Object.fromEntries((await rowsOf(`SHOW TBLPROPERTIES ${qualifiedName}`)).map(([key, value]) => [key, value]));
  const createStatement = (await rowsOf(`SHOW CREATE TABLE ${qualifiedName} AS SERDE`)).map((row) => row.join('\t')).join('\n');
  const serdeBlock = /WITH SERDEPROPERTIES \(\n([\s\S]*?)\)\n/.exec(createStatement)?.[1] ?? '';
  const serdeProperties = Object.fromEntries(
    serdeBlock
      .split('\n')
      .map((line) => /^\s*'(.+?)' = '(.*)',?$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2]]),
  );
  const partitionKeys = partitionRows.map(column);
  // DESCRIBE lists partition columns after the data columns as well as in their own section.
  const columns = dataRows.map(column).filter((candidate) => !partitionKeys.some((key) => key.Name === candidate.Name));
  return { columns, partitionKeys, details, tableProperties, serdeProperties };
}

function withoutTrailingSlash(location: string): string {
  return location.replace(/\/+$/, '').replace(/^file:\/\/\//, 'file:/');
}

beforeAll(async () => {
  session = await startHiveSession({ warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
  for (const table of tables) {
    const result = await session.run({
      file: join(repoRoot, hiveDdlPath(table)),
      variables: hiveScriptVariables(LOCAL, table, '', { root: lake.root }),
    });
    if (result.exitCode !== 0) throw new Error(`${hiveDdlPath(table)} failed:\n${result.stderr}`);
  }
});

afterAll(async () => {
  await session?.close();
  lake.remove();
});

describe('Function: glueTableDefinitions', () => {
  const definitions: GlueTableDefinition[] = tables.flatMap((table) => glueTableDefinitions(LOCAL, table, '', { root: lake.root }));

  it.each(definitions.map((definition) => [`${definition.DatabaseName}.${definition.TableInput.Name}`, definition] as const))(
    'returns the columns, partition keys and storage the generated DDL created for %s',
    async (qualifiedName, definition) => {
      // act
      const catalog = await describeTable(qualifiedName);
      const input = definition.TableInput;
      const storage = input.StorageDescriptor;
      // assess
      expect(catalog.columns).toEqual(storage.Columns);
      expect(catalog.partitionKeys).toEqual(input.PartitionKeys);
      expect(catalog.details.Type).toBe('EXTERNAL');
      expect(input.TableType).toBe('EXTERNAL_TABLE');
      expect(withoutTrailingSlash(catalog.details.Location ?? '')).toBe(withoutTrailingSlash(storage.Location));
      expect(catalog.details['Serde Library']).toBe(storage.SerdeInfo.SerializationLibrary);
      expect(catalog.details.InputFormat).toBe(storage.InputFormat);
      expect(catalog.details.OutputFormat).toBe(storage.OutputFormat);
      expect(catalog.serdeProperties).toMatchObject(storage.SerdeInfo.Parameters);
      const { EXTERNAL, ...parameters } = input.Parameters;
      expect(EXTERNAL).toBe('TRUE');
      expect(catalog.tableProperties).toMatchObject(parameters);
    },
  );
});
