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
  /** Node id of each state the diagram draws (failure records are folded into arrows and have none); inside a collapsed Map, the Map's. */
  nodes: Record<string, string>;
  /** The Map states, which can be drawn collapsed. */
  maps: string[];
}

export interface GraphOptions {
  /** Map states drawn as one node, without their item states. */
  collapsed?: readonly string[];
}

const INNER_ID = /\bs\d+(?:_start)?\b/g;

/**
 * Draws the subgraph of each Map named in `collapsed` as one node: its block of lines gives way to a
 * node line, and class statements forget the states it held.
 */
function collapse(lines: string[], mapIds: Map<string, string>, label: (id: string) => string): { lines: string[]; hidden: Set<string> } {
  const hidden = new Set<string>();
  const out: string[] = [];
  let depth = 0;
  let folded = '';
  for (const line of lines) {
    const opened = SUBGRAPH.exec(line);
    if (depth > 0) {
      if (opened) depth += 1;
      else if (line.trim() === 'end') depth -= 1;
      for (const id of line.match(INNER_ID) ?? []) if (id !== folded) hidden.add(id);
      continue;
    }
    if (opened?.[1] && mapIds.has(opened[1])) {
      folded = opened[1];
      depth = 1;
      out.push(`  ${folded}[["${label(folded)}"]]`);
      continue;
    }
    out.push(line);
  }
  const kept = out.flatMap((line) => {
    const classes = /^(\s*class )(\S+)( .*)$/.exec(line);
    if (!classes) return [line];
    const ids = (classes[2] ?? '').split(',').filter((id) => !hidden.has(id));
    return ids.length ? [`${classes[1]}${ids.join(',')}${classes[3]}`] : [];
  });
  return { lines: kept, hidden };
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

export function executionGraph(definition: DefinitionStates, path?: ExecutionPath, options: GraphOptions = {}): ExecutionGraph {
  const text = mermaidDiagram(definition as unknown as StateMachineDefinition);
  let lines = text.trimEnd().split('\n');
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
  const states = new Map(allStates(definition));
  const itemsOf = (name: string) => {
    const inner = states.get(name)?.ItemProcessor ?? states.get(name)?.Iterator;
    return inner ? [...allStates(inner)].map(([innerName]) => innerName) : [];
  };
  const mapNames = [...states].filter(([name, state]) => state.Type === 'Map' && nodes[name]).map(([name]) => name);
  const toCollapse = new Map(mapNames.filter((name) => options.collapsed?.includes(name)).map((name) => [nodes[name] ?? '', name]));
  if (toCollapse.size) {
    const labels = new Map([...idsByLabel].map(([label, id]) => [id, label]));
    const result = collapse(lines, toCollapse, (id) => `${labels.get(id) ?? id} ⊞ ${itemsOf(toCollapse.get(id) ?? '').length} states`);
    lines = result.lines;
    // The states of a collapsed Map are drawn as the Map: marking one marks it.
    for (const [id, mapName] of toCollapse) {
      for (const item of itemsOf(mapName)) if (nodes[item]) nodes[item] = id;
      maps.delete(id);
      maps.delete(`${id}_start`);
    }
  }
  if (!path) return { mermaid: `${lines.join('\n')}\n`, nodes, maps: mapNames };

  const failed = path.failure?.state;
  const failedId = failed ? nodes[failed] : undefined;
  const marked = [...new Set(path.visited.filter((name) => nodes[name] && nodes[name] !== failedId).map((name) => nodes[name] ?? ''))];
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
  if (failedId) extra.push(`  class ${failedId} failed`);
  if (links.length) extra.push(`  linkStyle ${links.join(',')} ${GRAPH_STYLES.link}`);
  return { mermaid: `${[...lines, ...extra].join('\n')}\n`, nodes, maps: mapNames };
}
