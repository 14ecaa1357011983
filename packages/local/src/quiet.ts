// When a local run has come to rest: no execution of any workflow runs (a failure's cleanup starts
// Terminate EMR Cluster after the Master ended) and no cluster is TERMINATING (Terminate ends once
// the termination is under way; the cluster's engine may take a while to stop on a loaded machine).
import { ListClustersCommand } from '@aws-sdk/client-emr';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import type { LocalNames } from './environment';
import type { Services } from './services';

export interface Unrest {
  /** Executions still RUNNING, of every workflow. */
  running: number;
  /** Clusters still TERMINATING. */
  terminating: number;
}

export async function unrest(services: Pick<Services, 'sfn' | 'emr'>, names: LocalNames): Promise<Unrest> {
  let running = 0;
  for (const workflow of WORKFLOW_IDS) {
    const { executions = [] } = await services.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: names.stateMachineArn(workflow), statusFilter: 'RUNNING' }),
    );
    running += executions.length;
  }
  const { Clusters = [] } = await services.emr.send(new ListClustersCommand({ ClusterStates: ['TERMINATING'] }));
  return { running, terminating: Clusters.length };
}

export interface QuietOptions {
  timeoutMs?: number;
  /** Called with what is still going on each time the wait goes on. */
  onWait?: (state: Unrest) => void;
}

/** Waits until nothing runs and nothing terminates; false when `timeoutMs` (default 120 s) passed first. */
export async function waitUntilQuiet(
  services: Pick<Services, 'sfn' | 'emr'>,
  names: LocalNames,
  { timeoutMs = 120_000, onWait }: QuietOptions = {},
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await unrest(services, names);
    if (state.running === 0 && state.terminating === 0) return true;
    if (Date.now() > deadline) return false;
    onWait?.(state);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
