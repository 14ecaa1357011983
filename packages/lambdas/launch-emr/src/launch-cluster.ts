import { type EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { type Logger, type PipelineConfig, UnexpectedResponseError } from '@data-pipeline/core';
import { buildRunJobFlowInput } from './run-job-flow-input';

export interface LaunchResult {
  ClusterId: string;
  Status: 'STARTING';
}

/** Starts the pipeline's cluster; it keeps running, waiting for steps, until it is terminated (or idles out). */
export async function launchCluster(emr: EMRClient, config: PipelineConfig, logger?: Logger): Promise<LaunchResult> {
  const input = buildRunJobFlowInput(config);
  logger?.info('launching EMR cluster', {
    name: input.Name,
    releaseLabel: input.ReleaseLabel,
    workers: { onDemand: config.instances.ondemand_worker_count, spot: config.spot.spot_worker_count },
  });
  const response = await emr.send(new RunJobFlowCommand(input));
  if (!response.JobFlowId) throw new UnexpectedResponseError(`EMR accepted cluster ${input.Name} but answered no cluster id`);
  return { ClusterId: response.JobFlowId, Status: 'STARTING' };
}
