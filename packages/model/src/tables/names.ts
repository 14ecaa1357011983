import { stagingDatabase, warehouseDatabase } from '../layout';
import type { TableDefinition } from './schema';

export interface QualifiedTableName {
  database: string;
  name: string;
  /** database.name */
  qualifiedName: string;
}

function qualified(database: string, name: string): QualifiedTableName {
  return { database, name, qualifiedName: `${database}.${name}` };
}

/** The plain-text staging table over the stage zone: stg_dimension_db.<name> or stg_fact_db.<name>. */
export function stagingTable(table: Pick<TableDefinition, 'name' | 'kind'>): QualifiedTableName {
  return qualified(stagingDatabase(table.kind), table.name);
}

/** The ORC warehouse table: dimension_db.<name> or fact_db.<name>. */
export function warehouseTable(table: Pick<TableDefinition, 'name' | 'kind'>): QualifiedTableName {
  return qualified(warehouseDatabase(table.kind), table.name);
}
