// A Mermaid flowchart of a definition: states as nodes (shape by type), transitions as arrows,
// Choice rules as labelled arrows, Catch as dotted arrows, a Map as a subgraph of its items' states.
// The small Pass states that only record a failure at `$.failure` are folded into the arrows that
// lead to them (the arrow goes straight on to the notification), so the diagram stays readable.
import type { ChoiceCondition, State, StateMachineDefinition, States } from '../asl/types';

const FAILURE_STYLE = 'classDef failure fill:#fde2e1,stroke:#c0392b,color:#000';
const END_STYLE = 'classDef terminal fill:#e8f5e9,stroke:#2e7d32,color:#000';

export function mermaidDiagram(definition: Pick<StateMachineDefinition, 'StartAt' | 'States'>): string {
  const ids = new Map<string, string>();
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (!id) {
      id = `s${ids.size}`;
      ids.set(name, id);
    }
    return id;
  };
  const records = failureRecords(definition.States);
  const target = (name: string): string => {
    const next = records.get(name);
    return next === undefined ? name : target(next);
  };
  const lines = ['flowchart TD', `  start(("start")) --> ${idOf(definition.StartAt)}`];
  const classes: Record<'failure' | 'terminal', string[]> = { failure: [], terminal: [] };
  const emit = (states: States, indent: string) => {
    for (const [name, state] of Object.entries(states)) {
      if (records.has(name)) continue;
      const id = idOf(name);
      if (state.Type === 'Map') {
        lines.push(`${indent}subgraph ${id} [${label(`${name} (each item)`)}]`);
        lines.push(`${indent}  direction TB`);
        lines.push(`${indent}  ${id}_start(("item")) --> ${idOf(state.ItemProcessor.StartAt)}`);
        emit(state.ItemProcessor.States, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        lines.push(`${indent}${id}${shape(state, name)}`);
      }
      if (state.Type === 'Fail') classes.failure.push(id);
      if (state.Type === 'Succeed' || ('End' in state && state.End === true)) classes.terminal.push(id);
      for (const edge of edges(state))
        lines.push(`${indent}${id} ${edge.arrow}${edge.label ? `|${label(edge.label)}|` : ''} ${idOf(target(edge.to))}`);
    }
  };
  emit(definition.States, '  ');
  if (classes.failure.length > 0) lines.push(`  ${FAILURE_STYLE}`, `  class ${classes.failure.join(',')} failure`);
  if (classes.terminal.length > 0) lines.push(`  ${END_STYLE}`, `  class ${classes.terminal.join(',')} terminal`);
  return `${lines.join('\n')}\n`;
}

/** Failure-record Pass states and where they lead. */
function failureRecords(states: States, found = new Map<string, string>()): Map<string, string> {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Pass' && state.ResultPath === '$.failure' && state.Next) found.set(name, state.Next);
    if (state.Type === 'Map') failureRecords(state.ItemProcessor.States, found);
  }
  return found;
}

function shape(state: State, name: string): string {
  const text = label(state.Type === 'Wait' ? `${name} (${state.Seconds} s)` : name);
  switch (state.Type) {
    case 'Task':
      return `[${text}]`;
    case 'Choice':
      return `{${text}}`;
    case 'Wait':
      return `[/${text}/]`;
    case 'Pass':
      return `(${text})`;
    case 'Succeed':
      return `([${text}])`;
    case 'Fail':
      return `[[${text}]]`;
    default:
      return `[${text}]`;
  }
}

interface Edge {
  to: string;
  arrow: '-->' | '-.->';
  label?: string;
}

function edges(state: State): Edge[] {
  const out: Edge[] = [];
  if (state.Type === 'Choice') {
    for (const { Next, ...condition } of state.Choices) out.push({ to: Next, arrow: '-->', label: describe(condition as ChoiceCondition) });
    if (state.Default) out.push({ to: state.Default, arrow: '-->', label: 'otherwise' });
    return out;
  }
  if ('Next' in state && state.Next) out.push({ to: state.Next, arrow: '-->' });
  if ('Catch' in state && state.Catch) {
    for (const catcher of state.Catch) {
      const errors = catcher.ErrorEquals.join(', ');
      out.push({ to: catcher.Next, arrow: '-.->', label: errors === 'States.ALL' ? 'error' : errors });
    }
  }
  return out;
}

function describe(condition: ChoiceCondition): string {
  if ('And' in condition) return condition.And.map(describe).join(' and ');
  if ('Or' in condition) return condition.Or.map(describe).join(' or ');
  if ('Not' in condition) return `not (${describe(condition.Not)})`;
  const variable = condition.Variable.replace(/^\$\./, '');
  if (condition.StringEquals !== undefined) return `${variable} = ${condition.StringEquals}`;
  if (condition.StringMatches !== undefined) return `${variable} ~ ${condition.StringMatches}`;
  if (condition.IsPresent !== undefined) return condition.IsPresent ? `${variable} given` : `no ${variable}`;
  if (condition.BooleanEquals !== undefined) return `${variable} is ${condition.BooleanEquals}`;
  return variable;
}

/** A quoted Mermaid label; quotes become entities so any state name is safe. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
