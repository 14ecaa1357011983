// Executions of the workflows: the running ones, the latest ones, one described.
import {
  DescribeExecutionCommand,
  type ExecutionListItem,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { UsageError } from '../errors';

export interface ExecutionSummary {
  executionArn: string;
  name: string;
  status: string;
  startDate?: Date;
  stopDate?: Date;
}

function summary(item: ExecutionListItem): ExecutionSummary {
  return {
    executionArn: item.executionArn ?? '',
    name: item.name ?? '',
    status: item.status ?? 'UNKNOWN',
    ...(item.startDate ? { startDate: item.startDate } : {}),
    ...(item.stopDate ? { stopDate: item.stopDate } : {}),
  };
}

/** Executions of a state machine that are RUNNING (a redriven execution is RUNNING again, so it counts). */
export async function runningExecutions(sfn: SFNClient, stateMachineArn: string): Promise<ExecutionSummary[]> {
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 10 }));
  return executions.map(summary);
}

/** The latest executions, newest first. */
export async function latestExecutions(sfn: SFNClient, stateMachineArn: string, limit: number): Promise<ExecutionSummary[]> {
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: limit }));
  return executions.map(summary);
}

export interface ExecutionDetails extends ExecutionSummary {
  stateMachineArn: string;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
}

export async function describeExecution(sfn: SFNClient, executionArn: string): Promise<ExecutionDetails> {
  const found = await sfn.send(new DescribeExecutionCommand({ executionArn })).catch((error: Error) => {
    if (error.name === 'ExecutionDoesNotExist' || error.name === 'InvalidArn') {
      throw new UsageError(`no execution ${executionArn}: ${error.message}`, { cause: error });
    }
    throw error;
  });
  return {
    executionArn: found.executionArn ?? executionArn,
    stateMachineArn: found.stateMachineArn ?? '',
    name: found.name ?? '',
    status: found.status ?? 'UNKNOWN',
    ...(found.startDate ? { startDate: found.startDate } : {}),
    ...(found.stopDate ? { stopDate: found.stopDate } : {}),
    ...(found.input !== undefined ? { input: found.input } : {}),
    ...(found.output !== undefined ? { output: found.output } : {}),
    ...(found.error !== undefined ? { error: found.error } : {}),
    ...(found.cause !== undefined ? { cause: found.cause } : {}),
  };
}

/** The ARN of an execution of a state machine, by its name. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** The state a running execution is in: the last state entered, from the newest events. */
export async function currentState(sfn: SFNClient, executionArn: string): Promise<string | undefined> {
  const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 20 }));
  return events.find((event) => event.stateEnteredEventDetails?.name)?.stateEnteredEventDetails?.name;
}
