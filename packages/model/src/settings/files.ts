import { fileURLToPath } from 'node:url';
import { UnknownSettingsSourceError } from '../errors';
import type { SettingsEnvironment } from './schema';

/**
 * Where an environment's settings are read from: environments/<env>.json at the repository root, or,
 * with DATA_PIPELINE_SETTINGS=example (the tests, the pull-request plan), the shipped
 * environments/<env>.example.json, whose placeholder values are accepted there only.
 */

export const SETTINGS_VARIABLE = 'DATA_PIPELINE_SETTINGS';

export type SettingsSource = 'account' | 'example';

/** The source DATA_PIPELINE_SETTINGS selects: unset or empty, the account's files; "example", the examples. */
export function settingsSource(variables: Readonly<Record<string, string | undefined>> = process.env): SettingsSource {
  const value = variables[SETTINGS_VARIABLE];
  if (value === undefined || value === '') return 'account';
  if (value === 'example') return 'example';
  throw new UnknownSettingsSourceError(value);
}

/** Where the settings files are read from instead of the repository's environments/ (a folder kept elsewhere). */
export const SETTINGS_DIRECTORY_VARIABLE = 'DATA_PIPELINE_SETTINGS_DIR';

/** The repository's environments/ folder (the model is consumed from source inside the monorepo). */
export function repositorySettingsDirectory(): string {
  return fileURLToPath(new URL('../../../../environments/', import.meta.url));
}

/** The folder of the settings files: DATA_PIPELINE_SETTINGS_DIR when set, else the repository's environments/. */
export function settingsDirectory(variables: Readonly<Record<string, string | undefined>> = process.env): string {
  return variables[SETTINGS_DIRECTORY_VARIABLE] || repositorySettingsDirectory();
}

/** Repository-relative name of an environment's settings file, as messages name it. */
export function settingsFileName(environment: SettingsEnvironment, source: SettingsSource): string {
  return source === 'example' ? `environments/${environment}.example.json` : `environments/${environment}.json`;
}
