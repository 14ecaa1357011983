import type { TableDefinition, TableKind } from './tables/schema';

/** The S3 layout of a work-area bucket (docs/ARCHITECTURE.md, "The S3 layout"). Keys never start with a slash; prefixes end with one. */

export const WORKFLOWS_ROOT = 'data-workflows';

export const s3Layout = {
  landingRoot: `${WORKFLOWS_ROOT}/landing/DWH/`,
  stageRoot: `${WORKFLOWS_ROOT}/stage/STG_DWH/`,
  warehouseRoot: `${WORKFLOWS_ROOT}/prod/DWH/`,
  archiveRoot: `${WORKFLOWS_ROOT}/archive/DWH/`,
  quarantineRoot: `${WORKFLOWS_ROOT}/quarantine/DWH/`,
  hiveScriptsPrefix: `${WORKFLOWS_ROOT}/prod/libs/hive-scripts/`,
  configIniKey: `${WORKFLOWS_ROOT}/prod/libs/lambda_fn_config/config.ini`,
  stateFileKey: `${WORKFLOWS_ROOT}/prod/state_info/data_pipeline_ClusterId.info`,
  emrLogsPrefix: `${WORKFLOWS_ROOT}/logs/emr/`,
} as const;

export type Zone = 'landing' | 'stage' | 'warehouse' | 'archive' | 'quarantine';

/** Folder of a kind in the landing and archive zones. */
export function kindFolder(kind: TableKind): 'dimensions' | 'facts' {
  return kind === 'dimension' ? 'dimensions' : 'facts';
}

/** The base name of a kind's staging database: the folder of its tables in the stage zone. */
export function stagingFolder(kind: TableKind): 'stg_dimension_db' | 'stg_fact_db' {
  return kind === 'dimension' ? 'stg_dimension_db' : 'stg_fact_db';
}

/** The base name of a kind's warehouse database: the folder of its tables in the warehouse zone. */
export function warehouseFolder(kind: TableKind): 'dimension_db' | 'fact_db' {
  return kind === 'dimension' ? 'dimension_db' : 'fact_db';
}

/**
 * A Glue database of an environment: <env>_<base name> (dev_fact_db, prod_fact_db, local_fact_db). The
 * Glue Data Catalog is shared by every environment of an account and region, so the name carries the
 * environment; the S3 folders need not, each environment having its own bucket.
 */
export function databaseName(env: { name: string }, base: string): string {
  return `${env.name}_${base}`;
}

/** The environment's staging database of a kind: dev_stg_dimension_db, dev_stg_fact_db. */
export function stagingDatabase(env: { name: string }, kind: TableKind): string {
  return databaseName(env, stagingFolder(kind));
}

/** The environment's warehouse database of a kind: dev_dimension_db, dev_fact_db. */
export function warehouseDatabase(env: { name: string }, kind: TableKind): string {
  return databaseName(env, warehouseFolder(kind));
}

export interface TablePrefixes {
  landing: string;
  stage: string;
  warehouse: string;
  archive: string;
  /** Files that did not match the table's declared format, one folder per run, with its report. */
  quarantine: string;
}

/** The S3 key prefix of every zone for a kind of table, each ending with '/'; a table's folder is <prefix><name>/. */
export function kindPrefixes(kind: TableKind): TablePrefixes {
  return {
    landing: `${s3Layout.landingRoot}${kindFolder(kind)}/`,
    stage: `${s3Layout.stageRoot}${stagingFolder(kind)}/`,
    warehouse: `${s3Layout.warehouseRoot}${warehouseFolder(kind)}/`,
    archive: `${s3Layout.archiveRoot}${kindFolder(kind)}/`,
    quarantine: `${s3Layout.quarantineRoot}${kindFolder(kind)}/`,
  };
}

/** The S3 key prefix of a table in every zone, each ending with '/'. */
export function tablePrefixes(table: Pick<TableDefinition, 'name' | 'kind'>): TablePrefixes {
  const prefixes = kindPrefixes(table.kind);
  return {
    landing: `${prefixes.landing}${table.name}/`,
    stage: `${prefixes.stage}${table.name}/`,
    warehouse: `${prefixes.warehouse}${table.name}/`,
    archive: `${prefixes.archive}${table.name}/`,
    quarantine: `${prefixes.quarantine}${table.name}/`,
  };
}

export type UriScheme = 's3' | 's3a';

/** Where the bucket's keys are reached: s3://bucket (EMR, Glue, Athena), s3a://bucket (Hadoop S3A), or any root URI. */
export interface LocationOptions {
  /** s3 unless told otherwise. */
  scheme?: UriScheme;
  /** A root URI standing for the bucket, such as file:///tmp/lake; wins over scheme. */
  root?: string;
}

export function locationRoot(bucket: string, options: LocationOptions = {}): string {
  return options.root !== undefined ? options.root.replace(/\/+$/, '') : `${options.scheme ?? 's3'}://${bucket}`;
}

/** The URI of a key (or prefix, trailing slash dropped) under a root. */
export function locationOf(root: string, key: string): string {
  return `${root}/${key.replace(/\/+$/, '')}`;
}

/** The URI of every zone folder of a table. */
export function tableLocations(
  table: Pick<TableDefinition, 'name' | 'kind'>,
  bucket: string,
  options: LocationOptions = {},
): TablePrefixes {
  const root = locationRoot(bucket, options);
  const prefixes = tablePrefixes(table);
  return {
    landing: locationOf(root, prefixes.landing),
    stage: locationOf(root, prefixes.stage),
    warehouse: locationOf(root, prefixes.warehouse),
    archive: locationOf(root, prefixes.archive),
    quarantine: locationOf(root, prefixes.quarantine),
  };
}

/**
 * s3://bucket/key. A trailing slash of a prefix is dropped, which is how Hive, Glue and s3-dist-cp all
 * accept a folder. `bucket` may be a Terraform token: it is only interpolated.
 */
export function s3Uri(bucket: string, key: string, scheme: UriScheme = 's3'): string {
  return `${scheme}://${bucket}/${key.replace(/\/+$/, '')}`;
}
