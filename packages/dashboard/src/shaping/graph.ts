// An execution's graph: the workflow's Mermaid flowchart as @data-pipeline/asl renders it from the
// definition, with the visited states and transitions marked and the failed state highlighted.
import { mermaidDiagram, type StateMachineDefinition } from '@data-pipeline/asl';
import { allStates, type DefinitionStates, failureRecordStates } from './definition';
import type { ExecutionPath } from './history';

export const GRAPH_STYLES = {
  visited: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px,color:#0f172a',
  /** A visited Map: its box holds the item states, so a lighter fill. */
  visitedGroup: 'fill:#f1f6ff,stroke:#1d4ed8,stroke-width:2px,color:#0f172a',
  failed: 'fill:#fecaca,stroke:#b91c1c,stroke-width:4px,color:#7f1d1d',
  link: 'stroke:#1d4ed8,stroke-width:3px',
} as const;

export interface ExecutionGraph {
  mermaid: string;
  /** Node id of each state the diagram draws (failure records are folded into arrows and have none). */
  nodes: Record<string, string>;
}

const NODE = /^\s*(s\d+)(?:\[\/|\[\[|\(\[|\[|\{|\()"(.*?)"/;
const SUBGRAPH = /^\s*subgraph (s\d+) \["(.*?)"\]/;
const LINK = /^\s*(\S+?)(?:\(\(".*?"\)\))? (-->|-\.->)(?:\|".*?"\|)? (s\d+)\s*$/;

const unquote = (text: string) => text.replace(/#quot;/g, '"');

/** The label asl's renderer gives a state. */
function labelOf(name: string, state: { Type: string; Seconds?: number }): string {
  if (state.Type === 'Wait') return `${name} (${state.Seconds} s)`;
  if (state.Type === 'Map') return `${name} (each item)`;
  return name;
}

export function executionGraph(definition: DefinitionStates, path?: ExecutionPath): ExecutionGraph {
  const text = mermaidDiagram(definition as unknown as StateMachineDefinition);
  const lines = text.trimEnd().split('\n');
  const idsByLabel = new Map<string, string>();
  for (const line of lines) {
    const match = SUBGRAPH.exec(line) ?? NODE.exec(line);
    if (match?.[1] && match[2] !== undefined) idsByLabel.set(unquote(match[2]), match[1]);
  }
  const nodes: Record<string, string> = {};
  const maps = new Set<string>();
  const records = failureRecordStates(definition);
  const forward = new Map<string, string>();
  for (const [name, state] of allStates(definition)) {
    const id = idsByLabel.get(labelOf(name, state));
    if (id) nodes[name] = id;
    if (id && state.Type === 'Map') maps.add(id).add(`${id}_start`);
    if (records.has(name) && state.Next) forward.set(name, state.Next);
  }
  if (!path) return { mermaid: `${lines.join('\n')}\n`, nodes };

  const failed = path.failure?.state;
  const marked = path.visited.filter((name) => name !== failed && nodes[name]).map((name) => nodes[name] ?? '');
  const visited = marked.filter((id) => !maps.has(id));
  const groups = marked.filter((id) => maps.has(id));
  // A failure record has no node: a transition into it is drawn as the arrow to where it leads.
  const through = (name: string) => forward.get(name) ?? name;
  const taken = new Set(path.transitions.map(([from, to]) => `${nodes[through(from)]} ${nodes[through(to)]}`));
  if (path.visited[0]) taken.add(`start ${nodes[path.visited[0]]}`);
  // Arrows into and out of a Map's items are not transitions of the history: taken when both ends were visited.
  const visitedIds = new Set(path.visited.map((name) => nodes[through(name)]));
  const mapLink = (from: string, to: string) => maps.has(from) && visitedIds.has(from.replace(/_start$/, '')) && visitedIds.has(to);
  const links: number[] = [];
  let index = 0;
  for (const line of lines) {
    const link = LINK.exec(line);
    if (!link) continue;
    const [from = '', to = ''] = [link[1], link[3]];
    if (taken.has(`${from} ${to}`) || mapLink(from, to)) links.push(index);
    index += 1;
  }
  const extra = [
    `  classDef visited ${GRAPH_STYLES.visited}`,
    `  classDef visitedGroup ${GRAPH_STYLES.visitedGroup}`,
    `  classDef failed ${GRAPH_STYLES.failed}`,
  ];
  if (visited.length) extra.push(`  class ${visited.join(',')} visited`);
  if (groups.length) extra.push(`  class ${groups.join(',')} visitedGroup`);
  if (failed && nodes[failed]) extra.push(`  class ${nodes[failed]} failed`);
  if (links.length) extra.push(`  linkStyle ${links.join(',')} ${GRAPH_STYLES.link}`);
  return { mermaid: `${[...lines, ...extra].join('\n')}\n`, nodes };
}
