import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ddlFileContent,
  getTable,
  hiveDdlPath,
  hiveDdlStatements,
  hiveDirectory,
  hiveScriptPath,
  hiveString,
  MissingGeneratedBlockError,
  tables,
  withGeneratedBlock,
} from '../src/index';

const repoRoot = join(hiveDirectory(), '..');
const regenerate = 'run `pnpm --filter @data-pipeline/model run generate:ddl`';

describe('Function: ddlFileContent (checked-in hive/ddl)', () => {
  it.each(tables.map((table) => [hiveDdlPath(table), table] as const))('returns what %s holds, else the file is stale', (path, table) => {
    // act
    const onDisk = readFileSync(join(repoRoot, path), 'utf8');
    // assess
    expect(onDisk, `${path} is stale: ${regenerate}`).toBe(ddlFileContent(table));
  });
});

describe('Function: withGeneratedBlock (checked-in hive/scripts)', () => {
  it.each(tables.map((table) => [hiveScriptPath(table), table] as const))(
    'returns %s unchanged, else its DDL block is stale',
    (path, table) => {
      // prepare
      const file = join(repoRoot, path);
      // act
      const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : '';
      // assess
      expect(onDisk, `${path} is missing: every declared table needs a load script`).not.toBe('');
      expect(withGeneratedBlock(onDisk, table), `${path} is stale: ${regenerate}`).toBe(onDisk);
    },
  );

  it('throws MissingGeneratedBlockError when a script has no generated block', () => {
    // act / assess
    expect(() => withGeneratedBlock('INSERT INTO t SELECT 1;\n', getTable('sample_country_dim'))).toThrow(MissingGeneratedBlockError);
  });
});

describe('Function: hiveDdlStatements', () => {
  it('returns staging tables partitioned by source_file and only the fact warehouse table by date_id', () => {
    // act
    const [, dimensionStaging, , dimension] = hiveDdlStatements(getTable('sample_country_dim'));
    const [, factStaging, , fact] = hiveDdlStatements(getTable('sample_country_tx_fact'));
    // assess
    for (const staging of [dimensionStaging, factStaging]) expect(staging).toContain('PARTITIONED BY (\n  `source_file` string');
    expect(dimension).not.toContain('PARTITIONED BY');
    expect(fact).toContain('PARTITIONED BY (\n  `date_id` int');
    expect(fact).toContain('`source_file` string');
  });

  it('returns the locations and databases given instead of the Hive variables', () => {
    // act
    const statements = hiveDdlStatements(
      getTable('sample_country_dim'),
      { stage: 's3://b/stage/x', warehouse: 's3://b/dwh/x' },
      { stage: 'dev_stg_dimension_db', warehouse: 'dev_dimension_db' },
    );
    // assess
    expect(statements.join('\n')).toContain("LOCATION 's3://b/stage/x'");
    expect(statements.join('\n')).toContain("LOCATION 's3://b/dwh/x'");
    expect(statements.join('\n')).toContain('CREATE EXTERNAL TABLE IF NOT EXISTS dev_stg_dimension_db.sample_country_dim (');
    expect(statements.join('\n')).not.toContain('${hivevar:');
  });

  it('returns the databases as Hive variables when none are given, so one script serves every environment', () => {
    // act
    const [stageDatabase, staging, warehouseDatabase] = hiveDdlStatements(getTable('sample_country_dim'));
    // assess
    expect(stageDatabase).toBe('CREATE DATABASE IF NOT EXISTS ${hivevar:STAGE_DATABASE}');
    expect(staging).toContain('CREATE EXTERNAL TABLE IF NOT EXISTS ${hivevar:STAGE_DATABASE}.sample_country_dim (');
    expect(warehouseDatabase).toBe('CREATE DATABASE IF NOT EXISTS ${hivevar:WAREHOUSE_DATABASE}');
  });

  it('returns load scripts that name no database literally (every database arrives as a Hive variable)', () => {
    // act
    const literal = tables.flatMap((table) => {
      const script = readFileSync(join(repoRoot, hiveScriptPath(table)), 'utf8');
      const code = script.split('\n').filter((line) => !line.startsWith('--'));
      return code.filter((line) => /\b(stg_)?(dimension|fact)_db\b/.test(line)).map((line) => `${table.name}: ${line}`);
    });
    // assess
    expect(literal).toEqual([]);
  });
});

describe('Function: hiveString', () => {
  it('returns a literal with backslashes and single quotes escaped', () => {
    // act / assess
    expect(hiveString("Côte d'Ivoire \\ x")).toBe("'Côte d\\'Ivoire \\\\ x'");
  });
});
