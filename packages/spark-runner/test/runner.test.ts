import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRunResult, type HiveSession, InvalidRunOptionsError, runHiveCli, runHiveScript, startHiveSession } from '../src/index';
import { createLake } from './helpers/lake';

const lake = createLake();
const script = join(lake.dir, 'malformed.hql');
writeFileSync(
  script,
  [
    '-- a comment; with a semicolon and a quote',
    "SELECT '${GREETING}; world' AS greeting, ${hivevar:ANSWER} + 1 AS answer;",
    '',
    '/* block comment; */ SELECT "it\\"s" AS quoted;',
    'SELEC broken FROM nowhere;',
    'SELECT 1;',
  ].join('\n'),
);

let malformed: CliRunResult;

beforeAll(async () => {
  malformed = await runHiveScript({
    file: script,
    variables: { GREETING: 'hello', ANSWER: '41' },
    warehouseDir: lake.warehouseDir,
    metastoreDir: lake.metastoreDir,
  });
});

afterAll(() => lake.remove());

describe('Function: runHiveScript', () => {
  it('exits non-zero with the failing statement, its line and Spark message when a statement is malformed', () => {
    // assess
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toContain(`FAILED: statement 3 at line 5 of ${script}:\nSELEC broken FROM nowhere\n`);
    expect(malformed.stderr).toMatch(/Error: \[PARSE_SYNTAX_ERROR\] Syntax error at or near 'SELEC'/);
    expect(malformed.statements.map((statement) => statement.index)).toEqual([1, 2]);
  });

  it('returns the rows of the statements before the failure with -d variables substituted and quoted semicolons kept', () => {
    // assess
    expect(malformed.stdout).toBe('hello; world\t42\nit"s\n');
    expect(malformed.statements[0]).toMatchObject({ line: 2, columns: ['greeting', 'answer'], rows: [['hello; world', '42']] });
    expect(malformed.sessionStartMs).toBeGreaterThan(0);
  });

  it('throws InvalidRunOptionsError when both a file and inline HiveQL are given', async () => {
    // act
    const run = runHiveScript({ file: script, sql: 'SELECT 1', warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
    // assess
    await expect(run).rejects.toBeInstanceOf(InvalidRunOptionsError);
  });
});

describe('Function: runHiveCli', () => {
  it('exits 2 with the usage problem when neither -f nor -e is given', async () => {
    // act
    const result = await runHiveCli(['-d', 'A=1'], { warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
    // assess
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('one of the arguments -f -e is required');
  });
});

/** A session of its own for the tests of one describe block, started before them and closed after. */
function sessionForBlock(): () => HiveSession {
  let session: HiveSession | undefined;
  const sessionLake = createLake();
  beforeAll(async () => {
    session = await startHiveSession({ warehouseDir: sessionLake.warehouseDir, metastoreDir: sessionLake.metastoreDir });
  });
  afterAll(async () => {
    await session?.close();
    sessionLake.remove();
  });
  return () => {
    if (!session) throw new Error('the session did not start');
    return session;
  };
}

describe('Function: HiveSession.run', () => {
  const current = sessionForBlock();

  it('returns a header only in the run that set hive.cli.print.header', async () => {
    // act
    const first = await current().run({ sql: 'set hive.cli.print.header=true; SELECT 7 AS seven' });
    const second = await current().run({ sql: 'SELECT 7 AS seven' });
    // assess
    expect(first.stdout).toBe('seven\n7\n');
    expect(second.stdout).toBe('7\n');
  });

  it('exits 1 naming the variable when a run uses a variable only an earlier run defined', async () => {
    // prepare
    await current().run({ sql: 'SELECT ${ONLY_HERE}', variables: { ONLY_HERE: '1' } });
    // act
    const result = await current().run({ sql: 'SELECT ${ONLY_HERE}' });
    // assess
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('undefined Hive variable ${ONLY_HERE}');
  });
});

describe('Function: HiveSession.runCommand', () => {
  const current = sessionForBlock();

  it('returns the --conf and --hiveconf values of a spark-sql run in that run only', async () => {
    // act
    const first = await current().runCommand([
      'spark-sql',
      '--conf',
      'spark.sql.session.timeZone=Asia/Tokyo',
      '--hiveconf',
      'hive.exec.dynamic.partition.mode=nonstrict',
      '-S',
      '-e',
      'SELECT current_timezone(), "${hiveconf:hive.exec.dynamic.partition.mode}"',
    ]);
    const second = await current().runCommand(['spark-sql', '-S', '-e', 'SELECT current_timezone()']);
    // assess
    expect(first.stdout).toBe('Asia/Tokyo\tnonstrict\n');
    expect(second.stdout).not.toContain('Asia/Tokyo');
  });

  it('returns each statement as written on stdout with -v, and the time taken without OK on stderr, as spark-sql prints them', async () => {
    // act
    const result = await current().runCommand(['spark-sql', '-v', '-e', 'SELECT ${X} AS x', '-d', 'X=5']);
    // assess
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('SELECT ${X} AS x\n5\n');
    expect(result.stderr).toMatch(/^Time taken: \d+\.\d{3} seconds, Fetched 1 row\(s\)\n$/);
  });

  it('ignores a --conf key outside spark.* with spark-submit’s warning', async () => {
    // act
    const result = await current().runCommand(['spark-sql', '--conf', 'hive.exec.dynamic.partition.mode=strict', '-S', '-e', 'SELECT 1']);
    // assess
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Warning: Ignoring non-Spark config property: hive.exec.dynamic.partition.mode');
  });

  it('exits 1 naming the key when a --conf cannot be set in the shared session', async () => {
    // act
    const result = await current().runCommand(['spark-sql', '--conf', 'spark.sql.warehouse.dir=/elsewhere', '-e', 'SELECT 1']);
    // assess
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--conf spark.sql.warehouse.dir=/elsewhere: the local engine runs every step in one Spark session');
  });

  it('exits 2 naming the option when a spark-submit option would reshape the session', async () => {
    // act
    const result = await current().runCommand(['spark-sql', '--executor-memory', '8g', '-e', 'SELECT 1']);
    // assess
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('spark-sql: --executor-memory is not supported by the local engine');
  });

  it('throws InvalidRunOptionsError when the program is neither hive nor spark-sql', async () => {
    // act / assess
    await expect(current().runCommand(['beeline', '-e', 'SELECT 1'])).rejects.toBeInstanceOf(InvalidRunOptionsError);
  });
});
