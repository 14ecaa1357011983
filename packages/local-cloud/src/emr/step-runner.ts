// Runs the steps of one cluster: PENDING → RUNNING → COMPLETED | FAILED | CANCELLED, at most
// StepConcurrencyLevel at a time, honouring ActionOnFailure, with stdout/stderr kept per step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { runStepCommand } from './commands/dispatch';
import type { CommandResult, HiveEngine } from './commands/result';
import type { EmrFaults } from './faults';
import type { Cluster, Step } from './model';
import { parseS3Uri } from './s3-uri';

export interface StepRunnerContext {
  s3: S3Client;
  faults: EmrFaults;
  hive: () => HiveEngine | undefined;
  /** Called when a step ends, so the cluster can change state. */
  onStepEnded: (step: Step) => void;
}

export function startStep(cluster: Cluster, step: Step, context: StepRunnerContext): void {
  step.state = 'RUNNING';
  step.started = new Date();
  cluster.lastActivity = new Date();
  void execute(cluster, step, context).then(async (result) => {
    await keepLogs(cluster, step, result, context.s3);
    if (step.state !== 'RUNNING') return; // cancelled while running (the cluster is terminating)
    step.ended = new Date();
    cluster.lastActivity = step.ended;
    if (result.exitCode === 0) {
      step.state = 'COMPLETED';
    } else {
      step.state = 'FAILED';
      step.failure = {
        Reason: result.reason ?? `the step exited with ${result.exitCode}`,
        Message: lastLines(result.stderr),
        LogFile: logLocation(cluster, step),
      };
    }
    context.onStepEnded(step);
  });
}

async function execute(cluster: Cluster, step: Step, context: StepRunnerContext): Promise<CommandResult> {
  const fault = context.faults.takeStepFault(step.name);
  if (fault && fault.phase !== 'end') return { exitCode: 1, stdout: '', stderr: fault.message, reason: fault.message };
  try {
    if (fault) {
      const work = await runStepCommand(
        step.jar,
        step.args.filter((arg) => arg !== '--deleteOnSuccess'),
        { s3: context.s3, hive: context.hive(), applications: cluster.applications },
      );
      return { exitCode: 1, stdout: work.stdout, stderr: `${work.stderr}\n${fault.message}`.trim(), reason: fault.message };
    }
    return await runStepCommand(step.jar, step.args, { s3: context.s3, hive: context.hive(), applications: cluster.applications });
  } catch (error) {
    const reason = `${(error as Error).name}: ${(error as Error).message}`;
    return { exitCode: 1, stdout: '', stderr: String((error as Error).stack ?? reason), reason };
  }
}

/** Where EMR would put the step's stderr: under the cluster's log URI, or the local log folder. */
export function logLocation(cluster: Cluster, step: Step): string {
  if (cluster.logUri) return `${cluster.logUri.replace(/\/?$/, '/')}${cluster.id}/steps/${step.id}/stderr`;
  return join(step.logDir, 'stderr');
}

async function keepLogs(cluster: Cluster, step: Step, result: CommandResult, s3: S3Client): Promise<void> {
  mkdirSync(step.logDir, { recursive: true });
  writeFileSync(join(step.logDir, 'stdout'), result.stdout);
  writeFileSync(join(step.logDir, 'stderr'), result.stderr);
  const target = cluster.logUri ? parseS3Uri(cluster.logUri.replace(/\/?$/, '/')) : undefined;
  if (!target) return;
  for (const name of ['stdout', 'stderr'] as const) {
    await s3
      .send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: `${target.key}${cluster.id}/steps/${step.id}/${name}`,
          Body: Buffer.from(name === 'stdout' ? result.stdout : result.stderr),
        }),
      )
      .catch(() => undefined);
  }
}

function lastLines(text: string, count = 20): string {
  return text.trim().split('\n').slice(-count).join('\n').slice(-4000);
}
