// The files committed under asl/: rendered definitions and README diagrams, from the sample references.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleReferences } from '../sample-references';
import { assertValidDefinition } from '../validate';
import { buildWorkflows, type WorkflowDefinitions } from '../workflows/index';
import { WORKFLOW_IDS } from '../workflows/registry';
import { renderDefinitionJson } from './json';
import { withDiagrams } from './readme';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function definitionPath(id: string): string {
  return join(PACKAGE_DIR, 'definitions', `${id}.asl.json`);
}

export function committedDefinitions(): WorkflowDefinitions {
  const definitions = buildWorkflows(sampleReferences());
  for (const id of WORKFLOW_IDS) assertValidDefinition(id, definitions[id]);
  return definitions;
}

/** The committed files and their expected content. */
export async function expectedArtifacts(): Promise<Map<string, string>> {
  const definitions = committedDefinitions();
  const files = new Map<string, string>();
  for (const id of WORKFLOW_IDS) files.set(definitionPath(id), renderDefinitionJson(definitions[id]));
  const readmePath = join(PACKAGE_DIR, 'README.md');
  files.set(readmePath, withDiagrams(await readFile(readmePath, 'utf8'), definitions));
  return files;
}

/** Compares (and with `write`, rewrites) the committed files; returns the ones that differed. */
export async function renderCommittedArtifacts({ write }: { write: boolean }): Promise<string[]> {
  const changed: string[] = [];
  for (const [path, content] of await expectedArtifacts()) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) continue;
    changed.push(relative(PACKAGE_DIR, path));
    if (write) await writeFile(path, content);
  }
  return changed;
}
