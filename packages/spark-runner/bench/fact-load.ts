// Benchmark: the Spark runner's cold start and the fact load rate for generated rows.
//   pnpm --filter @data-pipeline/spark-runner run bench [-- --rows 1000000 --dates 30 --files 4]
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getTable, hiveScriptPath, hiveScriptVariables, loadCommand } from '@data-pipeline/model';
import { runHiveCli, startHiveSession } from '../src/index';
import { createLake, repoRoot, stageFiles } from '../test/helpers/lake';

/** The environment whose databases the scripts load here (local_stg_fact_db, local_fact_db, …). */
const LOCAL = { name: 'local' };

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    dates: { type: 'string', default: '30' },
    files: { type: 'string', default: '4' },
  },
});
const fact = getTable('sample_country_tx_fact');
const lake = createLake();
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function print(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

function generate(args: string[]): { files: string[]; rows: number } {
  return JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'data/generate.mjs'), ...args], { encoding: 'utf8' }));
}

/** The fact table's load step as EMR runs it: spark-sql with the model's engine settings, the script, its variables. */
function factLoad(): string[] {
  return loadCommand(join(repoRoot, hiveScriptPath(fact)), hiveScriptVariables(LOCAL, fact, '', { root: lake.root }));
}

/** Runs the fact load step; the INSERT's time. */
async function timedLoad(session: Awaited<ReturnType<typeof startHiveSession>>): Promise<number> {
  const load = await session.runCommand(factLoad());
  if (load.exitCode !== 0) throw new Error(load.stderr);
  return load.statements.find((statement) => statement.statement.startsWith('INSERT'))?.durationMs ?? 0;
}

async function expectRows(session: Awaited<ReturnType<typeof startHiveSession>>, expected: number): Promise<void> {
  const check = await session.run({ sql: 'SELECT count(*) FROM local_fact_db.sample_country_tx_fact' });
  const loaded = Number(check.statements.at(-1)?.rows[0]?.[0]);
  if (loaded !== expected) throw new Error(`the table holds ${loaded} rows, expected ${expected}`);
}

try {
  print('machine', `${cpus().length} cores, Node ${process.versions.node}`);

  // Cold start: a new runner process (JVM, Spark session, Hive metastore on first use), as one EMR step pays it.
  let started = performance.now();
  const cold = await runHiveCli(['-S', '-e', 'SELECT 1'], { warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
  const coldTotal = performance.now() - started;
  if (cold.exitCode !== 0) throw new Error(cold.stderr);
  print('cold start: Spark session ready', `${seconds(cold.sessionStartMs ?? 0)} s`);
  print('cold start: first statement done (SELECT 1, process exit)', `${seconds(coldTotal)} s`);
  started = performance.now();
  const metastore = await runHiveCli(['-S', '-e', 'SHOW DATABASES'], {
    warehouseDir: lake.warehouseDir,
    metastoreDir: join(lake.dir, 'fresh-metastore'),
  });
  if (metastore.exitCode !== 0) throw new Error(metastore.stderr);
  print('cold start: first metastore statement, new metastore', `${seconds(performance.now() - started)} s`);

  // Fact load: generated files staged, the real load script in a warm session.
  started = performance.now();
  const summary = JSON.parse(
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'data/generate.mjs'),
        '--rows',
        values.rows,
        '--dates',
        values.dates,
        '--files',
        values.files,
        '--out',
        join(lake.dir, 'input'),
      ],
      {
        encoding: 'utf8',
      },
    ),
  ) as { files: string[]; rows: number };
  print(
    'generate input',
    `${summary.rows} rows, ${values.dates} dates, ${summary.files.length} files in ${seconds(performance.now() - started)} s`,
  );
  stageFiles(fact, lake.root, summary.files);
  const session = await startHiveSession({ warehouseDir: lake.warehouseDir, metastoreDir: lake.metastoreDir });
  try {
    started = performance.now();
    const load = await session.runCommand(factLoad());
    const scriptMs = performance.now() - started;
    if (load.exitCode !== 0) throw new Error(load.stderr);
    const insert = load.statements.find((statement) => statement.statement.startsWith('INSERT'));
    const check = await session.run({ sql: 'SELECT count(*) FROM local_fact_db.sample_country_tx_fact' });
    const loaded = Number(check.statements.at(-1)?.rows[0]?.[0]);
    if (loaded !== summary.rows) throw new Error(`loaded ${loaded} rows, expected ${summary.rows}`);
    print('fact load: INSERT statement', `${seconds(insert?.durationMs ?? 0)} s`);
    print(
      'fact load rate (INSERT only)',
      `${Math.round(summary.rows / ((insert?.durationMs ?? 1) / 1000)).toLocaleString('en-US')} rows/s`,
    );
    print('fact load: whole script in a warm session', `${seconds(scriptMs)} s`);

    // The same script again over the same staged files: an operator's re-run after a failure later on.
    const rerun = await timedLoad(session);
    await expectRows(session, summary.rows);
    print('re-run over the same staged files: INSERT (rows unchanged)', `${seconds(rerun)} s`);

    // A new batch on new dates on top of the loaded table: the daily append.
    const daily = generate([
      '--rows',
      String(Math.round(summary.rows / 10)),
      '--dates',
      '1',
      '--files',
      '1',
      '--start-date',
      '20300101',
      '--first-id',
      String(summary.rows + 1),
      '--out',
      join(lake.dir, 'daily'),
    ]);
    stageFiles(fact, lake.root, daily.files);
    const append = await timedLoad(session);
    await expectRows(session, summary.rows + daily.rows);
    print(`append ${daily.rows} rows on a new date to ${summary.rows}: INSERT`, `${seconds(append)} s`);

    // A late file for one date the table already has: that date is rewritten, the others untouched.
    const late = generate([
      '--rows',
      '1000',
      '--dates',
      '1',
      '--files',
      '1',
      '--first-id',
      String(summary.rows + daily.rows + 1),
      '--out',
      join(lake.dir, 'late'),
    ]);
    // Generated files are all named part-NNNN: a distinct name, or it would be a re-delivery of part-0001.
    const lateFile = join(lake.dir, 'late-20240101.csv');
    copyFileSync(late.files[0] ?? '', lateFile);
    stageFiles(fact, lake.root, [lateFile]);
    const lateMs = await timedLoad(session);
    await expectRows(session, summary.rows + daily.rows + late.rows);
    print(`late file: ${late.rows} rows on an existing date: INSERT`, `${seconds(lateMs)} s`);
  } finally {
    await session.close();
  }
} finally {
  lake.remove();
}
