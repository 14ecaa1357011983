// Which command to run: the event's NextStepNameAndCmd, else the function's Step_Name / Cmd_Run variables.
import { type Env, optionalEnv, type StepCommand } from '@data-pipeline/core';

export const FALLBACK_VARIABLES = ['Step_Name', 'Cmd_Run'] as const;

export interface ResolvedStepCommand {
  name: string;
  /** Cmd_Run split on whitespace: the arguments of command-runner.jar. */
  args: string[];
  source: 'event' | 'environment';
}

/** A problem with the command, located by its path in the event. */
export interface CommandProblem {
  path: string[];
  message: string;
}

export type Resolution = { command: ResolvedStepCommand } | { problems: CommandProblem[] };

export function resolveStepCommand(fromEvent: StepCommand | undefined, env: Env): Resolution {
  if (fromEvent) return checked(fromEvent.Step_Name, fromEvent.Cmd_Run, 'event');
  const [name, command] = FALLBACK_VARIABLES.map((variable) => optionalEnv(variable, env));
  if (name === undefined || command === undefined) {
    const unset = FALLBACK_VARIABLES.filter((variable) => optionalEnv(variable, env) === undefined);
    const variables = unset.length === 1 ? `environment variable ${unset[0]} is` : `environment variables ${unset.join(' and ')} are`;
    return { problems: [{ path: ['NextStepNameAndCmd'], message: `is missing and the fallback ${variables} not set` }] };
  }
  return checked(name, command, 'environment');
}

export function splitCommand(command: string): string[] {
  return command.split(/\s+/).filter((arg) => arg.length > 0);
}

function checked(name: string, command: string, source: ResolvedStepCommand['source']): Resolution {
  const where = (field: string) => (source === 'event' ? ['NextStepNameAndCmd', field] : [`environment variable ${field}`]);
  const problems: CommandProblem[] = [];
  const args = splitCommand(command);
  if (name.trim() === '') problems.push({ path: where('Step_Name'), message: 'must not be blank' });
  if (args.length === 0) problems.push({ path: where('Cmd_Run'), message: 'must not be blank' });
  return problems.length > 0 ? { problems } : { command: { name: name.trim(), args, source } };
}
