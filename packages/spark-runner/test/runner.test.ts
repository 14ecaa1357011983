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

describe('Function: HiveSession.run', () => {
  let session: HiveSession;
  const sessionLake = createLake();

  beforeAll(async () => {
    session = await startHiveSession({ warehouseDir: sessionLake.warehouseDir, metastoreDir: sessionLake.metastoreDir });
  });

  afterAll(async () => {
    await session?.close();
    sessionLake.remove();
  });

  it('returns a header only in the run that set hive.cli.print.header', async () => {
    // act
    const first = await session.run({ sql: 'set hive.cli.print.header=true; SELECT 7 AS seven' });
    const second = await session.run({ sql: 'SELECT 7 AS seven' });
    // assess
    expect(first.stdout).toBe('seven\n7\n');
    expect(second.stdout).toBe('7\n');
  });

  it('exits 1 naming the variable when a run uses a variable only an earlier run defined', async () => {
    // prepare
    await session.run({ sql: 'SELECT ${ONLY_HERE}', variables: { ONLY_HERE: '1' } });
    // act
    const result = await session.run({ sql: 'SELECT ${ONLY_HERE}' });
    // assess
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('undefined Hive variable ${ONLY_HERE}');
  });
});
