// When is another execution a duplicate? Two rules, both pure.

export interface RunningExecution {
  executionArn: string;
  startDate: Date;
}

/**
 * The original rule, for callers that do not say which execution they are: the caller is one of the
 * RUNNING executions, so any more than one means another is running. Two executions started at the same
 * moment both see two and both stop.
 */
export function moreThanOneRunning(running: readonly RunningExecution[]): boolean {
  return running.length > 1;
}

/**
 * The rule when the caller passes its own execution ARN: the other RUNNING executions that started
 * before it (ties broken by execution ARN order). Of executions started at the same moment exactly one,
 * the first, sees none and continues.
 */
export function runningBefore(running: readonly RunningExecution[], current: RunningExecution): RunningExecution[] {
  return running.filter(
    (other) =>
      other.executionArn !== current.executionArn &&
      (other.startDate.getTime() < current.startDate.getTime() ||
        (other.startDate.getTime() === current.startDate.getTime() && other.executionArn < current.executionArn)),
  );
}
