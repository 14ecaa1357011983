// Follows a run live: which workflow and state is running, the EMR cluster's state and its steps'.
import { ListClustersCommand, ListStepsCommand } from '@aws-sdk/client-emr';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import type { LocalNames } from './environment';
import type { Services } from './services';

export interface FollowOptions {
  /** The execution whose end stops following. */
  executionArn: string;
  print: (line: string) => void;
  intervalMs?: number;
  timeoutMs?: number;
}

export interface ExecutionEnd {
  status: string;
  error?: string;
  cause?: string;
  output?: string;
}

export async function followExecution(services: Services, names: LocalNames, options: FollowOptions): Promise<ExecutionEnd> {
  const started = Date.now();
  const seen = new Map<string, string>();
  const say = (key: string, line: string) => {
    if (seen.get(key) === line) return;
    seen.set(key, line);
    options.print(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);
  };
  for (;;) {
    await reportRunning(services, names, say).catch(() => undefined);
    const execution = await services.sfn.send(new DescribeExecutionCommand({ executionArn: options.executionArn }));
    if (execution.status !== 'RUNNING') {
      await reportRunning(services, names, say).catch(() => undefined);
      return { status: execution.status ?? 'UNKNOWN', error: execution.error, cause: execution.cause, output: execution.output };
    }
    if (options.timeoutMs && Date.now() - started > options.timeoutMs)
      return { status: 'TIMED_OUT_FOLLOWING', error: 'LocalTimeout', cause: `still running after ${options.timeoutMs} ms` };
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

async function reportRunning(services: Services, names: LocalNames, say: (key: string, line: string) => void): Promise<void> {
  for (const workflow of WORKFLOW_IDS) {
    const { executions } = await services.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: names.stateMachineArn(workflow), statusFilter: 'RUNNING', maxResults: 5 }),
    );
    for (const execution of executions ?? []) {
      const history = await services.sfn.send(
        new GetExecutionHistoryCommand({ executionArn: execution.executionArn, reverseOrder: true, maxResults: 20 }),
      );
      const entered = history.events?.find((event) => event.type?.endsWith('StateEntered'));
      if (entered) say(`sfn ${execution.executionArn}`, `${workflow}: ${entered.stateEnteredEventDetails?.name}`);
    }
  }
  const { Clusters } = await services.emr.send(
    new ListClustersCommand({ ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'] }),
  );
  for (const cluster of Clusters ?? []) {
    say(`emr ${cluster.Id}`, `cluster ${cluster.Id} ${cluster.Status?.State}`);
    const { Steps } = await services.emr.send(new ListStepsCommand({ ClusterId: cluster.Id }));
    for (const step of Steps ?? []) say(`step ${step.Id}`, `  step ${step.Name}: ${step.Status?.State}`);
  }
}
