// Execution histories as Step Functions reports them, for the shaping tests, over the real definitions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { repoRoot } from '@data-pipeline/local-cloud';
import { type DefinitionStates, parseDefinition } from '../../src/shaping/definition';

/** A workflow's definition as rendered by @data-pipeline/asl (asl/definitions/<workflow>.asl.json). */
export function definitionOf(workflow: string): DefinitionStates {
  return parseDefinition(readFileSync(join(repoRoot(), 'asl', 'definitions', `${workflow}.asl.json`), 'utf8'));
}

/** The states of a path, each entered and exited; `outputs` gives a state's output. */
export function historyOf(path: string[], end: HistoryEvent | undefined, outputs: Record<string, unknown> = {}): HistoryEvent[] {
  const events: HistoryEvent[] = [{ id: 1, type: 'ExecutionStarted', timestamp: new Date(0) }];
  for (const name of path) {
    events.push({
      id: events.length + 1,
      type: 'PassStateEntered',
      timestamp: new Date(events.length * 1000),
      stateEnteredEventDetails: { name, input: '{}' },
    });
    events.push({
      id: events.length + 1,
      type: 'PassStateExited',
      timestamp: new Date(events.length * 1000),
      stateExitedEventDetails: { name, output: JSON.stringify(outputs[name] ?? {}) },
    });
  }
  if (end) events.push({ ...end, id: events.length + 1 });
  return events;
}

export const failed = (error: string, cause: string): HistoryEvent => ({
  type: 'ExecutionFailed',
  timestamp: new Date(99_000),
  id: 0,
  executionFailedEventDetails: { error, cause },
});

export const succeeded: HistoryEvent = {
  type: 'ExecutionSucceeded',
  id: 0,
  timestamp: new Date(99_000),
  executionSucceededEventDetails: { output: '{}' },
};

/** The Next of the `Status = <status>` rule of a Choice. */
export function choiceNext(definition: DefinitionStates, choice: string, status: string): string {
  const find = (states: DefinitionStates): string | undefined => {
    for (const state of Object.values(states.States) as {
      Choices?: { StringEquals?: string; Next: string }[];
      ItemProcessor?: DefinitionStates;
    }[]) {
      if (state.ItemProcessor) {
        const inner = find(state.ItemProcessor);
        if (inner) return inner;
      }
    }
    const rules = (states.States[choice] as { Choices?: { StringEquals?: string; Next: string }[] } | undefined)?.Choices;
    return rules?.find((rule) => rule.StringEquals === status)?.Next;
  };
  const next = find(definition);
  if (!next) throw new Error(`no ${status} rule in ${choice}`);
  return next;
}
