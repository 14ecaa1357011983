// One pipeline run, as the schedule starts it: land files, start the Master, follow it live, then
// report and check that the warehouse holds exactly what landed.
import { DeleteObjectsCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { getEnvironment, s3Layout, tables, warehouseTable } from '@data-pipeline/model';
import { ensureTableFolders } from './deploy';
import type { LocalNames } from './environment';
import { followExecution } from './follow';
import { type FileToLand, landFiles } from './land';
import { waitUntilQuiet } from './quiet';
import { formatReport, gatherFacts } from './report';
import type { Services } from './services';
import { countDifferences, expectedSourceCounts, landedSourceCounts, type RowCounts, totals, warehouseSourceCounts } from './warehouse';

export interface PipelineRunOptions {
  files: FileToLand[];
  print: (line: string) => void;
  timeoutMs?: number;
}

export interface PipelineRunResult {
  ok: boolean;
  status: string;
  error?: string;
  cause?: string;
  problems: string[];
  counts: RowCounts;
  report: string;
  executionArn: string;
}

export async function runPipeline(services: Services, names: LocalNames, options: PipelineRunOptions): Promise<PipelineRunResult> {
  const since = new Date(Date.now() - 1000);
  const before = await warehouseSourceCounts(services, names.env);
  const landedRows = await landedSourceCounts(options.files);
  const landed = await landFiles(services.s3, names.bucket, options.files);
  options.print(`landed ${landed.length} files: ${landed.map((file) => file.key.split('/').slice(-2).join('/')).join(', ')}`);
  for (const file of landedRows.refused) options.print(`${file.path} does not fit ${file.table}'s format: the pipeline will quarantine it`);
  const name = `local-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')}`;
  const { executionArn = '' } = await services.sfn.send(
    new StartExecutionCommand({ stateMachineArn: names.stateMachineArn('master'), name, input: '{}' }),
  );
  options.print(`started the Master: ${executionArn}`);
  const end = await followExecution(services, names, { executionArn, print: options.print, timeoutMs: options.timeoutMs });
  await settle(services, names, options.print);
  const counts = totals(await warehouseSourceCounts(services, names.env));
  const facts = await gatherFacts(services, names, since);
  const problems =
    end.status === 'SUCCEEDED'
      ? countDifferences(totals(expectedSourceCounts(before, landedRows.counts)), counts)
      : [`the Master ended ${end.status}: ${end.error ?? ''} ${end.cause ?? ''}`.trim()];
  return {
    ok: end.status === 'SUCCEEDED' && problems.length === 0,
    status: end.status,
    error: end.error,
    cause: end.cause,
    problems,
    counts,
    report: formatReport(facts, counts, services),
    executionArn,
  };
}

/**
 * Waits for the executions the Master's end left running (a Terminate started on failure) to end, and
 * for the clusters they asked to terminate to leave TERMINATING, so the report shows how things ended.
 */
async function settle(services: Services, names: LocalNames, print: (line: string) => void): Promise<void> {
  let announced = false;
  await waitUntilQuiet(services, names, {
    onWait: ({ running, terminating }) => {
      if (announced) return;
      announced = true;
      print(
        running > 0
          ? `waiting for ${running} workflow(s) still running after the Master ended`
          : `waiting for ${terminating} cluster(s) to finish terminating`,
      );
    },
  });
}

/** Empties the data zones and the state file (config, scripts, tables and their folders stay): a fresh start for a full run. */
export async function resetLake(services: Services, bucket: string, env = getEnvironment('local')): Promise<number> {
  let deleted = 0;
  const zones = [s3Layout.landingRoot, s3Layout.stageRoot, s3Layout.warehouseRoot, s3Layout.archiveRoot, s3Layout.quarantineRoot];
  for (const prefix of [...zones, s3Layout.stateFileKey]) {
    for await (const page of paginateListObjectsV2({ client: services.s3 }, { Bucket: bucket, Prefix: prefix })) {
      // Directory markers stay: the tables' locations exist as they did after deployment.
      const keys = (page.Contents ?? []).map((object) => object.Key ?? '').filter((key) => key && !key.endsWith('/'));
      if (keys.length === 0) continue;
      await services.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
      deleted += keys.length;
    }
  }
  await ensureTableFolders(services.s3, bucket);
  // The catalog forgets the partitions whose folders are gone, as MSCK REPAIR … SYNC PARTITIONS does on EMR.
  for (const table of tables.filter((candidate) => candidate.partitionKeys.length > 0)) {
    await services.query(`MSCK REPAIR TABLE ${warehouseTable(env, table).qualifiedName} SYNC PARTITIONS`);
  }
  return deleted;
}
