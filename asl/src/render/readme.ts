// The generated part of asl/README.md: one Mermaid diagram per workflow, between two markers.
import type { StateMachineDefinition } from '../asl/types';
import { DefinitionBuildError } from '../errors';
import { WORKFLOW_IDS, WORKFLOW_TITLES, type WorkflowId } from '../workflows/registry';
import { mermaidDiagram } from './mermaid';

export const DIAGRAMS_BEGIN = '<!-- BEGIN GENERATED DIAGRAMS (pnpm --filter @data-pipeline/asl run render) -->';
export const DIAGRAMS_END = '<!-- END GENERATED DIAGRAMS -->';

export function diagramsSection(definitions: Record<WorkflowId, StateMachineDefinition>): string {
  const parts = WORKFLOW_IDS.map(
    (id) =>
      `### ${WORKFLOW_TITLES[id]}\n\n[definitions/${id}.asl.json](definitions/${id}.asl.json)\n\n\`\`\`mermaid\n${mermaidDiagram(definitions[id])}\`\`\`\n`,
  );
  return `${DIAGRAMS_BEGIN}\n\n${parts.join('\n')}\n${DIAGRAMS_END}`;
}

/** `readme` with its generated section replaced; throws when the markers are missing. */
export function withDiagrams(readme: string, definitions: Record<WorkflowId, StateMachineDefinition>): string {
  const begin = readme.indexOf(DIAGRAMS_BEGIN);
  const end = readme.indexOf(DIAGRAMS_END);
  if (begin < 0 || end < begin) throw new DefinitionBuildError('README.md has no generated-diagrams markers');
  return readme.slice(0, begin) + diagramsSection(definitions) + readme.slice(end + DIAGRAMS_END.length);
}
