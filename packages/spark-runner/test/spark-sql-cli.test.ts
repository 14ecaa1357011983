// The load step's command line on Apache Spark's own spark-sql (pyspark ships bin/spark-sql and the
// SparkSQLCLIDriver), not on the runner: the arguments the model renders for EMR — engine settings as
// --conf / --hiveconf, -v, -f, -d — are accepted by the real CLI of the deployed Spark version and load the
// same rows the runner loads. Only the metastore and warehouse locations are added, as EMR's spark-defaults
// and the Glue classification add them on the cluster.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getTable, hiveScriptPath, hiveScriptVariables, loadCommand } from '@data-pipeline/model';
import { afterAll, describe, expect, it } from 'vitest';
import { venvPython } from '../src/index';
import { readCsv } from './helpers/csv';
import { createLake, filesIn, repoRoot, stageFiles } from './helpers/lake';

const fact = getTable('sample_country_tx_fact');
const lake = createLake();
afterAll(() => lake.remove());

const sparkHome = execFileSync(venvPython(), ['-c', 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'], {
  encoding: 'utf8',
}).trim();

/** Runs bin/spark-sql with the lake's metastore and warehouse, then the given arguments. */
function sparkSql(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    join(sparkHome, 'bin', 'spark-sql'),
    [
      '--conf',
      'spark.ui.enabled=false',
      '--conf',
      `spark.sql.warehouse.dir=file://${lake.warehouseDir}`,
      '--conf',
      `spark.driver.extraJavaOptions=-Dderby.system.home=${lake.metastoreDir}`,
      ...args,
    ],
    { cwd: lake.dir, encoding: 'utf8', env: { ...process.env, SPARK_HOME: sparkHome, SPARK_LOCAL_IP: '127.0.0.1' }, timeout: 600_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Function: loadCommand on Apache Spark’s spark-sql', () => {
  it('loads the sample facts into their date partitions when the real CLI runs the step’s arguments', { timeout: 900_000 }, () => {
    // prepare
    const samples = filesIn(join(repoRoot, 'data/samples/sample_country_tx_fact'));
    const perDate = new Map<string, number>();
    for (const row of samples.flatMap((file) => readCsv(file).rows)) perDate.set(row[3] ?? '', (perDate.get(row[3] ?? '') ?? 0) + 1);
    stageFiles(fact, lake.root, samples);
    const [program, ...args] = loadCommand(
      join(repoRoot, hiveScriptPath(fact)),
      hiveScriptVariables({ name: 'local' }, fact, '', { root: lake.root }),
    );
    // act
    const load = sparkSql(args);
    const query = sparkSql([
      '-S',
      '-e',
      'SELECT date_id, count(*) FROM local_fact_db.sample_country_tx_fact GROUP BY date_id ORDER BY date_id',
    ]);
    // assess
    expect(program).toBe('spark-sql');
    expect(load.status, load.stderr.slice(-3000)).toBe(0);
    expect(load.stdout).toContain('INSERT OVERWRITE TABLE ${hivevar:WAREHOUSE_DATABASE}.sample_country_tx_fact PARTITION (date_id)');
    expect(query.status, query.stderr.slice(-3000)).toBe(0);
    expect(query.stdout.trim().split('\n')).toEqual([...perDate.entries()].sort().map(([date, count]) => `${date}\t${count}`));
  });
});
