import { InvalidEnvironmentError, UnknownEnvironmentError } from '../errors';
import { environmentFromSettings } from '../settings/environment';
import { settingsDirectory, settingsSource } from '../settings/files';
import { type LoadSettingsOptions, loadSettings } from '../settings/load';
import { localDefinition } from './definitions';
import { type Environment, type EnvironmentName, environmentSchema } from './schema';

export const environmentNames: readonly EnvironmentName[] = ['dev', 'prod', 'local'];

/** Validates an environment (for example one built in a test or a fork of the definitions). */
export function validateEnvironment(input: unknown): Environment {
  const parsed = environmentSchema.safeParse(input);
  if (!parsed.success) {
    const name = typeof input === 'object' && input !== null && 'name' in input ? String(input.name) : '(unnamed)';
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InvalidEnvironmentError(name, problems, { cause: parsed.error });
  }
  return parsed.data;
}

export function isEnvironmentName(name: string): name is EnvironmentName {
  return (environmentNames as readonly string[]).includes(name);
}

const local = validateEnvironment(localDefinition);
const loaded = new Map<string, Environment>();

/**
 * The environment called `name`; throws UnknownEnvironmentError naming the known ones otherwise. dev
 * and prod are read from their settings file on first use (see ../settings/files.ts), so code that only
 * needs tables or the layout (a Lambda bundle) never reads one.
 */
export function getEnvironment(name: string, options: LoadSettingsOptions = {}): Environment {
  if (!isEnvironmentName(name)) throw new UnknownEnvironmentError(name, environmentNames);
  if (name === 'local') return local;
  const source = options.source ?? settingsSource();
  const directory = options.directory ?? settingsDirectory();
  const key = `${directory}:${source}:${name}`;
  let environment = loaded.get(key);
  if (!environment) {
    environment = validateEnvironment(environmentFromSettings(loadSettings(name, { source, directory })));
    loaded.set(key, environment);
  }
  return environment;
}

/** Every environment by name; dev and prod are read from their settings files when first looked at. */
export const environments: Readonly<Record<EnvironmentName, Environment>> = Object.freeze({
  get dev() {
    return getEnvironment('dev');
  },
  get prod() {
    return getEnvironment('prod');
  },
  local,
});
