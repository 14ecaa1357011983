import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  InvalidSettingsError,
  MissingSettingsFileError,
  PlaceholderSettingsError,
  type SettingProblem,
  UnreadableSettingsError,
} from '../errors';
import { type SettingsSource, settingsDirectory, settingsFileName, settingsSource } from './files';
import { placeholderFindings } from './placeholders';
import { type Settings, type SettingsEnvironment, settingsSchema } from './schema';

export interface LoadSettingsOptions {
  /** Default: what DATA_PIPELINE_SETTINGS selects. */
  source?: SettingsSource;
  /** The folder holding <env>.json and <env>.example.json; default the repository's environments/. */
  directory?: string;
}

function isAbsent(document: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

function problemsOf(issue: z.core.$ZodIssue, document: unknown): SettingProblem[] {
  const setting = issue.path.map(String).join('.') || '(the file)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ setting: [...issue.path.map(String), key].join('.'), message: 'is not a setting (misspelt?)' }));
  }
  if (issue.path.length > 0 && isAbsent(document, issue.path)) return [{ setting, message: 'is missing' }];
  return [{ setting, message: issue.message }];
}

/**
 * Validates a settings document: its shape (every setting named in the problems), that it configures
 * the environment it is the file of, and, unless placeholders are allowed (the examples), that no
 * value is a placeholder.
 */
export function validateSettings(document: unknown, environment: SettingsEnvironment, file: string, allowPlaceholders = false): Settings {
  const parsed = settingsSchema.safeParse(document);
  if (!parsed.success)
    throw new InvalidSettingsError(
      file,
      parsed.error.issues.flatMap((issue) => problemsOf(issue, document)),
      { cause: parsed.error },
    );
  if (parsed.data.environment !== environment) {
    throw new InvalidSettingsError(file, [
      { setting: 'environment', message: `is "${parsed.data.environment}" but the file configures ${environment}` },
    ]);
  }
  if (!allowPlaceholders) {
    const findings = placeholderFindings(parsed.data);
    if (findings.length > 0) {
      throw new PlaceholderSettingsError(
        file,
        findings.map((finding) => ({ setting: finding.setting, message: `is a placeholder (${finding.value}): ${finding.reason}` })),
      );
    }
  }
  return parsed.data;
}

/** Reads and validates one settings file; `file` is the name messages give it. */
export function readSettingsFile(path: string, environment: SettingsEnvironment, file: string, allowPlaceholders = false): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UnreadableSettingsError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UnreadableSettingsError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  return validateSettings(document, environment, file, allowPlaceholders);
}

/** The settings of a deployed environment, from the file the source selects. */
export function loadSettings(environment: SettingsEnvironment, options: LoadSettingsOptions = {}): Settings {
  const source = options.source ?? settingsSource();
  const directory = options.directory ?? settingsDirectory();
  const file = settingsFileName(environment, source);
  const path = join(directory, `${file.slice('environments/'.length)}`);
  if (!existsSync(path)) throw new MissingSettingsFileError(file, settingsFileName(environment, 'example'));
  return readSettingsFile(path, environment, file, source === 'example');
}
