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

/** The plain-text staging table over the stage zone: <env>_stg_dimension_db.<name> or <env>_stg_fact_db.<name>. */
export function stagingTable(env: { name: string }, table: Pick<TableDefinition, 'name' | 'kind'>): QualifiedTableName {
  return qualified(stagingDatabase(env, table.kind), table.name);
}

/** The ORC warehouse table: <env>_dimension_db.<name> or <env>_fact_db.<name>. */
export function warehouseTable(env: { name: string }, table: Pick<TableDefinition, 'name' | 'kind'>): QualifiedTableName {
  return qualified(warehouseDatabase(env, table.kind), table.name);
}
