// The CLI on a private set of local services: run a command line against them, and read what they hold
// (executions, clusters, objects) to check that a command changed what it should and nothing else.
import { readFileSync } from 'node:fs';
import { ListClustersCommand } from '@aws-sdk/client-emr';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/asl';
import { type LocalSession, sampleFiles, waitUntilQuiet } from '@data-pipeline/local';
import { getEnvironment, s3Layout } from '@data-pipeline/model';
import { createContext, type OpsContext, type Output } from '../../src/context';
import { runCli } from '../../src/program';

const pause = () => new Promise((resolve) => setTimeout(resolve, 200));

export function localOps(session: LocalSession, cwd: string) {
  const { sfn, emr, s3 } = session.services;
  const arn = (workflow: WorkflowId) => session.names.stateMachineArn(workflow);

  function context(out: Partial<Output> = {}): OpsContext {
    return createContext({
      env: getEnvironment('local'),
      clients: { sfn, emr, s3 },
      notifications: async () =>
        (await session.services.messages()).map((m) => ({
          ...(m.Subject ? { subject: m.Subject } : {}),
          message: m.Message,
          timestamp: m.Timestamp,
        })),
      out: { line: () => {}, info: () => {}, ...out },
      pollMs: 200,
      cwd,
    });
  }

  /** Runs one command line (`--env local` added); the exit code and what it printed. */
  async function ops(...argv: string[]) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCli(['--env', 'local', ...argv], {
      io: { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text), isTTY: false, env: {} },
      connect: async (_, out) => context(out),
    });
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  }

  async function executionCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const workflow of WORKFLOW_IDS) {
      const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn(workflow) }));
      counts[workflow] = executions.length;
    }
    return counts;
  }

  async function clusterIds(): Promise<string[]> {
    const { Clusters = [] } = await emr.send(new ListClustersCommand({}));
    return Clusters.map((cluster) => cluster.Id ?? '').sort();
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: session.names.bucket, Prefix: prefix }));
    return Contents.map((object) => object.Key ?? '').filter((key) => !key.endsWith('/'));
  }

  /** Waits until no workflow runs and no cluster is TERMINATING (a failure's cleanup runs Terminate EMR Cluster after the Master ended). */
  async function idle(): Promise<void> {
    if (!(await waitUntilQuiet(session.services, session.names, { timeoutMs: 240_000 })))
      throw new Error('workflows still running or clusters still terminating after 240 s');
  }

  async function finished(executionArn: string) {
    for (;;) {
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return execution;
      await pause();
    }
  }

  return { arn, context, ops, executionCounts, clusterIds, keysUnder, stateFile: () => keysUnder(s3Layout.stateFileKey), idle, finished };
}

/** Data rows of a table's sample files (each has one header row). */
export function sampleRowCount(table: string): number {
  return sampleFiles()
    .filter((file) => file.table === table)
    .reduce((sum, file) => sum + readFileSync(file.path, 'utf8').trim().split('\n').length - 1, 0);
}
