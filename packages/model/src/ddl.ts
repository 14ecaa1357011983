import { stagingColumns, stagingSerdeParameters, stagingTableParameters, warehouseTableParameters } from './glue';
import { csvStorage } from './storage-formats';
import { partitionColumns, SOURCE_FILE_COLUMN, warehouseDataColumns } from './tables/index';
import type { HiveColumn, TableDefinition } from './tables/schema';

/** Hive variables the DDL (and the load scripts that embed it) expect: `-d NAME=VALUE`. */
export const ddlVariables = {
  stageLocation: 'STAGE_LOCATION',
  warehouseLocation: 'WAREHOUSE_LOCATION',
  stageDatabase: 'STAGE_DATABASE',
  warehouseDatabase: 'WAREHOUSE_DATABASE',
} as const;

export interface DdlLocations {
  stage: string;
  warehouse: string;
}

/** Locations as Hive variable references, the form checked in under hive/. */
export const variableLocations: DdlLocations = {
  stage: `\${hivevar:${ddlVariables.stageLocation}}`,
  warehouse: `\${hivevar:${ddlVariables.warehouseLocation}}`,
};

/** A HiveQL string literal: backslashes and single quotes escaped (the same rules in Hive and Spark SQL). */
/** The databases of the staging and warehouse tables. */
export interface DdlDatabases {
  stage: string;
  warehouse: string;
}

/** Databases as Hive variable references: the scripts serve every environment, whose databases differ (dev_fact_db, prod_fact_db). */
export const variableDatabases: DdlDatabases = {
  stage: `\${hivevar:${ddlVariables.stageDatabase}}`,
  warehouse: `\${hivevar:${ddlVariables.warehouseDatabase}}`,
};

export function hiveString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function columnList(columns: HiveColumn[], indent = '  '): string {
  return columns
    .map((column) => `${indent}\`${column.name}\` ${column.type}${column.comment ? ` COMMENT ${hiveString(column.comment)}` : ''}`)
    .join(',\n');
}

function properties(values: Record<string, string>, skip: string[] = []): string {
  return Object.entries(values)
    .filter(([key]) => !skip.includes(key))
    .map(([key, value]) => `  ${hiveString(key)} = ${hiveString(value)}`)
    .join(',\n');
}

/** CREATE statements (without semicolons) for the staging and warehouse tables of a declaration. */
export function hiveDdlStatements(
  table: TableDefinition,
  locations: DdlLocations = variableLocations,
  databases: DdlDatabases = variableDatabases,
): string[] {
  const staging = { database: databases.stage, qualifiedName: `${databases.stage}.${table.name}` };
  const warehouse = { database: databases.warehouse, qualifiedName: `${databases.warehouse}.${table.name}` };
  // EXTERNAL is implied by CREATE EXTERNAL TABLE; Spark refuses it as an explicit table property.
  const skip = ['EXTERNAL'];
  const partitions = partitionColumns(table);
  return [
    `CREATE DATABASE IF NOT EXISTS ${staging.database}`,
    [
      `CREATE EXTERNAL TABLE IF NOT EXISTS ${staging.qualifiedName} (`,
      columnList(stagingColumns(table)),
      ')',
      `COMMENT ${hiveString(`Staging (text) of ${table.name}: ${table.description}`)}`,
      'PARTITIONED BY (',
      columnList([SOURCE_FILE_COLUMN]),
      ')',
      `ROW FORMAT SERDE ${hiveString(csvStorage.serde)}`,
      'WITH SERDEPROPERTIES (',
      properties(stagingSerdeParameters(table)),
      ')',
      `STORED AS INPUTFORMAT ${hiveString(csvStorage.inputFormat)}`,
      `  OUTPUTFORMAT ${hiveString(csvStorage.outputFormat)}`,
      `LOCATION ${hiveString(locations.stage)}`,
      'TBLPROPERTIES (',
      properties(stagingTableParameters(table), skip),
      ')',
    ].join('\n'),
    `CREATE DATABASE IF NOT EXISTS ${warehouse.database}`,
    [
      `CREATE EXTERNAL TABLE IF NOT EXISTS ${warehouse.qualifiedName} (`,
      columnList(warehouseDataColumns(table)),
      ')',
      `COMMENT ${hiveString(table.description)}`,
      ...(partitions.length > 0 ? ['PARTITIONED BY (', columnList(partitions), ')'] : []),
      'STORED AS ORC',
      `LOCATION ${hiveString(locations.warehouse)}`,
      'TBLPROPERTIES (',
      properties(warehouseTableParameters(table), skip),
      ')',
    ].join('\n'),
  ];
}

/** The statements as a script: each ends with a semicolon, separated by a blank line. */
export function hiveDdlScript(
  table: TableDefinition,
  locations: DdlLocations = variableLocations,
  databases: DdlDatabases = variableDatabases,
): string {
  return `${hiveDdlStatements(table, locations, databases)
    .map((statement) => `${statement};`)
    .join('\n\n')}\n`;
}
