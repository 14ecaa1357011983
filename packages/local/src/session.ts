// Starting the local cloud and deploying the local environment onto it, in this process.
import { type LocalCloud, startLocalCloud } from '@data-pipeline/local-cloud';
import type { EnvironmentName } from '@data-pipeline/model';
import { deployLocal } from './deploy';
import { type LocalNames, localEnvironmentNamed, localNames } from './environment';
import { cloudDir } from './paths';
import { inProcessServices, type Services } from './services';

export interface LocalSession {
  cloud: LocalCloud;
  services: Services;
  names: LocalNames;
}

export interface StartOptions {
  dir?: string;
  /** Wait states and EMR timeouts run this fraction of their time (default 0.2: the 1 s polls of the local environment take 0.2 s). */
  timeScale?: number;
  print?: (line: string) => void;
}

export async function startAndDeploy(options: StartOptions = {}): Promise<LocalSession> {
  const names = localNames();
  const print = options.print ?? (() => {});
  const cloud = await startLocalCloud({
    dir: options.dir ?? cloudDir(),
    region: names.region,
    account: names.account,
    timeScale: options.timeScale ?? 0.2,
    emrTimings: { provisionMs: 500, bootstrapMs: 500, resizeMs: 1000, terminateMs: 300 },
  });
  try {
    print(
      `services on 127.0.0.1: S3 ${cloud.endpoints.s3}, Step Functions ${cloud.endpoints.sfn}, EMR ${cloud.endpoints.emr}, SNS ${cloud.endpoints.sns}`,
    );
    const services = inProcessServices(cloud);
    // Spark takes seconds to start: start it now, while the rest deploys.
    void cloud.catalogEngine().catch(() => undefined);
    await deployLocal(cloud, services, names, (line) => print(`deployed ${line}`));
    return { cloud, services, names };
  } catch (error) {
    await cloud.stop();
    throw error;
  }
}

/**
 * Deploys another environment beside the one of the session (`localEnvironmentNamed`): dev and prod side
 * by side on the same local services, as into one account.
 */
export async function deployNamed(
  session: LocalSession,
  name: EnvironmentName,
  print: (line: string) => void = () => {},
): Promise<LocalNames> {
  const names = localNames(localEnvironmentNamed(name));
  await deployLocal(session.cloud, session.services, names, (line) => print(`deployed ${name}: ${line}`));
  return names;
}
