import { childStates, MASTER_STATES } from '@data-pipeline/asl';
import { describe, expect, it } from 'vitest';
import { failureRecordStates } from '../src/shaping/definition';
import { executionGraph } from '../src/shaping/graph';
import { definitionOf } from './support/history';

const master = definitionOf('master');
const launch = childStates('launch-emr-cluster');
const fact = childStates('fact-process');

/** Each arrow of the diagram as `from to`, in the order Mermaid numbers them. */
const linkLines = (mermaid: string) =>
  mermaid
    .split('\n')
    .map((line) => /^\s*(\S+?)(?:\(\(.*?\)\))? (?:-->|-\.->)(?:\|.*?\|)? (\S+)$/.exec(line))
    .flatMap((match) => (match ? [`${match[1]} ${match[2]}`] : []));
const linkStyle = (mermaid: string) => (/linkStyle ([\d,]+) /.exec(mermaid)?.[1] ?? '').split(',').filter(Boolean).map(Number);

describe('Function: executionGraph', () => {
  it.each(['master', 'launch-emr-cluster', 'dimension-process', 'add-emr-workers', 'fact-process', 'terminate-emr-cluster'])(
    'returns a node for every state of %s but its failure records',
    (workflow) => {
      // Prepare
      const definition = definitionOf(workflow);
      const names: string[] = [];
      const walk = (states: typeof definition) => {
        for (const [name, state] of Object.entries(states.States)) {
          names.push(name);
          if (state.ItemProcessor) walk(state.ItemProcessor);
        }
      };
      walk(definition);
      const records = failureRecordStates(definition);

      // Act
      const { nodes } = executionGraph(definition);

      // Assess
      expect(Object.keys(nodes).sort()).toEqual(names.filter((name) => !records.has(name)).sort());
    },
  );

  it('returns the diagram with the visited states, the taken arrows and the failed state marked', () => {
    // Prepare
    const path = {
      visited: [
        MASTER_STATES.checkDuplicate,
        MASTER_STATES.duplicate,
        MASTER_STATES.checkLanded,
        MASTER_STATES.anythingLanded,
        launch.start,
        launch.wait,
        launch.check,
      ],
      transitions: [
        [MASTER_STATES.checkDuplicate, MASTER_STATES.duplicate],
        [MASTER_STATES.duplicate, MASTER_STATES.checkLanded],
        [MASTER_STATES.checkLanded, MASTER_STATES.anythingLanded],
        [MASTER_STATES.anythingLanded, launch.start],
        [launch.start, launch.wait],
        [launch.wait, launch.check],
      ] as [string, string][],
      failure: { state: launch.check, error: 'Boom' },
    };

    // Act
    const { mermaid, nodes } = executionGraph(master, path);

    // Assess
    const visitedIds = [
      MASTER_STATES.checkDuplicate,
      MASTER_STATES.duplicate,
      MASTER_STATES.checkLanded,
      MASTER_STATES.anythingLanded,
      launch.start,
      launch.wait,
    ].map((name) => nodes[name]);
    expect(mermaid).toContain(`class ${visitedIds.join(',')} visited`);
    expect(mermaid).toContain(`class ${nodes[launch.check]} failed`);
    const links = linkLines(mermaid);
    const taken = linkStyle(mermaid).map((index) => links[index]);
    expect(taken).toEqual([
      `start ${nodes[MASTER_STATES.checkDuplicate]}`,
      `${nodes[MASTER_STATES.checkDuplicate]} ${nodes[MASTER_STATES.duplicate]}`,
      `${nodes[MASTER_STATES.duplicate]} ${nodes[MASTER_STATES.checkLanded]}`,
      `${nodes[MASTER_STATES.checkLanded]} ${nodes[MASTER_STATES.anythingLanded]}`,
      `${nodes[MASTER_STATES.anythingLanded]} ${nodes[launch.start]}`,
      `${nodes[launch.start]} ${nodes[launch.wait]}`,
      `${nodes[launch.wait]} ${nodes[launch.check]}`,
    ]);
  });

  it('returns the arrow a failure record folds into as taken when the path went through the record', () => {
    // Prepare
    const record = [...failureRecordStates(master)].find((name) => master.States[name]?.Next && name.startsWith(fact.title));
    if (!record) throw new Error('no failure record for the Fact Process');
    const path = {
      visited: [fact.done, record, 'Notify failure'],
      transitions: [
        [fact.done, record],
        [record, 'Notify failure'],
      ] as [string, string][],
    };

    // Act
    const { mermaid, nodes } = executionGraph(master, path);

    // Assess
    const links = linkLines(mermaid);
    const taken = linkStyle(mermaid).map((index) => links[index]);
    expect(taken).toContain(`${nodes[fact.done]} ${nodes['Notify failure']}`);
  });
});

describe('Function: executionGraph, a Map collapsed', () => {
  const definition = definitionOf('fact-process');
  const mapName = Object.entries(definition.States).find(([, state]) => state.Type === 'Map')?.[0] ?? '';
  const inner = Object.keys(definition.States[mapName]?.ItemProcessor?.States ?? {});

  it('returns the Map states, and draws a collapsed one as one node without its item states', () => {
    // Prepare
    const expanded = executionGraph(definition);

    // Act
    const collapsed = executionGraph(definition, undefined, { collapsed: [mapName] });

    // Assess
    const mapId = expanded.nodes[mapName] ?? '';
    expect(expanded.maps).toEqual([mapName]);
    expect(collapsed.mermaid).not.toContain(`subgraph ${mapId} `);
    expect(collapsed.mermaid).toContain(`${mapId}[["${mapName} (each item) ⊞ ${inner.length} states"]]`);
    for (const state of inner.filter((name) => expanded.nodes[name])) expect(collapsed.nodes[state]).toBe(mapId);
    for (const id of inner.map((state) => expanded.nodes[state]).filter(Boolean))
      expect(collapsed.mermaid).not.toMatch(new RegExp(`(^|[\\s,])${id}([\\s,\\[(]|$)`, 'm'));
  });

  it('returns the collapsed Map as the failed node when the failure is inside it', () => {
    // Prepare
    const failedInside = inner.find((state) => definition.States[mapName]?.ItemProcessor?.States[state]?.Type === 'Task') ?? '';
    const path = {
      visited: [mapName, failedInside],
      transitions: [[mapName, failedInside]] as [string, string][],
      failure: { state: failedInside },
    };

    // Act
    const graph = executionGraph(definition, path, { collapsed: [mapName] });

    // Assess
    const mapId = graph.nodes[mapName];
    expect(graph.mermaid).toContain(`class ${mapId} failed`);
    expect(graph.mermaid).not.toMatch(new RegExp(`class [^\\n]*\\b${mapId}\\b[^\\n]* visited`));
  });
});
