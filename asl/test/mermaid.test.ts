import { describe, expect, it } from 'vitest';
import { mermaidDiagram } from '../src/render/mermaid';
import { sampleReferences } from '../src/sample-references';
import { buildWorkflows } from '../src/workflows/index';

const definitions = buildWorkflows(sampleReferences());

describe('Function: mermaidDiagram', () => {
  it('returns a flowchart with a node per state and labelled choices, folding failure records into their arrows', () => {
    // Act
    const diagram = mermaidDiagram(definitions['launch-emr-cluster']);

    // Assess
    const lines = diagram.trim().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    const node = (name: string) =>
      lines
        .find((line) => line.endsWith(`"${name}"]`) || line.endsWith(`"${name}"}`))
        ?.trim()
        .split(/[[{(]/)[0];
    const notify = node('Notify failure');
    const check = node('Check cluster status');
    const started = node('Cluster started?');
    expect(lines).toContain(`  ${started} -->|"cluster.Status = STOPPED"| ${notify}`);
    expect(lines).toContain(`  ${check} -.->|"error"| ${notify}`);
    expect(diagram).not.toContain('Cluster stopped while starting');
    expect(diagram).toContain(`[/"Wait for cluster start (${sampleReferences().pollIntervals.clusterStart} s)"/]`);
    expect(diagram).toContain('[["Launch EMR Cluster failed"]]');
  });

  it('returns the Map as a subgraph holding the item states', () => {
    // Act
    const diagram = mermaidDiagram(definitions['dimension-process']);

    // Assess
    expect(diagram).toMatch(/subgraph s\d+ \["Process dimension tables \(each item\)"\]/);
    expect(diagram).toContain('"Load into warehouse"');
    expect(diagram).not.toContain('Load step failed');
  });
});
