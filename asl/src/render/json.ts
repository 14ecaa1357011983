import type { StateMachineDefinition } from '../asl/types';

/** The committed form of a definition: two-space JSON with a final newline, keys in build order. */
export function renderDefinitionJson(definition: StateMachineDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}
