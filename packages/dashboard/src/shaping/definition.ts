// The few facts about a state machine definition the dashboard needs, over any definition: each state's
// type (inside Maps too) and which states only record a failure.

export interface DefinitionState {
  Type: string;
  ResultPath?: string | null;
  Next?: string;
  Seconds?: number;
  ItemProcessor?: DefinitionStates;
  Iterator?: DefinitionStates;
}

export interface DefinitionStates {
  StartAt: string;
  States: Record<string, DefinitionState>;
}

export function* allStates(definition: DefinitionStates): Generator<[string, DefinitionState]> {
  for (const [name, state] of Object.entries(definition.States)) {
    yield [name, state];
    const inner = state.ItemProcessor ?? state.Iterator;
    if (inner) yield* allStates(inner);
  }
}

export function stateTypes(definition: DefinitionStates): Map<string, string> {
  return new Map([...allStates(definition)].map(([name, state]) => [name, state.Type]));
}

/** Pass states that record a failure at `$.failure` and go on to its handling. */
export function failureRecordStates(definition: DefinitionStates): Set<string> {
  return new Set(
    [...allStates(definition)]
      .filter(([, state]) => state.Type === 'Pass' && state.ResultPath === '$.failure' && state.Next)
      .map(([name]) => name),
  );
}

/** Parses a definition as DescribeStateMachine returns it. */
export function parseDefinition(text: string): DefinitionStates {
  const parsed = JSON.parse(text) as Partial<DefinitionStates>;
  if (typeof parsed.StartAt !== 'string' || typeof parsed.States !== 'object' || parsed.States === null)
    throw new Error('the definition has no StartAt or States');
  return parsed as DefinitionStates;
}
