import { InvalidTableError, UnknownTableError } from '../errors';
import { tableDeclarations } from './declarations';
import { type HiveColumn, type TableDefinition, type TableKind, tableSchema } from './schema';

/** Validates a table declaration; throws InvalidTableError listing every problem. */
export function validateTable(input: unknown): TableDefinition {
  const parsed = tableSchema.safeParse(input);
  if (!parsed.success) {
    const name = typeof input === 'object' && input !== null && 'name' in input ? String(input.name) : '(unnamed)';
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InvalidTableError(name, problems, { cause: parsed.error });
  }
  return parsed.data;
}

function validateAll(declarations: unknown[]): TableDefinition[] {
  const validated = declarations.map(validateTable);
  const names = validated.map((table) => table.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new InvalidTableError(duplicate, ['declared more than once']);
  return validated;
}

/** The declarations (sample_country_dim, sample_country_tx_fact), validated. */
export const tables: TableDefinition[] = validateAll(tableDeclarations);

export function getTable(name: string): TableDefinition {
  const table = tables.find((candidate) => candidate.name === name);
  if (!table)
    throw new UnknownTableError(
      name,
      tables.map((candidate) => candidate.name),
    );
  return table;
}

export function tablesOfKind(kind: TableKind): TableDefinition[] {
  return tables.filter((table) => table.kind === kind);
}

/**
 * Lineage, derived for every table: in staging the partition key that keeps each landed file in a
 * folder of its own (`source_file=<file>/`), in the warehouse the last data column, naming the file
 * each row came from. Loads use it to replace exactly the rows of the files they load again.
 */
export const SOURCE_FILE_COLUMN: HiveColumn = { name: 'source_file', type: 'string', comment: 'the landed file the row came from' };

/** Declared columns that are not partition keys, in declaration order: what the source files and the warehouse have in common. */
export function dataColumns(table: TableDefinition): HiveColumn[] {
  return table.columns.filter((column) => !table.partitionKeys.includes(column.name));
}

/** Columns stored in the warehouse files: the data columns, then the lineage column. */
export function warehouseDataColumns(table: TableDefinition): HiveColumn[] {
  return [...dataColumns(table), SOURCE_FILE_COLUMN];
}

/** The partition columns, in partitionKeys order. */
export function partitionColumns(table: TableDefinition): HiveColumn[] {
  return table.partitionKeys.map((key) => {
    const column = table.columns.find((candidate) => candidate.name === key);
    if (!column) throw new InvalidTableError(table.name, [`partition key ${key} is not a column`]);
    return column;
  });
}
