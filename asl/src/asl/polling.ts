// The polling loop every workflow uses: Wait → ask for the status (a Lambda) → Choice on it.
// In-progress statuses loop back to the Wait; each final status has its own next state; anything
// else is unexpected and goes to a failure state instead of looping forever.
import { type LambdaTaskOptions, lambdaTask, type StatesBuilder, statusIs, statusIsOneOf, waitState } from './builder';

export interface PollLoop {
  builder: StatesBuilder;
  wait: { name: string; seconds: number };
  check: { name: string } & Omit<LambdaTaskOptions, 'next'>;
  decide: {
    name: string;
    /** Where the status Lambda's answer puts `Status`, e.g. `$.cluster.Status`. */
    statusPath: string;
    inProgress: readonly string[];
    outcomes: ReadonlyArray<{ status: string; next: string }>;
    unexpected: string;
  };
}

/** Adds the loop's three states; returns the name of its entry (the Wait). */
export function addPollLoop({ builder, wait, check, decide }: PollLoop): string {
  const { name: checkName, ...task } = check;
  builder.add(wait.name, waitState(wait.seconds, checkName));
  builder.add(checkName, lambdaTask({ ...task, next: decide.name }));
  builder.add(decide.name, {
    Type: 'Choice',
    Choices: [
      ...decide.outcomes.map(({ status, next }) => statusIs(decide.statusPath, status, next)),
      statusIsOneOf(decide.statusPath, decide.inProgress, wait.name),
    ],
    Default: decide.unexpected,
  });
  return wait.name;
}
