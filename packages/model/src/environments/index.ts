import { InvalidEnvironmentError, UnknownEnvironmentError } from '../errors';
import { environmentDefinitions } from './definitions';
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

function validateAll(): Record<EnvironmentName, Environment> {
  const result = {} as Record<EnvironmentName, Environment>;
  for (const name of environmentNames) {
    const environment = validateEnvironment(environmentDefinitions[name]);
    if (environment.name !== name) {
      throw new InvalidEnvironmentError(name, [`name is "${environment.name}" but it is declared as "${name}"`]);
    }
    result[name] = environment;
  }
  return result;
}

export const environments: Record<EnvironmentName, Environment> = validateAll();

export function isEnvironmentName(name: string): name is EnvironmentName {
  return (environmentNames as readonly string[]).includes(name);
}

/** The environment called `name`; throws UnknownEnvironmentError naming the known ones otherwise. */
export function getEnvironment(name: string): Environment {
  if (!isEnvironmentName(name)) throw new UnknownEnvironmentError(name, environmentNames);
  return environments[name];
}
