// Starting the local cloud and deploying the local environment onto it, in this process.
import { type LocalCloud, startLocalCloud } from '@data-pipeline/local-cloud';
import { deployLocal } from './deploy';
import { type LocalNames, localNames } from './environment';
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
