import { kindPrefixes, type LocationOptions, locationOf, locationRoot, stagingDatabase, tableLocations, warehouseDatabase } from './layout';
import { csvStorage, orcStorage } from './storage-formats';
import { partitionColumns, SOURCE_FILE_COLUMN, tables, warehouseDataColumns } from './tables/index';
import { type QualifiedTableName, stagingTable, warehouseTable } from './tables/names';
import type { HiveColumn, TableDefinition, TableKind } from './tables/schema';

/** Shaped like the Glue CreateTable `TableInput` (and mapped by the infrastructure onto aws_glue_catalog_table). */
export interface GlueColumn {
  Name: string;
  Type: string;
  Comment?: string;
}

export interface GlueSerDeInfo {
  SerializationLibrary: string;
  Parameters: Record<string, string>;
}

export interface GlueStorageDescriptor {
  Columns: GlueColumn[];
  Location: string;
  InputFormat: string;
  OutputFormat: string;
  Compressed: boolean;
  SerdeInfo: GlueSerDeInfo;
  StoredAsSubDirectories: boolean;
}

export interface GlueTableInput {
  Name: string;
  Description: string;
  TableType: 'EXTERNAL_TABLE';
  Parameters: Record<string, string>;
  PartitionKeys: GlueColumn[];
  StorageDescriptor: GlueStorageDescriptor;
}

export type TableZone = 'stage' | 'warehouse';

export interface GlueTableDefinition {
  /** The declared table it derives from. */
  table: string;
  zone: TableZone;
  DatabaseName: string;
  TableInput: GlueTableInput;
}

export interface GlueDatabaseDefinition {
  Name: string;
  Description: string;
  LocationUri: string;
  zone: TableZone;
  kind: TableKind;
}

function glueColumn(column: HiveColumn, type = column.type): GlueColumn {
  return column.comment ? { Name: column.name, Type: type, Comment: column.comment } : { Name: column.name, Type: type };
}

/** SerDe parameters of the staging table (OpenCSVSerde's names). */
export function stagingSerdeParameters(table: TableDefinition): Record<string, string> {
  return { separatorChar: table.source.delimiter, quoteChar: table.source.quoteChar, escapeChar: table.source.escapeChar };
}

/** Table parameters of the staging table. */
export function stagingTableParameters(table: TableDefinition): Record<string, string> {
  return { EXTERNAL: 'TRUE', classification: 'csv', 'skip.header.line.count': String(table.source.headerRows) };
}

/** Table parameters of the warehouse table. */
export function warehouseTableParameters(table: TableDefinition): Record<string, string> {
  return { EXTERNAL: 'TRUE', classification: 'orc', 'orc.compress': table.storage.compression };
}

/** Staging columns: every source column as a string (OpenCSVSerde yields strings; the load script casts). */
export function stagingColumns(table: TableDefinition): HiveColumn[] {
  return table.columns.map((column) => ({ ...column, type: 'string' }));
}

function definition(table: TableDefinition, zone: TableZone, name: QualifiedTableName, input: Omit<GlueTableInput, 'Name' | 'TableType'>) {
  return {
    table: table.name,
    zone,
    DatabaseName: name.database,
    TableInput: { Name: name.name, TableType: 'EXTERNAL_TABLE' as const, ...input },
  };
}

/** The Glue tables of one declaration in an environment: the staging text table, then the warehouse ORC table. */
export function glueTableDefinitions(
  env: { name: string },
  table: TableDefinition,
  bucket: string,
  options: LocationOptions = {},
): GlueTableDefinition[] {
  const locations = tableLocations(table, bucket, options);
  const staging = definition(table, 'stage', stagingTable(env, table), {
    Description: `Staging (text) of ${table.name}: ${table.description}`,
    Parameters: stagingTableParameters(table),
    PartitionKeys: [glueColumn(SOURCE_FILE_COLUMN)],
    StorageDescriptor: {
      Columns: stagingColumns(table).map((column) => glueColumn(column)),
      Location: locations.stage,
      InputFormat: csvStorage.inputFormat,
      OutputFormat: csvStorage.outputFormat,
      Compressed: false,
      SerdeInfo: { SerializationLibrary: csvStorage.serde, Parameters: stagingSerdeParameters(table) },
      StoredAsSubDirectories: false,
    },
  });
  const warehouse = definition(table, 'warehouse', warehouseTable(env, table), {
    Description: table.description,
    Parameters: warehouseTableParameters(table),
    PartitionKeys: partitionColumns(table).map((column) => glueColumn(column)),
    StorageDescriptor: {
      Columns: warehouseDataColumns(table).map((column) => glueColumn(column)),
      Location: locations.warehouse,
      InputFormat: orcStorage.inputFormat,
      OutputFormat: orcStorage.outputFormat,
      Compressed: table.storage.compression !== 'NONE',
      SerdeInfo: { SerializationLibrary: orcStorage.serde, Parameters: {} },
      StoredAsSubDirectories: false,
    },
  });
  return [staging, warehouse];
}

/** Every Glue table of an environment, in declaration order. */
export function glueTables(env: { name: string }, bucket: string, options: LocationOptions = {}): GlueTableDefinition[] {
  return tables.flatMap((table) => glueTableDefinitions(env, table, bucket, options));
}

/** The environment's four Glue databases (staging and warehouse, per kind) with their S3 locations. */
export function glueDatabases(env: { name: string }, bucket: string, options: LocationOptions = {}): GlueDatabaseDefinition[] {
  const kinds: TableKind[] = ['dimension', 'fact'];
  return kinds.flatMap((kind) => {
    const stage = stagingDatabase(env, kind);
    const warehouse = warehouseDatabase(env, kind);
    const prefixes = kindPrefixes(kind);
    return [
      {
        Name: stage,
        Description: `Staging text tables of the ${kind} loads`,
        LocationUri: locationOf(locationRoot(bucket, options), prefixes.stage),
        zone: 'stage' as const,
        kind,
      },
      {
        Name: warehouse,
        Description: `Warehouse ORC tables (${kind})`,
        LocationUri: locationOf(locationRoot(bucket, options), prefixes.warehouse),
        zone: 'warehouse' as const,
        kind,
      },
    ];
  });
}
