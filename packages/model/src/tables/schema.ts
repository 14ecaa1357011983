import { z } from 'zod';

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,127}$/, 'must be a lowercase Hive identifier (a-z, 0-9, _)');

const PRIMITIVE = /^(tinyint|smallint|int|bigint|boolean|float|double|string|date|timestamp|binary|varchar\(\d+\)|char\(\d+\))$/;
const DECIMAL = /^decimal\((\d+),(\d+)\)$/;

/** Hive primitive types, lowercase; `decimal` needs an explicit precision and scale (Hive's bare decimal is decimal(10,0)). */
export const hiveType = z.string().refine((type) => {
  if (PRIMITIVE.test(type)) return true;
  const decimal = DECIMAL.exec(type);
  if (!decimal) return false;
  const precision = Number(decimal[1]);
  const scale = Number(decimal[2]);
  return precision >= 1 && precision <= 38 && scale <= precision;
}, 'must be a Hive primitive type such as int, string, decimal(18,2) (lowercase, decimal with precision and scale)');

export const columnSchema = z.object({
  name: identifier,
  type: hiveType,
  comment: z.string().max(255).optional(),
});

const singleCharacter = z.string().length(1, 'must be exactly one character');

/** How the files that land for a table are written. */
export const sourceFormatSchema = z.object({
  format: z.literal('csv'),
  delimiter: singleCharacter,
  quoteChar: singleCharacter,
  escapeChar: singleCharacter,
  /** Header lines at the top of every file. */
  headerRows: z.number().int().min(0).max(10),
  /** Only UTF-8 (a byte order mark is allowed): Hadoop's text reader decodes UTF-8 and drops the mark. */
  encoding: z.literal('UTF-8'),
});

/** The lineage column's name (see SOURCE_FILE_COLUMN): no declared column may take it. */
const RESERVED_COLUMN = 'source_file';

export const tableSchema = z
  .object({
    name: identifier,
    kind: z.enum(['dimension', 'fact']),
    description: z.string().min(1).max(2048),
    /** Every column in the order of the source files, partition keys included. */
    columns: z.array(columnSchema).min(1),
    /** Names of columns that partition the warehouse table, outermost first. */
    partitionKeys: z.array(identifier),
    source: sourceFormatSchema,
    /** overwrite: the warehouse table is replaced by each load; append: each load adds rows (and partitions). */
    loadMode: z.enum(['overwrite', 'append']),
    storage: z.object({ format: z.literal('ORC'), compression: z.enum(['SNAPPY', 'ZLIB', 'ZSTD', 'NONE']) }),
  })
  .superRefine((table, context) => {
    const names = table.columns.map((column) => column.name);
    const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
    if (names.includes(RESERVED_COLUMN))
      context.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `${RESERVED_COLUMN} is reserved for the lineage column every table gets`,
      });
    if (duplicates.length > 0)
      context.addIssue({ code: 'custom', path: ['columns'], message: `duplicate columns: ${duplicates.join(', ')}` });
    for (const key of table.partitionKeys) {
      if (!names.includes(key))
        context.addIssue({ code: 'custom', path: ['partitionKeys'], message: `partition key ${key} is not a column` });
    }
    if (new Set(table.partitionKeys).size !== table.partitionKeys.length) {
      context.addIssue({ code: 'custom', path: ['partitionKeys'], message: 'partition keys repeat' });
    }
    if (table.partitionKeys.length >= table.columns.length) {
      context.addIssue({ code: 'custom', path: ['partitionKeys'], message: 'at least one column must not be a partition key' });
    }
    if (table.kind === 'dimension' && (table.loadMode !== 'overwrite' || table.partitionKeys.length > 0)) {
      context.addIssue({
        code: 'custom',
        path: ['loadMode'],
        message: 'a dimension is fully overwritten: loadMode overwrite, no partition keys',
      });
    }
    if (table.kind === 'fact' && (table.loadMode !== 'append' || table.partitionKeys.length === 0)) {
      context.addIssue({
        code: 'custom',
        path: ['loadMode'],
        message: 'a fact is appended into partitions: loadMode append, at least one partition key',
      });
    }
  });

export type TableKind = z.infer<typeof tableSchema>['kind'];
export type HiveColumn = z.infer<typeof columnSchema>;
export type SourceFormat = z.infer<typeof sourceFormatSchema>;
export type TableDefinition = z.infer<typeof tableSchema>;
