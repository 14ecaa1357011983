import { type PipelineDefinition, pipelineDefinitions } from '../environments/definitions';
import type { Environment } from '../environments/schema';
import { defaultNameSuffix, stateBucketName, stateKey, workAreaBucketName } from '../naming';
import type { Settings, SettingsEnvironment } from './schema';

/** The settings' nameSuffix, else <account>-<region>. */
export function nameSuffixOf(settings: Pick<Settings, 'account' | 'region' | 'nameSuffix'>): string {
  return settings.nameSuffix ?? defaultNameSuffix(settings);
}

/** A deployed environment: the pipeline's definition with the account's settings. */
export function environmentFromSettings(
  settings: Settings,
  definition: PipelineDefinition = pipelineDefinitions[settings.environment],
): Environment {
  const suffix = nameSuffixOf(settings);
  const { subscription: _subscription, ...quicksight } = settings.quicksight;
  return {
    ...definition,
    region: settings.region,
    account: settings.account,
    nameSuffix: suffix,
    bucket: workAreaBucketName(definition, suffix),
    emr: { ...definition.emr, subnetIds: settings.subnetIds },
    schedule: settings.schedule,
    notifications: settings.notifications,
    quicksight,
    ...(settings.access ? { access: settings.access } : {}),
  };
}

/** Where the environment's stack keeps its Terraform state, the defaults filled in. */
export interface StateBackend {
  bucket: string;
  key: string;
  region: string;
  useLockfile: boolean;
}

export function stateBackendOf(settings: Settings): StateBackend {
  const env = { name: settings.environment as SettingsEnvironment };
  return {
    bucket: settings.stateBackend.bucket ?? stateBucketName(env, nameSuffixOf(settings)),
    key: settings.stateBackend.key ?? stateKey(env),
    region: settings.stateBackend.region ?? settings.region,
    useLockfile: settings.stateBackend.useLockfile,
  };
}
