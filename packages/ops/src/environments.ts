// Connecting to an environment: dev and prod on AWS (credentials and region from the usual AWS
// configuration, the model's region when none is configured), local on the services `pnpm local up` runs.
import { SFNClient } from '@aws-sdk/client-sfn';
import { createEmrClient, createS3Client, createSfnClient } from '@data-pipeline/core';
import { type EnvironmentName, getEnvironment } from '@data-pipeline/model';
import { type ContextParts, createContext, type Notification, type OpsContext } from './context';
import { EnvironmentUnavailableError } from './errors';

/** The region of the AWS configuration (AWS_REGION, the profile's), else the one the model deploys to. */
export async function configuredRegion(fallback: string): Promise<string> {
  const probe = new SFNClient({});
  try {
    return (await probe.config.region()) || fallback;
  } catch {
    return fallback;
  } finally {
    probe.destroy();
  }
}

export type ConnectOptions = Omit<ContextParts, 'env' | 'clients' | 'notifications'>;

export async function connectAws(name: 'dev' | 'prod', options: ConnectOptions = {}): Promise<OpsContext> {
  const env = getEnvironment(name);
  const region = await configuredRegion(env.region);
  return createContext({
    ...options,
    env,
    clients: { sfn: createSfnClient({ region }), emr: createEmrClient({ region }), s3: createS3Client({ region }) },
  });
}

export async function connectLocal(options: ConnectOptions = {}): Promise<OpsContext> {
  const local = await import('@data-pipeline/local');
  const state = local.readDaemonState();
  if (!state) throw new EnvironmentUnavailableError('the local services are not running: start them with `pnpm local up`');
  const { sfn, emr, s3 } = local.sdkClients(state);
  const notifications = async (): Promise<Notification[]> => {
    const response = await fetch(`${state.endpoints.sns}/_local/messages`);
    const messages = (await response.json()) as Array<{ Subject?: string; Message: string; Timestamp: string }>;
    return messages.map((message) => ({
      ...(message.Subject ? { subject: message.Subject } : {}),
      message: message.Message,
      timestamp: message.Timestamp,
    }));
  };
  return createContext({ pollMs: 1000, ...options, env: getEnvironment('local'), clients: { sfn, emr, s3 }, notifications });
}

export function connect(name: EnvironmentName, options: ConnectOptions = {}): Promise<OpsContext> {
  return name === 'local' ? connectLocal(options) : connectAws(name, options);
}
