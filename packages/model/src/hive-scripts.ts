import { fileURLToPath } from 'node:url';
import { ddlVariables, hiveDdlScript } from './ddl';
import { type LocationOptions, s3Layout, stagingDatabase, tableLocations, warehouseDatabase } from './layout';
import type { TableDefinition } from './tables/schema';

/** The HiveQL of the repository: hive/scripts/<table>.hql (load scripts) and hive/ddl/<table>.hql (generated DDL). */

/** Absolute path of the repository's hive/ folder (the model is consumed from source inside the monorepo). */
export function hiveDirectory(): string {
  return fileURLToPath(new URL('../../../hive/', import.meta.url));
}

/** Repository-relative path of a table's load script. */
export function hiveScriptPath(table: Pick<TableDefinition, 'name'>): string {
  return `hive/scripts/${table.name}.hql`;
}

/** Repository-relative path of a table's generated DDL. */
export function hiveDdlPath(table: Pick<TableDefinition, 'name'>): string {
  return `hive/ddl/${table.name}.hql`;
}

/** S3 key the load script is deployed to (and run from by the EMR step). */
export function hiveScriptKey(table: Pick<TableDefinition, 'name'>): string {
  return `${s3Layout.hiveScriptsPrefix}${table.name}.hql`;
}

/** Every Hive variable a load script expects; the load step passes exactly these. */
export const hiveScriptVariableNames = [
  ddlVariables.stageLocation,
  ddlVariables.warehouseLocation,
  ddlVariables.stageDatabase,
  ddlVariables.warehouseDatabase,
] as const;
export type HiveScriptVariable = (typeof hiveScriptVariableNames)[number];

/**
 * Values of the load script's variables for an environment and a bucket (`bucket` may be a Terraform token;
 * options.root replaces it): the table's folders and the environment's databases.
 */
export function hiveScriptVariables(
  env: { name: string },
  table: Pick<TableDefinition, 'name' | 'kind'>,
  bucket: string,
  options: LocationOptions = {},
): Record<HiveScriptVariable, string> {
  const locations = tableLocations(table, bucket, options);
  return {
    STAGE_LOCATION: locations.stage,
    WAREHOUSE_LOCATION: locations.warehouse,
    STAGE_DATABASE: stagingDatabase(env, table.kind),
    WAREHOUSE_DATABASE: warehouseDatabase(env, table.kind),
  };
}

/** ['-d', 'NAME=VALUE', …] in hiveScriptVariableNames order. */
export function hiveDefineArguments(variables: Record<string, string>): string[] {
  return Object.entries(variables).flatMap(([name, value]) => ['-d', `${name}=${value}`]);
}

/**
 * The condition a load script keeps a staged row by: its first column is not the column's name, whatever
 * its case, and whatever byte order mark, whitespace or double quotes surround it. Spark SQL ignores
 * `skip.header.line.count` on Hive text tables (SPARK-11374, https://issues.apache.org/jira/browse/SPARK-11374),
 * so the header line of each staged file is dropped by content; producers write headers in any case
 * (`TX_ID,…`), after a BOM, with CRLF line ends (Hadoop's line reader ends a line at CR, LF or CRLF).
 * Each load script writes this text, and a test checks it does.
 */
export function headerRowFilter(firstColumn: string): string {
  // String.raw: the SQL literal holds \\uFEFF and \\s, which Spark's parser reads as the regular expression's \uFEFF and \s.
  return String.raw`coalesce(lower(regexp_replace(${firstColumn}, '^[\\uFEFF\\s"]+|[\\s"]+$', '')), '') <> '${firstColumn.toLowerCase()}'`;
}

// Comments in HiveQL stay free of semicolons, quotes and backticks: older Hive CLI splitters do not skip comments.
export const GENERATED_BLOCK_BEGIN = '-- BEGIN GENERATED DDL, do not edit: pnpm --filter @data-pipeline/model run generate:ddl';
export const GENERATED_BLOCK_END = '-- END GENERATED DDL';

/** Content of hive/ddl/<table>.hql. */
export function ddlFileContent(table: TableDefinition): string {
  return [
    `-- ${table.name}: staging and warehouse tables, generated from packages/model/src/tables/declarations.ts`,
    '-- by pnpm --filter @data-pipeline/model run generate:ddl. Do not edit.',
    `-- Hive variables: ${ddlVariables.stageLocation} is the stage-zone folder of the table, ${ddlVariables.warehouseLocation} its warehouse-zone folder,`,
    `-- ${ddlVariables.stageDatabase} and ${ddlVariables.warehouseDatabase} the databases of the environment (dev_stg_fact_db, dev_fact_db, and so on).`,
    '',
    hiveDdlScript(table),
  ].join('\n');
}

export class MissingGeneratedBlockError extends Error {
  override name = 'MissingGeneratedBlockError';
  constructor(path: string) {
    super(
      `${path} has no generated DDL block: add the two lines "${GENERATED_BLOCK_BEGIN}" and "${GENERATED_BLOCK_END}" where the CREATE statements belong`,
    );
  }
}

/** The load script with its generated block (CREATE … IF NOT EXISTS of both tables) replaced by the current DDL. */
export function withGeneratedBlock(script: string, table: TableDefinition, path = hiveScriptPath(table)): string {
  const begin = script.indexOf(GENERATED_BLOCK_BEGIN);
  const end = script.indexOf(GENERATED_BLOCK_END);
  if (begin < 0 || end < begin) throw new MissingGeneratedBlockError(path);
  return `${script.slice(0, begin)}${GENERATED_BLOCK_BEGIN}\n${hiveDdlScript(table)}${script.slice(end)}`;
}
