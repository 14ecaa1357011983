// Walks a definition, Map item processors included: what the local mode needs to override Tasks
// (by state name, as aws-local-stepfunctions wants) and Waits.
import type { State, StateMachineDefinition, States } from './asl/types';

export interface StateRef {
  name: string;
  state: State;
  /** Names of the enclosing Map states, outermost first (empty at the top level). */
  within: string[];
}

export function allStates(definition: Pick<StateMachineDefinition, 'States'>): StateRef[] {
  const found: StateRef[] = [];
  const walk = (states: States, within: string[]) => {
    for (const [name, state] of Object.entries(states)) {
      found.push({ name, state, within });
      if (state.Type === 'Map') walk(state.ItemProcessor.States, [...within, name]);
    }
  };
  walk(definition.States, []);
  return found;
}

/** Task state name → its Resource (a Lambda ARN here). */
export function taskResources(definition: Pick<StateMachineDefinition, 'States'>): Record<string, string> {
  const tasks: Record<string, string> = {};
  for (const { name, state } of allStates(definition)) if (state.Type === 'Task') tasks[name] = state.Resource;
  return tasks;
}

/** Wait state name → its Seconds. */
export function waitSeconds(definition: Pick<StateMachineDefinition, 'States'>): Record<string, number> {
  const waits: Record<string, number> = {};
  for (const { name, state } of allStates(definition)) if (state.Type === 'Wait') waits[name] = state.Seconds;
  return waits;
}

/** Names of the states that have a Retry field. */
export function retryingStates(definition: Pick<StateMachineDefinition, 'States'>): string[] {
  return allStates(definition)
    .filter(({ state }) => 'Retry' in state && Array.isArray(state.Retry))
    .map(({ name }) => name);
}
