// Following an execution live: each state as it is entered, until the execution ends.
import { type HistoryEvent, paginateGetExecutionHistory } from '@aws-sdk/client-sfn';
import { describeExecution, type ExecutionDetails } from '../aws/executions';
import type { OpsContext } from '../context';
import { formatDuration, formatTime } from '../output/format';

export async function executionEvents(ctx: OpsContext, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for await (const page of paginateGetExecutionHistory({ client: ctx.clients.sfn }, { executionArn, maxResults: 1000 })) {
    events.push(...(page.events ?? []));
  }
  return events;
}

/** Polls until the execution is no longer RUNNING, printing each state entered (to stderr with --json). */
export async function followExecution(ctx: OpsContext, executionArn: string): Promise<ExecutionDetails> {
  const { colors: c } = ctx.out;
  const print = ctx.out.json ? ctx.out.info : ctx.out.line;
  let seen = 0;
  for (;;) {
    const execution = await describeExecution(ctx.clients.sfn, executionArn);
    const events = await executionEvents(ctx, executionArn);
    for (const event of events.slice(seen)) {
      const entered = event.stateEnteredEventDetails?.name;
      if (entered && event.timestamp) {
        const elapsed = execution.startDate ? formatDuration(event.timestamp.getTime() - execution.startDate.getTime()) : '';
        print(`${c.dim(formatTime(event.timestamp))}  ${c.dim(elapsed.padStart(8))}  ${entered}`);
      }
    }
    seen = Math.max(seen, events.length);
    if (execution.status !== 'RUNNING') return execution;
    await ctx.sleep(ctx.pollMs);
  }
}
