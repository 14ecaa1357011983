// Walks a state machine definition (including Map iterators and Parallel branches) to find the states
// the local executor overrides: Tasks (run the matching local Lambda), Waits and Retries (time-scaled).

export interface StateDefinition {
  Type: string;
  Resource?: string;
  Seconds?: number;
  Retry?: { IntervalSeconds?: number }[];
  Parameters?: Record<string, unknown>;
  Iterator?: { States: Record<string, StateDefinition> };
  ItemProcessor?: { States: Record<string, StateDefinition> };
  Branches?: { States: Record<string, StateDefinition> }[];
}

export interface MachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
}

export function* walkStates(states: Record<string, StateDefinition>): Generator<[string, StateDefinition]> {
  for (const [name, state] of Object.entries(states)) {
    yield [name, state];
    if (state.Iterator) yield* walkStates(state.Iterator.States);
    if (state.ItemProcessor) yield* walkStates(state.ItemProcessor.States);
    for (const branch of state.Branches ?? []) yield* walkStates(branch.States);
  }
}

/** The Lambda a Task state invokes: its Resource when it is a function ARN, or the FunctionName of `lambda:invoke`. */
export function lambdaTarget(state: StateDefinition): { reference: string; wrapped: boolean } | undefined {
  const resource = state.Resource ?? '';
  if (/^arn:aws[\w-]*:lambda:/.test(resource)) return { reference: resource, wrapped: false };
  if (/^arn:aws[\w-]*:states:::lambda:invoke$/.test(resource)) {
    const name = state.Parameters?.FunctionName;
    return typeof name === 'string' ? { reference: name, wrapped: true } : { reference: '', wrapped: true };
  }
  return undefined;
}
