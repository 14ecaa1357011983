import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  bootstrapStackName,
  MissingSettingsFileError,
  settingsDirectory,
  settingsFileName,
  settingsSource,
  stackName,
} from '@data-pipeline/model';
import { type DeployableEnvironment, deployableEnvironments } from './deployment';
import { UnknownStackError } from './errors';

export interface EnvironmentSelection {
  environments: DeployableEnvironment[];
  /** Why an environment was left out (no settings file), one line each. */
  skipped: string[];
}

function environmentOfStack(stack: string): DeployableEnvironment {
  const found = deployableEnvironments.find((name) => stack === stackName({ name }) || stack === bootstrapStackName({ name }));
  if (!found) {
    const known = deployableEnvironments.flatMap((name) => [stackName({ name }), bootstrapStackName({ name })]);
    throw new UnknownStackError(stack, known);
  }
  return found;
}

/**
 * Which environments to synthesize. Named stacks: their environments, whose settings files must exist (a
 * missing one stops the synth naming it). None named (`cdktf deploy`, `pnpm synth`): every environment
 * with a settings file, the others skipped with a note; none at all stops the synth naming the files.
 */
export function selectEnvironments(stacks: readonly string[], directory = settingsDirectory()): EnvironmentSelection {
  const source = settingsSource();
  if (stacks.length > 0) return { environments: [...new Set(stacks.map(environmentOfStack))], skipped: [] };
  if (source === 'example') return { environments: [...deployableEnvironments], skipped: [] };
  const present = deployableEnvironments.filter((name) => existsSync(join(directory, `${name}.json`)));
  if (present.length === 0) {
    const first = deployableEnvironments[0] as DeployableEnvironment;
    throw new MissingSettingsFileError(settingsFileName(first, 'account'), settingsFileName(first, 'example'));
  }
  const skipped = deployableEnvironments
    .filter((name) => !present.includes(name))
    .map((name) => `${stackName({ name })} skipped: ${settingsFileName(name, 'account')} does not exist`);
  return { environments: present, skipped };
}
