import { InvalidRunOptionsError } from './errors';

/** Where the metastore and warehouse live and how Spark is configured: fixed for the life of a session. */
export interface SessionOptions {
  /** spark.sql.warehouse.dir: where managed tables go (external tables keep their LOCATION). */
  warehouseDir: string;
  /** Folder of the embedded Derby metastore (metastore_db, derby.log) and Hive scratch space. */
  metastoreDir: string;
  /** Extra Spark configuration, e.g. spark.hadoop.fs.s3a.endpoint. */
  sparkConf?: Record<string, string>;
  /** Extra environment for the Python/JVM process. */
  env?: NodeJS.ProcessEnv;
}

/** One `hive` invocation: a script file or inline HiveQL, with its variables. */
export interface HiveScriptOptions {
  /** Script path or Hadoop filesystem URI (s3a://…). Exactly one of file and sql. */
  file?: string;
  /** Inline HiveQL, like `hive -e`. */
  sql?: string;
  /** Hive variables, like `-d NAME=VALUE`. */
  variables?: Record<string, string>;
  /** Configuration for this run only, like `--hiveconf KEY=VALUE`. */
  hiveconf?: Record<string, string>;
  /** Echo statements to stderr, like `hive -v`. */
  verbose?: boolean;
}

export interface StatementResult {
  index: number;
  source: string;
  line: number;
  /** The statement as run, variables substituted. */
  statement: string;
  durationMs: number;
  columns: string[];
  /** Rows as Hive prints them (NULL for null, decimals exact). */
  rows: string[][];
}

export interface HiveRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  statements: StatementResult[];
}

function assignments(flag: string, values: Record<string, string> | undefined): string[] {
  return Object.entries(values ?? {}).flatMap(([name, value]) => {
    if (!/^[\w.:-]+$/.test(name)) throw new InvalidRunOptionsError(`${flag} name "${name}" must be letters, digits, _ . : -`);
    return [flag, `${name}=${value}`];
  });
}

/** Hive CLI arguments (-f/-e, -d, --hiveconf, -v) for a script run. */
export function hiveArguments(options: HiveScriptOptions): string[] {
  if ((options.file === undefined) === (options.sql === undefined)) throw new InvalidRunOptionsError('give exactly one of file and sql');
  return [
    ...(options.file !== undefined ? ['-f', options.file] : ['-e', options.sql ?? '']),
    ...assignments('-d', options.variables),
    ...assignments('--hiveconf', options.hiveconf),
    ...(options.verbose ? ['-v'] : []),
  ];
}

/** Runner session arguments (--warehouse, --metastore, --conf). */
export function sessionArguments(options: SessionOptions): string[] {
  if (!options.warehouseDir || !options.metastoreDir) throw new InvalidRunOptionsError('warehouseDir and metastoreDir are required');
  return ['--warehouse', options.warehouseDir, '--metastore', options.metastoreDir, ...assignments('--conf', options.sparkConf)];
}
