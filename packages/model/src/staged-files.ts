// Where the stage-landed-files Lambda puts each landed file: a folder of its own under the table's
// staging folder, named as a Hive partition of the staging table (`source_file=<file>/`), so Hive
// and Spark both read the file's name as a column. The archive step keeps that layout.
import { tablePrefixes } from './layout';
import { SOURCE_FILE_COLUMN } from './tables/index';
import type { TableDefinition } from './tables/schema';

/** Characters Hive (FileUtils.escapePathName) and Spark (ExternalCatalogUtils) escape in a partition folder name. */
const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007f', '{', '[', ']', '^']);

/** A partition value as Hive writes it in a folder name: the characters above and control characters as %XX. */
export function escapePartitionValue(value: string): string {
  return [...value]
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      return code < 0x20 || ESCAPED.has(character) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : character;
    })
    .join('');
}

/** The inverse of escapePartitionValue. */
export function unescapePartitionValue(folder: string): string {
  return folder.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The staging key of a landed file; `file` is its key relative to the table's landing folder. */
export function stagedFileKey(table: Pick<TableDefinition, 'name' | 'kind'>, file: string): string {
  const name = file.split('/').pop() ?? file;
  return `${tablePrefixes(table).stage}${SOURCE_FILE_COLUMN.name}=${escapePartitionValue(file)}/${name}`;
}

/** The landed file (relative to the landing folder) a staging or archive key holds, or undefined for another key. */
export function sourceFileOfKey(table: Pick<TableDefinition, 'name' | 'kind'>, key: string): string | undefined {
  const prefixes = tablePrefixes(table);
  const prefix = [prefixes.stage, prefixes.archive].find((candidate) => key.startsWith(candidate));
  if (!prefix) return undefined;
  const match = new RegExp(`^${SOURCE_FILE_COLUMN.name}=([^/]+)/[^/]+$`).exec(key.slice(prefix.length));
  return match?.[1] === undefined ? undefined : unescapePartitionValue(match[1]);
}

/** Where the archive step puts a staged key: the same path under the archive folder. */
export function archivedKeyOf(table: Pick<TableDefinition, 'name' | 'kind'>, stagedKey: string): string {
  const prefixes = tablePrefixes(table);
  if (!stagedKey.startsWith(prefixes.stage)) throw new RangeError(`${stagedKey} is not under ${prefixes.stage}`);
  return `${prefixes.archive}${stagedKey.slice(prefixes.stage.length)}`;
}
