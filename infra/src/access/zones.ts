import { kindPrefixes, s3Layout, stagingDatabase, type TableKind, type TablePrefixes, warehouseDatabase } from '@data-pipeline/model';

/**
 * The lake's zones as the people's roles see them, derived from the model's layout: a zone the layout gains
 * (a new key of `kindPrefixes`) is read by the data engineer and guarded like the others without a change here.
 */

export const TABLE_KINDS: readonly TableKind[] = ['dimension', 'fact'];

export type DataZone = keyof TablePrefixes;

/** Every data zone of the layout (landing, stage, warehouse, archive, …). */
export function dataZones(): DataZone[] {
  return Object.keys(kindPrefixes(TABLE_KINDS[0] as TableKind)) as DataZone[];
}

/** The key prefix of a zone for every kind of table, each ending with '/'. */
export function zonePrefixes(zone: DataZone): string[] {
  return TABLE_KINDS.map((kind) => kindPrefixes(kind)[zone]);
}

/** The key prefix of every zone for every kind of table. */
export function allZonePrefixes(): string[] {
  return dataZones().flatMap(zonePrefixes);
}

/** The environment's warehouse databases (dev_dimension_db, dev_fact_db). */
export const warehouseDatabases = (env: { name: string }): string[] => TABLE_KINDS.map((kind) => warehouseDatabase(env, kind));
/** The environment's staging databases (dev_stg_dimension_db, dev_stg_fact_db). */
export const stagingDatabases = (env: { name: string }): string[] => TABLE_KINDS.map((kind) => stagingDatabase(env, kind));

/** Where EMR writes its logs (operators read them). */
export const EMR_LOGS_PREFIX = s3Layout.emrLogsPrefix;
