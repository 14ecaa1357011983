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

/** Absolute path of the repository's environments/ folder (the model is consumed from source inside the monorepo). */
export function settingsDirectory(): string {
  return fileURLToPath(new URL('../../../../environments/', import.meta.url));
}

/** Repository-relative name of an environment's settings file, as messages name it. */
export function settingsFileName(environment: SettingsEnvironment, source: SettingsSource): string {
  return source === 'example' ? `environments/${environment}.example.json` : `environments/${environment}.json`;
}
