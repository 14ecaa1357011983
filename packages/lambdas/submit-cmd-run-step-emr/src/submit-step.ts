import { AddJobFlowStepsCommand, type EMRClient } from '@aws-sdk/client-emr';
import { type Logger, rethrowUnknownCluster, UnexpectedResponseError } from '@data-pipeline/core';
import type { ResolvedStepCommand } from './step-command';

export interface SubmitResult {
  ClusterId: string;
  StepId: string;
  Status: 'SUBMITTED';
}

/**
 * Adds one command-runner.jar step. A failed step does not stop the cluster or cancel later steps
 * (CONTINUE): the workflow sees the failure through status-step-emr and decides. EMR also rejects
 * CANCEL_AND_WAIT when steps run concurrently.
 */
export async function submitStep(emr: EMRClient, clusterId: string, command: ResolvedStepCommand, logger?: Logger): Promise<SubmitResult> {
  logger?.info('submitting EMR step', { name: command.name, args: command.args, from: command.source });
  let stepIds: string[] | undefined;
  try {
    const response = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: clusterId,
        Steps: [{ Name: command.name, ActionOnFailure: 'CONTINUE', HadoopJarStep: { Jar: 'command-runner.jar', Args: command.args } }],
      }),
    );
    stepIds = response.StepIds;
  } catch (error) {
    rethrowUnknownCluster(error, `EMR cluster ${clusterId} does not exist`);
  }
  const stepId = stepIds?.[0];
  if (!stepId) throw new UnexpectedResponseError(`EMR accepted step "${command.name}" on cluster ${clusterId} but answered no step id`);
  return { ClusterId: clusterId, StepId: stepId, Status: 'SUBMITTED' };
}
